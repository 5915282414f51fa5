using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Common;
using Anxin.Domain.Requests;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Requests;

public sealed record EscalateRequest(string? Reason);

/// <summary>
/// The owner flags a case or consultation as difficult (疑难案件, CC-07) with a reason: it goes
/// to the supervisor of the owner's team — the nearest Supervisor up the organisation tree (a
/// department manager when there is none) — who is notified in-app and can take it over.
/// </summary>
public sealed partial class EscalateRequestHandler(AnxinDbContext db, CurrentUser me, TimeProvider time, ILogger<EscalateRequestHandler> log)
{
    public async Task<Result<EscalationView>> HandleAsync(RequestKind kind, Guid id, EscalateRequest request, CancellationToken ct)
    {
        var subject = await OwnedRequest.LoadAsync(db, kind, id, ct);
        if (subject is null || !subject.IsVisibleTo(me))
        {
            return Result<EscalationView>.NotFound();
        }

        if (subject.AuthorityOf(me) != RequestAuthority.Owner || me.OrgNodeId is not { } nodeId)
        {
            return Result<EscalationView>.Forbidden();
        }

        if (!subject.IsOpen)
        {
            return Result<EscalationView>.Invalid(string.Empty, subject.ClosedCode);
        }

        if (await db.Escalations.IgnoreQueryFilters().AnyAsync(e => e.SubjectType == kind && e.SubjectId == id && e.Status == EscalationStatus.Open, ct))
        {
            return Result<EscalationView>.Conflict("Escalation.AlreadyOpen");
        }

        var path = await db.OrgNodes.IgnoreQueryFilters().Where(n => n.Id == nodeId).Select(n => n.Path).SingleAsync(ct);
        var now = time.GetUtcNow();
        Escalation escalation;
        try
        {
            escalation = Escalation.Raise(subject.Ref, request.Reason, me.StaffId, nodeId, path, now);
        }
        catch (DomainException e)
        {
            return Result<EscalationView>.From(e);
        }

        db.Escalations.Add(escalation);
        var supervisors = await Supervisors.NearestAsync(db, path, me.StaffId, ct);
        var cards = await StaffCards.LoadAsync(db, [me.StaffId], ct);
        var agent = cards.Values.FirstOrDefault()?.Display ?? me.DisplayName;
        foreach (var staffId in supervisors)
        {
            await RequestFollowUp.NotifyStaffAsync(db, staffId, "Request.Escalated", new
            {
                number = subject.Number,
                kind = subject.SubjectType,
                subjectId = subject.SubjectId,
                agent,
                reason = escalation.Reason,
            }, subject, now, ct);
        }

        if (supervisors.Count == 0)
        {
            LogNoSupervisor(escalation.Id);
        }

        db.AddAuditEvent("RequestEscalated", subject.SubjectType, subject.Id,
            $"{subject.Number} by {agent} → {string.Join(',', supervisors)}: {escalation.Reason}", subject.OrgPath, now);
        await db.SaveChangesAsync(ct);
        return new EscalationView(escalation.Id, escalation.Status, escalation.Reason, agent, escalation.RaisedAt, null, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation {EscalationId}: no supervisor or manager found up the organisation tree")]
    private partial void LogNoSupervisor(Guid escalationId);
}

/// <summary>Who supervises a node: the active staff with the Supervisor role on the nearest node up the path (else a department manager).</summary>
public static class Supervisors
{
    public static async Task<IReadOnlyList<Guid>> NearestAsync(AnxinDbContext db, string orgPath, Guid? except, CancellationToken ct)
    {
        var chain = await OrgChain.LoadAsync(db, orgPath, ct);
        var ids = chain.Select(n => n.Id).ToList();
        foreach (var role in new[] { RoleCodes.Supervisor, RoleCodes.DepartmentManager })
        {
            var candidates = await (from u in db.Users
                                    join ur in db.UserRoles on u.Id equals ur.UserId
                                    join r in db.Roles on ur.RoleId equals r.Id
                                    join s in db.Staff.IgnoreQueryFilters() on u.StaffId equals s.Id
                                    where r.Name == role && s.IsActive && ids.Contains(s.OrgNodeId) && s.Id != except
                                    select new { StaffId = s.Id, s.OrgNodeId }).ToListAsync(ct);
            var nearest = chain.Reverse().FirstOrDefault(n => candidates.Any(c => c.OrgNodeId == n.Id));
            if (nearest is not null)
            {
                return candidates.Where(c => c.OrgNodeId == nearest.Id).Select(c => c.StaffId).Distinct().ToList();
            }
        }

        return [];
    }
}

public sealed record FollowUpRequest(string? Note);

/// <summary>
/// The owner records that they followed the request up (首问负责, "搞好跟踪服务"): the running
/// follow-up clock stops, met or breached, and the note goes to the audit trail.
/// </summary>
public sealed class FollowUpRequestHandler(AnxinDbContext db, CurrentUser me, ServiceClocks clocks, TimeProvider time)
{
    public async Task<Result<OwnershipView>> HandleAsync(RequestKind kind, Guid id, FollowUpRequest request, CancellationToken ct)
    {
        var subject = await OwnedRequest.LoadAsync(db, kind, id, ct);
        if (subject is null || !subject.IsVisibleTo(me))
        {
            return Result<OwnershipView>.NotFound();
        }

        var authority = subject.AuthorityOf(me);
        if (authority == RequestAuthority.None)
        {
            return Result<OwnershipView>.Forbidden();
        }

        var note = request.Note?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            return Result<OwnershipView>.Invalid(nameof(request.Note), ValidationCodes.Required);
        }

        if (note.Length > Ownership.MaxNoteLength)
        {
            return Result<OwnershipView>.Invalid(nameof(request.Note), "Validation.TooLong");
        }

        var stopped = await clocks.StopAsync(subject.SubjectType, subject.SubjectId, RequestFollowUp.RuleCode, ct);
        if (!stopped.IsOk)
        {
            return Result<OwnershipView>.Conflict("FollowUp.NoneRunning");
        }

        var now = time.GetUtcNow();
        db.AddAuditEvent("RequestFollowedUp", subject.SubjectType, subject.Id, $"{subject.Number} {stopped.Value!.Outcome}: {note}", subject.OrgPath, now);
        await db.SaveChangesAsync(ct);
        return await GetOwnershipHandler.ViewAsync(db, subject, authority, now, ct);
    }
}
