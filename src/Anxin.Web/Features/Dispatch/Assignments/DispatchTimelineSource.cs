using System.Globalization;
using Anxin.Data;
using Anxin.Domain.Dispatch;
using Anxin.Web.Features.Cases;
using Anxin.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Dispatch;

/// <summary>
/// The case timeline's dispatch lines, read from the case's <see cref="Assignment"/> rows: who was
/// sent (and where they stood in the recommendation), when they called the customer, arrived and
/// assessed, and every reassignment with its reason.
/// </summary>
public sealed class DispatchTimelineSource(AnxinDbContext db, IStringLocalizer<DispatchText> dispatchText, IStringLocalizer<SharedResource> sharedText)
    : ICaseTimelineSource
{
    public async Task<IReadOnlyList<CaseTimelineEntry>> EntriesAsync(CaseTimelineSubject subject, CancellationToken ct)
    {
        var assignments = await db.Assignments.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking()
            .Where(a => a.CaseId == subject.Id).ToListAsync(ct);
        if (assignments.Count == 0)
        {
            return [];
        }

        var names = await StaffNames.LoadAsync(db, assignments.Select(a => (Guid?)a.SurveyorStaffId), ct);
        var localizer = new DispatchLocalizer(dispatchText, sharedText);
        var href = $"/dispatch/cases/{subject.Id}";
        var entries = new List<CaseTimelineEntry>();
        foreach (var a in assignments)
        {
            var surveyor = names.GetValueOrDefault(a.SurveyorStaffId) ?? string.Empty;
            var detail = a.RecommendedRank is { } rank
                ? localizer["Timeline.AssignedDetail", surveyor, rank, a.EtaMinutes?.ToString(CultureInfo.InvariantCulture) ?? "—"].Value
                : surveyor;
            entries.Add(new(a.AssignedAt, a.PreviousAssignmentId is null ? "SurveyorAssigned" : "SurveyorReassigned", a.AssignedByName, detail, href));
            if (a.AcknowledgedAt is { } acknowledged)
            {
                entries.Add(new(acknowledged, "AssignmentAcknowledged", surveyor, null, href));
            }

            if (a.ArrivedAt is { } arrived)
            {
                entries.Add(new(arrived, "SurveyorArrived", surveyor, null, href));
            }

            if (a.AssessedAt is { } assessed)
            {
                entries.Add(new(assessed, "LossAssessed", surveyor,
                    "¥" + a.AssessedLossAmount?.ToString("N2", CultureInfo.InvariantCulture) + (a.AssessmentNotes is { } notes ? " · " + notes : string.Empty), href));
            }

            if (a.EndedAt is { } ended)
            {
                entries.Add(new(ended, a.State == AssignmentState.Cancelled ? "AssignmentCancelled" : "AssignmentEnded", null,
                    $"{surveyor} · {a.EndReason}", href));
            }
        }

        return entries;
    }
}
