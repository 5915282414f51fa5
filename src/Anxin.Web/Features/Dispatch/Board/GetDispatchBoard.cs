using Anxin.Data;
using Anxin.Domain.Cases;
using Anxin.Domain.Clocks;
using Anxin.Domain.Dispatch;
using Anxin.Domain.Policies;
using Anxin.Web.Features.Cases;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Dispatch;

/// <summary>A case waiting for a surveyor, with its dispatch clock.</summary>
public sealed record WaitingCase(Guid Id, string Number, ProductLine Line, string? InsurerCode, string? Plate, string LossPlace, bool Injuries,
    DateTimeOffset ReportedAt, int WaitingMinutes, DateTimeOffset? DueAt, bool Warned, bool Overdue);

/// <summary>A case with a surveyor on the way or on site.</summary>
public sealed record ActiveCase(Guid Id, string Number, CaseStatus Status, string? InsurerCode, Guid AssignmentId, AssignmentState State,
    string? SurveyorName, DateTimeOffset AssignedAt, DateTimeOffset? DueAt, bool Overdue);

public sealed record BoardSurveyor(Guid StaffId, string Name, string WorkNumber, string? OrgNodeName, SurveyorPresence Presence, int ActiveLoad,
    int LoadCap, SurveyorSkills Skills, DateTimeOffset? PositionAt);

public sealed record DispatchBoard(DateTimeOffset At, IReadOnlyList<WaitingCase> Waiting, IReadOnlyList<ActiveCase> Active, IReadOnlyList<BoardSurveyor> Surveyors);

/// <summary>
/// The dispatcher's live view: cases waiting for a surveyor, longest wait first, with the dispatch
/// clock's state; cases in progress with the running contact or arrival clock; and the
/// surveyors of the dispatcher's branch by presence and load.
/// </summary>
public sealed class GetDispatchBoardHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    public const int MaxRows = 100;

    public async Task<DispatchBoard> HandleAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var waiting = await db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Reported)
            .OrderBy(c => c.ReportedAt).ThenBy(c => c.Id).Take(MaxRows)
            .Select(c => new
            {
                c.Id, c.Number, c.Line, c.Plate, c.LossPlace, c.Injuries, c.ReportedAt,
                InsurerCode = db.Insurers.Where(i => i.Id == c.InsurerId).Select(i => i.Code).FirstOrDefault(),
            }).ToListAsync(ct);
        var active = await (from c in db.Cases.AsNoTracking()
                            join a in db.Assignments.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).WhereOpen() on c.Id equals a.CaseId
                            where c.Status == CaseStatus.Dispatched || c.Status == CaseStatus.Surveying
                            orderby a.AssignedAt
                            select new
                            {
                                c.Id, c.Number, c.Status, AssignmentId = a.Id, a.State, a.SurveyorStaffId, a.AssignedAt,
                                InsurerCode = db.Insurers.Where(i => i.Id == c.InsurerId).Select(i => i.Code).FirstOrDefault(),
                            }).Take(MaxRows).ToListAsync(ct);

        var subjects = waiting.Select(w => w.Id.ToString()).Concat(active.Select(a => a.Id.ToString())).ToList();
        var clocks = (await db.ServiceClocks.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.SubjectType == AssignSurveyorHandler.SubjectType && subjects.Contains(c.SubjectId) && c.State != ClockState.Stopped
                && (c.RuleCode == DefaultClockRules.DispatchSurveyor.Code || c.RuleCode == DefaultClockRules.SurveyorContact.Code
                    || c.RuleCode == DefaultClockRules.SurveyorArrival.Code))
            .Select(c => new { c.SubjectId, c.RuleCode, c.DeadlineAt, c.WarnedAt }).ToListAsync(ct))
            .ToLookup(c => c.SubjectId);
        var names = await StaffNames.LoadAsync(db, active.Select(a => (Guid?)a.SurveyorStaffId), ct);

        return new DispatchBoard(now,
            [.. waiting.Select(w =>
            {
                var clock = clocks[w.Id.ToString()].FirstOrDefault(c => c.RuleCode == DefaultClockRules.DispatchSurveyor.Code);
                return new WaitingCase(w.Id, w.Number, w.Line, w.InsurerCode, w.Plate, w.LossPlace, w.Injuries, w.ReportedAt,
                    (int)Math.Max(0, (now - w.ReportedAt).TotalMinutes), clock?.DeadlineAt, clock?.WarnedAt is not null, clock is not null && clock.DeadlineAt <= now);
            })],
            [.. active.Select(a =>
            {
                var clock = clocks[a.Id.ToString()].Where(c => c.RuleCode != DefaultClockRules.DispatchSurveyor.Code).MinBy(c => c.DeadlineAt);
                return new ActiveCase(a.Id, a.Number, a.Status, a.InsurerCode, a.AssignmentId, a.State, names.GetValueOrDefault(a.SurveyorStaffId),
                    a.AssignedAt, clock?.DeadlineAt, clock is not null && clock.DeadlineAt <= now);
            })],
            await SurveyorsAsync(ct));
    }

    private async Task<IReadOnlyList<BoardSurveyor>> SurveyorsAsync(CancellationToken ct)
    {
        var path = me.OrgNodeId is { } nodeId
            ? await db.OrgNodes.IgnoreQueryFilters().Where(n => n.Id == nodeId).Select(n => n.Path).SingleOrDefaultAsync(ct)
            : null;
        if (path is null)
        {
            return [];
        }

        var area = DispatchArea.PrefixFor(path);
        var rows = await (from p in db.SurveyorProfiles.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName])
                          join s in db.Staff.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]) on p.StaffId equals s.Id
                          where p.OrgPath.StartsWith(area) && s.IsActive
                          select new
                          {
                              p.StaffId, s.Name, s.WorkNumber, p.Presence, p.ActiveLoad, p.LoadCap, p.Skills,
                              Node = db.OrgNodes.IgnoreQueryFilters().Where(n => n.Id == s.OrgNodeId).Select(n => n.Name).FirstOrDefault(),
                              PositionAt = db.SurveyorPositions.Where(x => x.StaffId == p.StaffId).Select(x => (DateTimeOffset?)x.ReportedAt).FirstOrDefault(),
                          }).AsNoTracking().Take(500).ToListAsync(ct);
        return [.. rows
            .OrderBy(r => r.Presence switch { SurveyorPresence.OnShift => 0, SurveyorPresence.OnBreak => 1, _ => 2 })
            .ThenBy(r => (double)r.ActiveLoad / r.LoadCap).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new BoardSurveyor(r.StaffId, r.Name, r.WorkNumber, r.Node, r.Presence, r.ActiveLoad, r.LoadCap, r.Skills, r.PositionAt))];
    }
}
