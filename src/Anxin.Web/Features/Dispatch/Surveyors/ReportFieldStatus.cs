using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Domain.Dispatch;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Dispatch;

/// <summary>
/// A surveyor's position, from the phone page or a device. <see cref="StaffId"/> is for a device's
/// API key only (it names whose device it is); a signed-in surveyor always reports for themself.
/// </summary>
public sealed record ReportPositionRequest(double? Latitude, double? Longitude, Guid? StaffId = null);

public sealed record ChangePresenceRequest(SurveyorPresence? Presence, Guid? StaffId = null);

public sealed record FieldStatus(Guid StaffId, SurveyorPresence Presence, DateTimeOffset? PresenceChangedAt, DateTimeOffset? PositionAt);

/// <summary>Finds the reporting surveyor's profile: the signed-in member of staff, or the one a device key names.</summary>
public sealed class FieldReporter(AnxinDbContext db, CurrentUser me)
{
    public const string NoProfile = "Dispatch.Surveyor.NoProfile";

    public async Task<Result<SurveyorProfile>> ProfileAsync(Guid? requestedStaffId, CancellationToken ct)
    {
        Guid staffId;
        if (me.StaffId is { } own)
        {
            if (requestedStaffId is { } other && other != own)
            {
                return Result<SurveyorProfile>.Forbidden();
            }

            staffId = own;
        }
        else if (me.IsApiKey && requestedStaffId is { } named)
        {
            staffId = named;
        }
        else
        {
            return Result<SurveyorProfile>.Invalid("StaffId", ValidationCodes.Required);
        }

        // The scope filter applies: a device key only reports for surveyors inside its organisation scope.
        var profile = await db.SurveyorProfiles.SingleOrDefaultAsync(p => p.StaffId == staffId, ct);
        return profile is null ? Result<SurveyorProfile>.Conflict(NoProfile) : profile;
    }
}

/// <summary>Stores the latest position (last report wins; no track is kept, see <see cref="SurveyorPosition"/>).</summary>
public sealed class ReportPositionHandler(AnxinDbContext db, FieldReporter reporter, TimeProvider time)
{
    public async Task<Result<FieldStatus>> HandleAsync(ReportPositionRequest request, CancellationToken ct)
    {
        var point = GeoPoint.Create(request.Latitude, request.Longitude);
        if (!point.IsValid)
        {
            return Result<FieldStatus>.Invalid(point.ErrorCode == GeoPoint.LongitudeRange || (request.Latitude is not null && request.Longitude is null)
                ? nameof(request.Longitude) : nameof(request.Latitude), point.ErrorCode);
        }

        var found = await reporter.ProfileAsync(request.StaffId, ct);
        if (found.Value is not { } profile)
        {
            return Result<FieldStatus>.Fail(found);
        }

        var now = time.GetUtcNow();
        var position = await db.SurveyorPositions.SingleOrDefaultAsync(p => p.StaffId == profile.StaffId, ct);
        if (position is null)
        {
            db.SurveyorPositions.Add(SurveyorPosition.Create(profile.StaffId, point.Value, now));
        }
        else
        {
            position.Report(point.Value, now);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (position is null)
        {
            // Two first reports at once: the other one won, and this one is as good as lost.
            db.ChangeTracker.Clear();
        }

        return new FieldStatus(profile.StaffId, profile.Presence, profile.PresenceChangedAt, now);
    }
}

/// <summary>Starts or ends a shift or a break (CC-11); the change is in the audit trail (the profile is audited).</summary>
public sealed class ChangePresenceHandler(AnxinDbContext db, FieldReporter reporter, TimeProvider time)
{
    public async Task<Result<FieldStatus>> HandleAsync(ChangePresenceRequest request, CancellationToken ct)
    {
        if (request.Presence is not { } presence || !Enum.IsDefined(presence))
        {
            return Result<FieldStatus>.Invalid(nameof(request.Presence), ValidationCodes.Required);
        }

        var found = await reporter.ProfileAsync(request.StaffId, ct);
        if (found.Value is not { } profile)
        {
            return Result<FieldStatus>.Fail(found);
        }

        try
        {
            profile.ChangePresence(presence, time.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Result<FieldStatus>.From(e);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<FieldStatus>.Conflict();
        }

        var positionAt = await db.SurveyorPositions.Where(p => p.StaffId == profile.StaffId).Select(p => (DateTimeOffset?)p.ReportedAt).FirstOrDefaultAsync(ct);
        return new FieldStatus(profile.StaffId, profile.Presence, profile.PresenceChangedAt, positionAt);
    }
}
