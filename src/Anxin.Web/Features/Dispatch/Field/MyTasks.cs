using Anxin.Data;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Domain.Dispatch;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Dispatch;

/// <summary>
/// One of the surveyor's tasks with what they need on the road. The contact's number is shown in
/// full only while the task is open (the surveyor must call it); the name stays masked.
/// </summary>
public sealed record SurveyTask(AssignmentView Assignment, ProductLine Line, string? InsurerCode, string? Plate, string LossPlace, double? Latitude,
    double? Longitude, DateTimeOffset LossAt, string Description, bool Injuries, string ContactName, string ContactMobile, bool ContactMobileMasked,
    DateTimeOffset? ContactDueAt, DateTimeOffset? ArrivalDueAt);

/// <summary>The signed-in surveyor's open tasks (newest first), then the ones closed in the last three days.</summary>
public sealed class MyTasksHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    public static readonly TimeSpan RecentFor = TimeSpan.FromDays(3);

    public async Task<IReadOnlyList<SurveyTask>> HandleAsync(CancellationToken ct)
    {
        if (me.StaffId is not { } staffId)
        {
            return [];
        }

        var since = time.GetUtcNow() - RecentFor;
        var rows = await (from a in db.Assignments.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName])
                          join c in db.Cases.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]) on a.CaseId equals c.Id
                          where a.SurveyorStaffId == staffId
                              && (a.State == AssignmentState.Assigned || a.State == AssignmentState.Acknowledged || a.State == AssignmentState.Arrived
                                  || a.AssignedAt >= since)
                          orderby a.AssignedAt descending
                          select new
                          {
                              Assignment = a,
                              c.Line,
                              InsurerCode = db.Insurers.Where(i => i.Id == c.InsurerId).Select(i => i.Code).FirstOrDefault(),
                              c.Plate, c.LossPlace, c.Latitude, c.Longitude, c.LossAt, c.Description, c.Injuries,
                              Name = c.ContactName ?? c.ReporterName,
                              Mobile = c.ContactMobile ?? c.ReporterMobile,
                          }).AsNoTracking().Take(50).ToListAsync(ct);
        var views = await AssignmentView.LoadAsync(db, [.. rows.Select(r => r.Assignment)], ct);
        var caseIds = rows.Where(r => r.Assignment.IsOpen).Select(r => r.Assignment.CaseId.ToString()).ToList();
        var due = await db.ServiceClocks.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.SubjectType == AssignSurveyorHandler.SubjectType && caseIds.Contains(c.SubjectId) && c.State != ClockState.Stopped
                && (c.RuleCode == DefaultClockRules.SurveyorContact.Code || c.RuleCode == DefaultClockRules.SurveyorArrival.Code))
            .Select(c => new { c.SubjectId, c.RuleCode, c.DeadlineAt }).ToListAsync(ct);
        DateTimeOffset? Due(Guid caseId, string rule) => due.Where(d => d.SubjectId == caseId.ToString() && d.RuleCode == rule)
            .Select(d => (DateTimeOffset?)d.DeadlineAt).FirstOrDefault();

        return rows.Select((r, i) =>
        {
            var open = r.Assignment.IsOpen;
            return new SurveyTask(views[i], r.Line, r.InsurerCode, r.Plate, r.LossPlace, r.Latitude, r.Longitude, r.LossAt, r.Description, r.Injuries,
                Masking.Name(r.Name), open ? r.Mobile : Masking.Mobile(r.Mobile), !open,
                Due(r.Assignment.CaseId, DefaultClockRules.SurveyorContact.Code), Due(r.Assignment.CaseId, DefaultClockRules.SurveyorArrival.Code));
        }).OrderByDescending(t => t.Assignment.State is AssignmentState.Assigned or AssignmentState.Acknowledged or AssignmentState.Arrived).ToList();
    }
}
