using Anxin.Data;
using Anxin.Domain.Cases;
using Anxin.Domain.Clocks;
using Anxin.Domain.Consultations;
using Anxin.Domain.Requests;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Requests;

public sealed record ClockBrief(string RuleCode, DateTimeOffset DeadlineAt, bool Warned, bool Overdue);

/// <summary>One request the signed-in member of staff owns.</summary>
public sealed record MyRequestItem(RequestKind Kind, Guid Id, string Number, string Summary, string Status, bool IsOpen, DateTimeOffset Since,
    bool Difficult, long Version, IReadOnlyList<ClockBrief> Clocks)
{
    public DateTimeOffset? NextDeadline => Clocks.Count == 0 ? null : Clocks.Min(c => c.DeadlineAt);
}

public sealed record MyRequests(IReadOnlyList<MyRequestItem> Items, int OpenCases, int OpenConsultations, int Overdue);

/// <summary>
/// Everything the signed-in member of staff owns (CC-05) — open cases and pending consultations,
/// wherever they were registered (ownership crosses departments), inside the insurer partition —
/// with their running clocks, the nearest deadline first.
/// </summary>
public sealed class ListMyRequestsHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    public const int Limit = 200;

    public async Task<MyRequests> HandleAsync(bool includeClosed, CancellationToken ct)
    {
        if (me.StaffId is not { } staffId)
        {
            return new MyRequests([], 0, 0, 0);
        }

        var now = time.GetUtcNow();
        var cases = db.Cases.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking().Where(c => c.OwnerStaffId == staffId);
        if (!includeClosed)
        {
            cases = cases.Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Cancelled);
        }

        var consultations = db.Consultations.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking().Where(c => c.OwnerStaffId == staffId);
        if (!includeClosed)
        {
            consultations = consultations.Where(c => c.Status == ConsultationStatus.Pending);
        }

        var caseRows = await cases.OrderByDescending(c => c.ReportedAt).Take(Limit)
            .Select(c => new { c.Id, c.Number, c.Plate, c.LossPlace, c.Status, c.ReportedAt, c.Version }).ToListAsync(ct);
        var consultationRows = await consultations.OrderByDescending(c => c.ReceivedAt).Take(Limit)
            .Select(c => new { c.Id, c.Number, c.Question, c.Status, c.OwnerSince, c.Version }).ToListAsync(ct);

        var caseIds = caseRows.Select(c => c.Id).ToList();
        var consultationIds = consultationRows.Select(c => c.Id).ToList();
        var since = (await db.Handovers.IgnoreQueryFilters().AsNoTracking()
                .Where(h => h.SubjectType == RequestKind.Case && caseIds.Contains(h.SubjectId))
                .Select(h => new { Id = h.SubjectId, h.At }).ToListAsync(ct))
            .GroupBy(h => h.Id).Select(g => new { Id = g.Key, At = g.Max(h => h.At) }).ToList();
        var difficult = await db.Escalations.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.Status == EscalationStatus.Open && (caseIds.Contains(e.SubjectId) || consultationIds.Contains(e.SubjectId)))
            .Select(e => e.SubjectId).ToListAsync(ct);
        var subjectIds = caseIds.Concat(consultationIds).Select(i => i.ToString()).ToList();
        var clocks = await db.ServiceClocks.IgnoreQueryFilters().AsNoTracking()
            .Where(c => subjectIds.Contains(c.SubjectId) && c.State != ClockState.Stopped)
            .Select(c => new { c.SubjectId, c.RuleCode, c.DeadlineAt, c.WarnedAt, c.State }).ToListAsync(ct);

        IReadOnlyList<ClockBrief> ClocksOf(Guid id) => clocks.Where(c => c.SubjectId == id.ToString()).OrderBy(c => c.DeadlineAt)
            .Select(c => new ClockBrief(c.RuleCode, c.DeadlineAt, c.WarnedAt is not null, c.State == ClockState.Running && c.DeadlineAt <= now)).ToList();

        var items = caseRows.Select(c => new MyRequestItem(RequestKind.Case, c.Id, c.Number, Summary($"{c.Plate} {c.LossPlace}"), "Case.Status." + c.Status,
                c.Status is not (CaseStatus.Closed or CaseStatus.Cancelled), since.FirstOrDefault(s => s.Id == c.Id)?.At ?? c.ReportedAt,
                difficult.Contains(c.Id), c.Version, ClocksOf(c.Id)))
            .Concat(consultationRows.Select(c => new MyRequestItem(RequestKind.Consultation, c.Id, c.Number, Summary(c.Question),
                "Consultation.Status." + c.Status, c.Status == ConsultationStatus.Pending, c.OwnerSince, difficult.Contains(c.Id), c.Version, ClocksOf(c.Id))))
            .OrderBy(i => i.IsOpen ? 0 : 1).ThenBy(i => i.NextDeadline ?? DateTimeOffset.MaxValue).ThenByDescending(i => i.Since)
            .ToList();
        return new MyRequests(items, caseRows.Count(c => c.Status is not (CaseStatus.Closed or CaseStatus.Cancelled)),
            consultationRows.Count(c => c.Status == ConsultationStatus.Pending), items.Count(i => i.Clocks.Any(c => c.Overdue)));
    }

    private static string Summary(string? text)
    {
        text = (text ?? string.Empty).Trim();
        return text.Length > 60 ? text[..60] + "…" : text;
    }
}

/// <summary>A difficult request waiting for its supervisor (or closed), with the request's current owner.</summary>
public sealed record EscalationItem(Guid Id, RequestKind Kind, Guid SubjectId, string Number, string Reason, EscalationStatus Status,
    string? RaisedBy, DateTimeOffset RaisedAt, string? Owner, string? TakenOverBy, DateTimeOffset? ClosedAt);

/// <summary>Difficult-case escalations raised in the actor's organisation scope (CC-07), oldest open first.</summary>
public sealed class ListEscalationsHandler(AnxinDbContext db)
{
    public const int Limit = 200;

    public async Task<IReadOnlyList<EscalationItem>> HandleAsync(EscalationStatus? status, CancellationToken ct)
    {
        var query = db.Escalations.AsNoTracking();
        query = status is { } s ? query.Where(e => e.Status == s) : query.Where(e => e.Status == EscalationStatus.Open);
        var rows = await query.OrderBy(e => e.RaisedAt).ThenBy(e => e.Id).Take(Limit).ToListAsync(ct);
        var caseIds = rows.Where(r => r.SubjectType == RequestKind.Case).Select(r => r.SubjectId).ToList();
        var consultationIds = rows.Where(r => r.SubjectType == RequestKind.Consultation).Select(r => r.SubjectId).ToList();
        var owners = (await db.Cases.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking().Where(c => caseIds.Contains(c.Id))
                .Select(c => new { c.Id, c.OwnerStaffId }).ToListAsync(ct))
            .Concat(await db.Consultations.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking().Where(c => consultationIds.Contains(c.Id))
                .Select(c => new { c.Id, c.OwnerStaffId }).ToListAsync(ct))
            .ToDictionary(o => o.Id, o => o.OwnerStaffId);
        var cards = await StaffCards.LoadAsync(db, rows.SelectMany(r => new[] { r.RaisedByStaffId, r.TakenOverByStaffId }).Concat(owners.Values), ct);
        string? Name(Guid? staffId) => staffId is { } id && cards.TryGetValue(id, out var card) ? card.Display : null;
        return rows.Select(r => new EscalationItem(r.Id, r.SubjectType, r.SubjectId, r.SubjectNumber, r.Reason, r.Status, Name(r.RaisedByStaffId),
            r.RaisedAt, Name(owners.GetValueOrDefault(r.SubjectId)), Name(r.TakenOverByStaffId), r.ClosedAt)).ToList();
    }
}
