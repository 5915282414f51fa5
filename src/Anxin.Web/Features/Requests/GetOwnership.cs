using Anxin.Data;
using Anxin.Domain.Clocks;
using Anxin.Domain.Requests;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Requests;

/// <summary>"Who owns this now" (CC-05): name, work number (工号) and since when; the <c>_OwnerBadge</c> partial shows it.</summary>
public sealed record OwnerBadge(Guid? StaffId, string? Name, string? WorkNumber, DateTimeOffset? Since);

public sealed record HandoverView(Guid Id, HandoverKind Kind, string? From, string To, string? By, string Note, DateTimeOffset At);

public sealed record EscalationView(Guid Id, EscalationStatus Status, string Reason, string? RaisedBy, DateTimeOffset RaisedAt, string? TakenOverBy,
    DateTimeOffset? ClosedAt);

public sealed record OpenClockView(Guid Id, string RuleCode, string? Owner, DateTimeOffset DeadlineAt, bool Warned, bool Overdue, ClockState State);

/// <summary>A request's ownership as the API and pages show it, with what the caller may do.</summary>
public sealed record OwnershipView(RequestKind Kind, Guid Id, string Number, bool IsOpen, long Version, OwnerBadge Owner,
    IReadOnlyList<HandoverView> Handovers, EscalationView? Escalation, IReadOnlyList<OpenClockView> Clocks, RequestAuthority YourAuthority);

/// <summary>Owner, hand-over history, difficult-case escalation and open clocks of one case or consultation.</summary>
public sealed class GetOwnershipHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    public async Task<Result<OwnershipView>> HandleAsync(RequestKind kind, Guid id, CancellationToken ct)
    {
        var request = await OwnedRequest.LoadAsync(db, kind, id, ct);
        if (request is null || !request.IsVisibleTo(me))
        {
            return Result<OwnershipView>.NotFound();
        }

        return await ViewAsync(db, request, request.AuthorityOf(me), time.GetUtcNow(), ct);
    }

    /// <summary>The view of a request already loaded (after a change, in the same context).</summary>
    public static async Task<OwnershipView> ViewAsync(AnxinDbContext db, OwnedRequest request, RequestAuthority authority, DateTimeOffset now,
        CancellationToken ct)
    {
        var handovers = await db.Handovers.IgnoreQueryFilters().AsNoTracking()
            .Where(h => h.SubjectType == request.Kind && h.SubjectId == request.Id)
            .OrderBy(h => h.At).ThenBy(h => h.Id).ToListAsync(ct);
        var escalation = await db.Escalations.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.SubjectType == request.Kind && e.SubjectId == request.Id)
            .OrderByDescending(e => e.RaisedAt).FirstOrDefaultAsync(ct);
        var subjectType = request.SubjectType;
        var subjectId = request.SubjectId;
        var clocks = await db.ServiceClocks.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.SubjectType == subjectType && c.SubjectId == subjectId && c.State != ClockState.Stopped)
            .OrderBy(c => c.DeadlineAt).ToListAsync(ct);
        var cards = await StaffCards.LoadAsync(db, handovers.SelectMany(h => new[] { h.FromStaffId, h.ToStaffId, h.ByStaffId })
            .Append(request.OwnerStaffId).Append(escalation?.RaisedByStaffId).Append(escalation?.TakenOverByStaffId)
            .Concat(clocks.Select(c => c.OwnerStaffId)), ct);
        string? Name(Guid? staffId) => staffId is { } s && cards.TryGetValue(s, out var card) ? card.Display : null;

        var owner = request.OwnerStaffId is { } o && cards.TryGetValue(o, out var ownerCard)
            ? new OwnerBadge(o, ownerCard.Name, ownerCard.WorkNumber, request.OwnerSince)
            : new OwnerBadge(null, null, null, null);
        return new OwnershipView(request.Kind, request.Id, request.Number, request.IsOpen, request.Entity.Version, owner,
            handovers.Select(h => new HandoverView(h.Id, h.Kind, Name(h.FromStaffId), Name(h.ToStaffId) ?? string.Empty, Name(h.ByStaffId), h.Note, h.At)).ToList(),
            escalation is null ? null : new EscalationView(escalation.Id, escalation.Status, escalation.Reason, Name(escalation.RaisedByStaffId),
                escalation.RaisedAt, Name(escalation.TakenOverByStaffId), escalation.ClosedAt),
            clocks.Select(c => new OpenClockView(c.Id, c.RuleCode, Name(c.OwnerStaffId), c.DeadlineAt, c.WarnedAt is not null,
                c.State == ClockState.Running && c.DeadlineAt <= now, c.State)).ToList(),
            authority);
    }
}

/// <summary>
/// One line of a request's ownership history, for the case and consultation timelines
/// (hand-overs, take-overs, difficult-case escalations, registration errors).
/// </summary>
public sealed record RequestHistoryEntry(DateTimeOffset At, string Type, string? Actor, string? Detail);

/// <summary>The ownership events of a request as timeline entries, newest first (plug into a case timeline source).</summary>
public sealed class GetRequestHistoryHandler(AnxinDbContext db, CurrentUser me)
{
    public async Task<IReadOnlyList<RequestHistoryEntry>?> HandleAsync(RequestKind kind, Guid id, CancellationToken ct)
    {
        var request = await OwnedRequest.LoadAsync(db, kind, id, ct);
        if (request is null || !request.IsVisibleTo(me))
        {
            return null;
        }

        var handovers = await db.Handovers.IgnoreQueryFilters().AsNoTracking().Where(h => h.SubjectType == kind && h.SubjectId == id).ToListAsync(ct);
        var escalations = await db.Escalations.IgnoreQueryFilters().AsNoTracking().Where(e => e.SubjectType == kind && e.SubjectId == id).ToListAsync(ct);
        var errors = await db.RegistrationErrors.IgnoreQueryFilters().AsNoTracking().Where(e => e.SubjectType == kind && e.SubjectId == id).ToListAsync(ct);
        var cards = await StaffCards.LoadAsync(db, handovers.SelectMany(h => new[] { h.FromStaffId, h.ToStaffId, h.ByStaffId })
            .Concat(escalations.Select(e => e.RaisedByStaffId)).Concat(escalations.Select(e => e.TakenOverByStaffId))
            .Concat(errors.Select(e => e.RecordedByStaffId)).Concat(errors.Select(e => (Guid?)e.ResponsibleStaffId)), ct);
        string? Name(Guid? staffId) => staffId is { } s && cards.TryGetValue(s, out var card) ? card.Display : null;

        var entries = new List<RequestHistoryEntry>();
        entries.AddRange(handovers.Select(h => new RequestHistoryEntry(h.At, h.Kind == HandoverKind.TakeOver ? "RequestTakenOver" : "RequestHandedOver",
            Name(h.ByStaffId), $"{Name(h.FromStaffId) ?? "—"} → {Name(h.ToStaffId)}: {h.Note}")));
        entries.AddRange(escalations.Select(e => new RequestHistoryEntry(e.RaisedAt, "RequestEscalated", Name(e.RaisedByStaffId), e.Reason)));
        entries.AddRange(errors.Select(e => new RequestHistoryEntry(e.RecordedAt, "RegistrationErrorRecorded", Name(e.RecordedByStaffId),
            $"{e.Category} {Name(e.ResponsibleStaffId)}: {e.Description}")));
        return entries.OrderByDescending(e => e.At).ToList();
    }
}
