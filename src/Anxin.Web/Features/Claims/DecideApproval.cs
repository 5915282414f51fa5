using System.Globalization;
using Anxin.Data;
using Anxin.Domain.Claims;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Http;

namespace Anxin.Web.Features.Claims;

/// <summary><see cref="Version"/> is the claim version the approver read: of two approvers deciding at once, one wins and the other gets 409.</summary>
public sealed record DecideApprovalRequest(string? Note = null, long? Version = null);

public sealed record RequestAdvancePaymentRequest(decimal? Amount, long? Version = null);

/// <summary>
/// Tiered approval (CLM-05): an approver decides the pending step within their own limit (above it the
/// domain refuses: the step stays pending for someone higher); nobody decides a step on their own
/// claim or their own request. The requester and the handler are told in the app.
/// </summary>
public sealed class DecideApprovalHandler(ChangeClaimHandler changes, GetClaimHandler details, RouteApprovalHandler routes, AnxinDbContext db)
{
    public async Task<Result<ClaimDetail>> ApproveAsync(Guid id, DecideApprovalRequest request, CancellationToken ct) =>
        await DecideAsync(id, request, approve: true, ct);

    public async Task<Result<ClaimDetail>> RejectAsync(Guid id, DecideApprovalRequest request, CancellationToken ct) =>
        await DecideAsync(id, request, approve: false, ct);

    /// <summary>先予支付 (art. 25): asks to pay the determinable part before the amount is fixed; routed like a payment.</summary>
    public async Task<Result<ClaimDetail>> RequestAdvanceAsync(Guid id, RequestAdvancePaymentRequest request, CancellationToken ct)
    {
        if (request.Amount is not { } amount)
        {
            return Result<ClaimDetail>.Invalid(nameof(request.Amount), ValidationCodes.Required);
        }

        var result = await changes.ApplyAsync(id, request.Version, async (claim, actor) =>
        {
            if (amount <= 0m)
            {
                throw new DomainException("Claim.AmountNotPositive", nameof(ClaimPayment.Amount));
            }

            var route = await routes.RouteAsync(claim, actor.StaffId, AuthorityKind.Payment, amount, ct);
            var step = claim.RequestAdvancePayment(amount, route, actor.Now);
            await ClaimNotifications.ApprovalPendingAsync(db, claim, step, route, actor.Now, ct);
            return new ClaimEvent("AdvancePaymentRequested", string.Create(CultureInfo.InvariantCulture, $"{amount:0.00} level={step.RoutedLevel}"));
        }, ct);
        return result.IsOk ? await details.DescribeAsync(result.Value!, ct) : Result<ClaimDetail>.Fail(result);
    }

    private async Task<Result<ClaimDetail>> DecideAsync(Guid id, DecideApprovalRequest request, bool approve, CancellationToken ct)
    {
        var result = await changes.ApplyAsync(id, request.Version, async (claim, actor) =>
        {
            var step = claim.PendingApproval() ?? throw new DomainException("Claim.NoPendingApproval");
            var authority = await routes.AuthorityOfAsync(actor.StaffId, ct);
            if (approve)
            {
                claim.Approve(actor.StaffId, authority, actor.Now, request.Note);
            }
            else
            {
                claim.RejectApproval(actor.StaffId, authority, request.Note ?? string.Empty, actor.Now);
            }

            await ClaimNotifications.ApprovalDecidedAsync(db, claim, step, actor.Now, ct);
            return new ClaimEvent(approve ? "ClaimApproved" : "ClaimApprovalRejected",
                string.Create(CultureInfo.InvariantCulture, $"{step.Kind} {step.Amount:0.00} {step.DecisionNote}").Trim());
        }, ct);
        return result.IsOk ? await details.DescribeAsync(result.Value!, ct) : Result<ClaimDetail>.Fail(result);
    }
}
