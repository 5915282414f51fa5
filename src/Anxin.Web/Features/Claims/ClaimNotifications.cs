using System.Globalization;
using Anxin.Data;
using Anxin.Domain.Claims;
using Anxin.Web.Infrastructure.Messaging;
using Anxin.Web.Features.Cases;

namespace Anxin.Web.Features.Claims;

/// <summary>In-app (and e-mail) messages about approvals, written to the outbox with the change that caused them.</summary>
public static class ClaimNotifications
{
    public static string KindText(ApprovalKind kind) => kind switch
    {
        ApprovalKind.Reserve => "准备金调整",
        ApprovalKind.AdvancePayment => "先予支付",
        _ => "赔款",
    };

    /// <summary>Tells every approver the route offers that a step waits for them.</summary>
    public static async Task ApprovalPendingAsync(AnxinDbContext db, Claim claim, ClaimApproval step, ApprovalRoute route,
        DateTimeOffset now, CancellationToken ct)
    {
        if (!step.IsPending)
        {
            return;
        }

        var requester = (await StaffNames.LoadAsync(db, [step.RequestedBy], ct)).GetValueOrDefault(step.RequestedBy) ?? string.Empty;
        var parameters = new
        {
            claimId = claim.Id,
            claimNumber = claim.Number,
            amount = step.Amount.ToString("N2", CultureInfo.InvariantCulture),
            kind = KindText(step.Kind),
            requestedBy = requester,
            link = "/claims/" + claim.Id,
        };
        foreach (var approver in route.Approvers.Distinct())
        {
            await StaffInbox.QueueAsync(db, approver, "Claim.ApprovalPending", parameters, claim.OrgNodeId, claim.OrgPath, now, ct);
        }
    }

    /// <summary>Tells the requester and the handler how a step was decided.</summary>
    public static async Task ApprovalDecidedAsync(AnxinDbContext db, Claim claim, ClaimApproval step, DateTimeOffset now,
        CancellationToken ct)
    {
        var decidedBy = step.DecidedBy is { } by ? (await StaffNames.LoadAsync(db, [by], ct)).GetValueOrDefault(by) : null;
        var parameters = new
        {
            claimId = claim.Id,
            claimNumber = claim.Number,
            amount = step.Amount.ToString("N2", CultureInfo.InvariantCulture),
            kind = KindText(step.Kind),
            decision = step.Decision == ApprovalDecision.Approved ? "批准" : "退回",
            decidedBy = decidedBy ?? string.Empty,
            note = step.DecisionNote ?? string.Empty,
            link = "/claims/" + claim.Id,
        };
        foreach (var staffId in new[] { step.RequestedBy, claim.HandlerStaffId }.Distinct())
        {
            await StaffInbox.QueueAsync(db, staffId, "Claim.ApprovalDecided", parameters, claim.OrgNodeId, claim.OrgPath, now, ct);
        }
    }
}
