using Anxin.Data;
using Anxin.Domain.Dispatch;
using Anxin.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Dispatch;

/// <summary>An assignment as the API and the pages show it (no personal data).</summary>
public sealed record AssignmentView(Guid Id, Guid CaseId, string CaseNumber, Guid SurveyorStaffId, string? SurveyorName, AssignmentState State,
    DateTimeOffset AssignedAt, string AssignedByName, int? RecommendedRank, int? EtaMinutes, double? DistanceKm,
    DateTimeOffset? AcknowledgedAt, DateTimeOffset? ArrivedAt, DateTimeOffset? AssessedAt, decimal? AssessedLossAmount, string? AssessmentNotes,
    DateTimeOffset? EndedAt, string? EndReason, Guid? PreviousAssignmentId, IReadOnlyList<PhotoView> Photos, long Version)
{
    public static AssignmentView From(Assignment a, string? surveyorName, IReadOnlyList<PhotoView> photos) => new(a.Id, a.CaseId, a.CaseNumber,
        a.SurveyorStaffId, surveyorName, a.State, a.AssignedAt, a.AssignedByName, a.RecommendedRank, a.EtaMinutes, a.DistanceKm,
        a.AcknowledgedAt, a.ArrivedAt, a.AssessedAt, a.AssessedLossAmount, a.AssessmentNotes, a.EndedAt, a.EndReason, a.PreviousAssignmentId,
        photos, a.Version);

    /// <summary>Views of <paramref name="assignments"/> with surveyor names and photo lists, in the given order.</summary>
    public static async Task<IReadOnlyList<AssignmentView>> LoadAsync(AnxinDbContext db, IReadOnlyList<Assignment> assignments, CancellationToken ct)
    {
        var ids = assignments.Select(a => a.Id).ToList();
        var names = await StaffNames.LoadAsync(db, assignments.Select(a => (Guid?)a.SurveyorStaffId), ct);
        var photos = (await db.AssignmentPhotos.AsNoTracking().Where(p => ids.Contains(p.AssignmentId)).OrderBy(p => p.UploadedAt)
                .Select(p => new { p.AssignmentId, p.Id, p.FileName, p.ContentType, p.SizeBytes, p.UploadedAt }).ToListAsync(ct))
                .ToLookup(p => p.AssignmentId, p => new PhotoView(p.Id, p.FileName, p.ContentType, p.SizeBytes, p.UploadedAt,
                    $"/api/v1/assignments/{p.AssignmentId}/photos/{p.Id}"));
        return assignments.Select(a => From(a, names.GetValueOrDefault(a.SurveyorStaffId), [.. photos[a.Id]])).ToList();
    }

    public static async Task<AssignmentView> LoadAsync(AnxinDbContext db, Assignment assignment, CancellationToken ct) =>
        (await LoadAsync(db, [assignment], ct))[0];
}

public static class AssignmentQueries
{
    /// <summary>Assignments still open (assigned, acknowledged or arrived), as SQL.</summary>
    public static IQueryable<Assignment> WhereOpen(this IQueryable<Assignment> query) =>
        query.Where(a => a.State == AssignmentState.Assigned || a.State == AssignmentState.Acknowledged || a.State == AssignmentState.Arrived);

    /// <summary>The case's open assignment, past the organisation scope (a case has at most one).</summary>
    public static IQueryable<Assignment> OpenOf(this DbSet<Assignment> assignments, Guid caseId) =>
        assignments.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).Where(a => a.CaseId == caseId).WhereOpen();
}

public sealed record PhotoView(Guid Id, string FileName, string ContentType, int SizeBytes, DateTimeOffset UploadedAt, string Url);

/// <summary>
/// Finds an assignment for the surveyor it was given to. The assignment belongs to the case's
/// organisation node, which a surveyor out in the field usually cannot see; what counts is that
/// it is theirs. Anyone else gets 403 when they can see the case, 404 when they cannot.
/// </summary>
public sealed class AssignedSurveyor(AnxinDbContext db, Infrastructure.Auth.CurrentUser me)
{
    public async Task<Infrastructure.Http.Result<Assignment>> LoadAsync(Guid assignmentId, CancellationToken ct)
    {
        var assignment = await db.Assignments.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).SingleOrDefaultAsync(a => a.Id == assignmentId, ct);
        if (assignment is null)
        {
            return Infrastructure.Http.Result<Assignment>.NotFound();
        }

        if (me.StaffId is not { } staffId || staffId != assignment.SurveyorStaffId)
        {
            return me.CanSee(assignment.OrgPath) ? Infrastructure.Http.Result<Assignment>.Forbidden() : Infrastructure.Http.Result<Assignment>.NotFound();
        }

        return assignment;
    }
}
