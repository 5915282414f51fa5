using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Common;
using Anxin.Domain.Quality;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Quality;

public sealed record CorrectRegistrationErrorRequest(string? Note, long? Version = null);

/// <summary>
/// The responsible agent — or a supervisor or manager over them — says how the registration was
/// corrected (CC-08): Open → Corrected. Anybody else is refused (403).
/// </summary>
public sealed class CorrectRegistrationErrorHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    public async Task<Result<RegistrationErrorView>> HandleAsync(Guid id, CorrectRegistrationErrorRequest request, CancellationToken ct)
    {
        // The agent's own errors whatever their scope is now; others' inside the actor's scope.
        var staffId = me.StaffId;
        var error = await db.RegistrationErrors.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (error is null || (error.ResponsibleStaffId != staffId && !me.CanSee(error.OrgPath)))
        {
            return Result<RegistrationErrorView>.NotFound();
        }

        var supervises = me.Roles.Contains(RoleCodes.Supervisor) || me.Roles.Contains(RoleCodes.DepartmentManager);
        if (staffId is null || (error.ResponsibleStaffId != staffId && !supervises))
        {
            return Result<RegistrationErrorView>.Forbidden();
        }

        return await ChangeAsync(db, error, request.Version, e => e.Correct(request.Note, staffId, time.GetUtcNow()), "RegistrationErrorCorrected",
            time.GetUtcNow(), ct);
    }

    /// <summary>Applies a guarded change with the optional version check, the audit event and the save.</summary>
    internal static async Task<Result<RegistrationErrorView>> ChangeAsync(AnxinDbContext db, RegistrationError error, long? version,
        Action<RegistrationError> change, string auditEvent, DateTimeOffset now, CancellationToken ct)
    {
        if (version is { } v && !db.IsAtVersion(error, v))
        {
            return Result<RegistrationErrorView>.Conflict();
        }

        try
        {
            change(error);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Result<RegistrationErrorView>.From(e);
        }

        db.AddAuditEvent(auditEvent, nameof(RegistrationError), error.Id, $"{error.SubjectNumber} {error.Category} {error.Status}", error.OrgPath, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<RegistrationErrorView>.Conflict();
        }

        return await RegistrationErrorView.FromAsync(db, error, ct);
    }
}

public sealed record ConfirmRegistrationErrorRequest(long? Version = null);

/// <summary>QA checks the correction and confirms it (CC-08): Corrected → Confirmed.</summary>
public sealed class ConfirmRegistrationErrorHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    public async Task<Result<RegistrationErrorView>> HandleAsync(Guid id, ConfirmRegistrationErrorRequest request, CancellationToken ct)
    {
        var error = await db.RegistrationErrors.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (error is null)
        {
            return Result<RegistrationErrorView>.NotFound();
        }

        var now = time.GetUtcNow();
        return await CorrectRegistrationErrorHandler.ChangeAsync(db, error, request.Version, e => e.Confirm(me.StaffId, now), "RegistrationErrorConfirmed", now, ct);
    }
}
