using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Domain.Dispatch;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Anxin.Web.Features.Dispatch;

/// <summary>A file as uploaded (from a form or multipart API call).</summary>
public sealed record UploadedPhoto(string? FileName, long Length, Func<Stream> Open);

/// <summary>
/// Adds survey photos to the assigned surveyor's task, after arrival (also once assessed). Each is
/// checked by its bytes (JPEG, PNG, WebP) and size, and stored in the database so that every app
/// node serves it. All or nothing: one bad file refuses the whole upload.
/// </summary>
public sealed class AddSurveyPhotosHandler(AnxinDbContext db, AssignedSurveyor assigned, CurrentUser me, IOptions<DispatchOptions> options, TimeProvider time)
{
    public const string Field = "Photos";

    public async Task<Result<AssignmentView>> HandleAsync(Guid assignmentId, IReadOnlyList<UploadedPhoto> files, CancellationToken ct)
    {
        var found = await assigned.LoadAsync(assignmentId, ct);
        if (found.Value is not { } assignment)
        {
            return Result<AssignmentView>.Fail(found);
        }

        if (files.Count == 0)
        {
            return Result<AssignmentView>.Invalid(Field, ValidationCodes.Required);
        }

        var max = options.Value.MaxPhotoBytes;
        var existing = await db.AssignmentPhotos.CountAsync(p => p.AssignmentId == assignment.Id, ct);
        if (existing + files.Count > options.Value.MaxPhotosPerAssignment)
        {
            return Result<AssignmentView>.Invalid(Field, "Dispatch.Photo.TooMany");
        }

        var now = time.GetUtcNow();
        foreach (var file in files)
        {
            if (file.Length > max)
            {
                return Result<AssignmentView>.Invalid(Field, "Dispatch.Photo.TooLarge");
            }

            byte[] bytes;
            await using (var stream = file.Open())
            using (var buffer = new MemoryStream())
            {
                await stream.CopyToAsync(buffer, ct);
                bytes = buffer.ToArray();
            }

            try
            {
                db.AssignmentPhotos.Add(AssignmentPhoto.Create(assignment, file.FileName, bytes, max, me.StaffId, now));
            }
            catch (DomainException e)
            {
                db.ChangeTracker.Clear();
                return e.Field is null ? Result<AssignmentView>.Conflict(e.Code) : Result<AssignmentView>.Invalid(Field, e.Code);
            }
        }

        db.AddAuditEvent("SurveyPhotosAdded", nameof(Assignment), assignment.Id, $"{assignment.CaseNumber} +{files.Count}", assignment.OrgPath, now);
        await db.SaveChangesAsync(ct);
        return await AssignmentView.LoadAsync(db, assignment, ct);
    }
}

/// <summary>A survey photo, for the assigned surveyor or anyone who may see the case (both data filters apply to them).</summary>
public sealed class GetSurveyPhotoHandler(AnxinDbContext db, CurrentUser me)
{
    public async Task<AssignmentPhoto?> HandleAsync(Guid assignmentId, Guid photoId, CancellationToken ct)
    {
        var assignment = await db.Assignments.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking()
            .Where(a => a.Id == assignmentId).Select(a => new { a.SurveyorStaffId, a.OrgPath }).SingleOrDefaultAsync(ct);
        if (assignment is null || (assignment.SurveyorStaffId != me.StaffId && !me.CanSee(assignment.OrgPath)))
        {
            return null;
        }

        return await db.AssignmentPhotos.AsNoTracking().SingleOrDefaultAsync(p => p.Id == photoId && p.AssignmentId == assignmentId, ct);
    }
}
