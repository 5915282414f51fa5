using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Common;
using Anxin.Domain.Dispatch;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Dispatch;

/// <summary>A surveyor's dispatch profile as the API and the edit page show it. Defaults when there is none yet.</summary>
public sealed record SurveyorDetail(Guid StaffId, string WorkNumber, string Name, string? OrgNodeName, bool IsActive, bool HasProfile,
    IReadOnlyList<SurveyorSkills> Skills, double? BaseLatitude, double? BaseLongitude, int LoadCap, int ActiveLoad,
    SurveyorPresence Presence, DateTimeOffset? PresenceChangedAt, IReadOnlyList<Guid> InsurerIds, DateTimeOffset? PositionAt, long? Version);

/// <summary>Reads one surveyor's profile (404 outside the user's scope).</summary>
public sealed class GetSurveyorHandler(AnxinDbContext db)
{
    public async Task<SurveyorDetail?> HandleAsync(Guid staffId, CancellationToken ct)
    {
        var staff = await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == staffId, ct);
        if (staff is null)
        {
            return null;
        }

        var profile = await db.SurveyorProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.StaffId == staffId, ct);
        var positionAt = await db.SurveyorPositions.Where(p => p.StaffId == staffId).Select(p => (DateTimeOffset?)p.ReportedAt).FirstOrDefaultAsync(ct);
        var nodeName = await db.OrgNodes.IgnoreQueryFilters().Where(n => n.Id == staff.OrgNodeId).Select(n => n.Name).FirstOrDefaultAsync(ct);
        return profile is null
            ? new SurveyorDetail(staff.Id, staff.WorkNumber, staff.Name, nodeName, staff.IsActive, false, [], null, null,
                SurveyorProfile.DefaultLoadCap, 0, SurveyorPresence.Offline, null, [], positionAt, null)
            : new SurveyorDetail(staff.Id, staff.WorkNumber, staff.Name, nodeName, staff.IsActive, true, [.. profile.Skills.Split()],
                profile.BaseLatitude, profile.BaseLongitude, profile.LoadCap, profile.ActiveLoad, profile.Presence, profile.PresenceChangedAt,
                profile.InsurerIds, positionAt, profile.Version);
    }
}

/// <summary>
/// The edit of a surveyor's dispatch facts. <see cref="Version"/> is the version read; leave it
/// out when creating the profile of a surveyor who has none.
/// </summary>
public sealed record ChangeSurveyorProfileRequest(IReadOnlyList<SurveyorSkills>? Skills, double? BaseLatitude, double? BaseLongitude,
    int? LoadCap, IReadOnlyList<Guid>? InsurerIds, long? Version);

/// <summary>
/// Creates or changes a surveyor's dispatch profile (CC-11): skills, base location, load cap and
/// the commissioning insurers served. Refuses to overwrite someone else's change (409).
/// </summary>
public sealed class ChangeSurveyorProfileHandler(AnxinDbContext db, GetSurveyorHandler get)
{
    public async Task<Result<SurveyorDetail>> HandleAsync(Guid staffId, ChangeSurveyorProfileRequest request, CancellationToken ct)
    {
        var staff = await db.Staff.SingleOrDefaultAsync(s => s.Id == staffId, ct);
        if (staff is null)
        {
            return Result<SurveyorDetail>.NotFound();
        }

        var profile = await db.SurveyorProfiles.SingleOrDefaultAsync(p => p.StaffId == staffId, ct);
        var errors = new FieldErrors();
        var skills = SurveyorSkills.None;
        foreach (var skill in request.Skills ?? [])
        {
            skills |= skill;
        }

        if (skills == SurveyorSkills.None)
        {
            errors.Add(nameof(request.Skills), "Dispatch.Skills.Required");
        }
        else if (!skills.IsValid())
        {
            errors.Add(nameof(request.Skills), "Dispatch.Skills.Unknown");
        }

        var point = GeoPoint.Create(request.BaseLatitude, request.BaseLongitude);
        if (!point.IsValid)
        {
            errors.Add(point.ErrorCode == GeoPoint.LongitudeRange || (request.BaseLatitude is not null && request.BaseLongitude is null)
                ? nameof(request.BaseLongitude) : nameof(request.BaseLatitude), point.ErrorCode);
        }

        if (request.LoadCap is null)
        {
            errors.Add(nameof(request.LoadCap), ValidationCodes.Required);
        }

        if (profile is not null && request.Version is null)
        {
            errors.Add(nameof(request.Version), "Validation.Version");
        }

        var insurerIds = (request.InsurerIds ?? []).Distinct().ToList();
        if (insurerIds.Count > SurveyorProfile.MaxInsurers)
        {
            errors.Add(nameof(request.InsurerIds), "Dispatch.Insurers.TooMany");
        }
        else if (insurerIds.Count > 0 && await db.Insurers.CountAsync(i => insurerIds.Contains(i.Id), ct) != insurerIds.Count)
        {
            errors.Add(nameof(request.InsurerIds), "Dispatch.Insurers.Unknown");
        }

        if (errors.Any)
        {
            return Result<SurveyorDetail>.Invalid(errors.All);
        }

        var creating = profile is null;
        try
        {
            if (profile is null)
            {
                profile = SurveyorProfile.Create(staff, skills, point.Value, request.LoadCap!.Value, insurerIds);
                db.SurveyorProfiles.Add(profile);
            }
            else
            {
                if (request.Version is not { } version || !db.IsAtVersion(profile, version))
                {
                    return Result<SurveyorDetail>.Conflict();
                }

                profile.PlaceIn(staff);
                profile.Change(skills, point.Value, request.LoadCap!.Value, insurerIds);
            }

            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Result<SurveyorDetail>.From(e);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || creating)
        {
            // Someone else changed it, or created it at the same time.
            db.ChangeTracker.Clear();
            return Result<SurveyorDetail>.Conflict();
        }

        return (await get.HandleAsync(staffId, ct))!;
    }
}
