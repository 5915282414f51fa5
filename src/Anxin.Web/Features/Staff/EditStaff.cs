using Anxin.Data;
using Anxin.Data.Identity;
using Anxin.Domain.Administration;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using StaffMember = Anxin.Domain.Organisation.Staff;

namespace Anxin.Web.Features.Staff;

/// <summary>
/// An edit of a member of staff. Mobile, ID number and e-mail are shown masked, so null keeps
/// the stored value and an empty string clears it. <see cref="Version"/> is the version read.
/// </summary>
public sealed record EditStaffRequest(string? Name, Guid? OrgNodeId, string? Position, string? Mobile, string? IdNumber, string? Email,
    IReadOnlyList<string>? Roles, bool? IsActive, long? Version, Guid? WiderScopeNodeId = null);

/// <summary>
/// Edits a member of staff, moves them to another node, changes their roles and (de)activates
/// them: deactivation also locks the sign-in account, reactivation unlocks it. Refuses to
/// overwrite someone else's change (optimistic concurrency).
/// </summary>
public sealed class EditStaffHandler(AnxinDbContext db, UserManager<ApplicationUser> users, CurrentUser me, GetStaffHandler get, TimeProvider time)
{
    public async Task<Result<StaffDetail>> HandleAsync(Guid id, EditStaffRequest request, CancellationToken ct)
    {
        var staff = await db.Staff.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (staff is null)
        {
            return Result<StaffDetail>.NotFound();
        }

        var errors = new FieldErrors();
        errors.Required(nameof(request.Name), request.Name);
        if (request.Version is null)
        {
            errors.Add(nameof(request.Version), "Validation.Version");
        }

        var mobile = Keep(request.Mobile) ? null : errors.Optional(nameof(request.Mobile), request.Mobile, MobileNumber.Create);
        var idNumber = Keep(request.IdNumber) ? null : errors.Optional(nameof(request.IdNumber), request.IdNumber, ResidentIdNumber.Create);
        var roles = request.Roles is null ? null : StaffRoles.Validate(request.Roles, nameof(request.Roles), errors);
        var node = request.OrgNodeId is { } nodeId && nodeId != staff.OrgNodeId
            ? await db.OrgNodes.SingleOrDefaultAsync(n => n.Id == nodeId, ct)
            : null;
        if (request.OrgNodeId is { } wanted && wanted != staff.OrgNodeId && node is null)
        {
            errors.Add(nameof(request.OrgNodeId), "Staff.OrgNodeNotFound");
        }

        // A wider node to see: Guid.Empty clears it; it must lie inside the editor's own scope.
        if (request.WiderScopeNodeId is { } wider && wider != Guid.Empty && !await db.OrgNodes.AnyAsync(n => n.Id == wider, ct))
        {
            errors.Add(nameof(request.WiderScopeNodeId), "Staff.OrgNodeNotFound");
        }

        if (errors.Any)
        {
            return Result<StaffDetail>.Invalid(errors.All);
        }

        var user = await users.Users.SingleOrDefaultAsync(u => u.StaffId == staff.Id, ct);
        var currentRoles = user is null ? [] : await users.GetRolesAsync(user);
        if (roles is not null && user is null && roles.Count > 0)
        {
            return Result<StaffDetail>.Invalid(nameof(request.Roles), "Staff.NoAccount");
        }

        var adminChanges = roles is not null && roles.Contains(RoleCodes.Administrator) != currentRoles.Contains(RoleCodes.Administrator);
        if (adminChanges && !me.Has(Permissions.Roles.Manage))
        {
            return Result<StaffDetail>.Forbidden();
        }

        if (!db.IsAtVersion(staff, request.Version!.Value))
        {
            return Result<StaffDetail>.Conflict();
        }

        try
        {
            staff.Rename(request.Name!);
            staff.UpdateContact(
                request.Position,
                Keep(request.Mobile) ? MobileNumber.Create(staff.Mobile) is { IsValid: true } m ? m.Value : null : mobile,
                Keep(request.IdNumber) ? ResidentIdNumber.Create(staff.IdNumber) is { IsValid: true } i ? i.Value : null : idNumber,
                request.Email is null ? staff.Email : request.Email);
            if (node is not null)
            {
                staff.PlaceIn(node);
            }

            var deactivating = request.IsActive == false && staff.IsActive;
            var reactivating = request.IsActive == true && !staff.IsActive;
            if (deactivating)
            {
                staff.Deactivate();
            }
            else if (reactivating)
            {
                staff.Activate();
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.Entry(staff).State == EntityState.Unchanged)
            {
                // Nothing changed on the row itself: still refuse a stale version.
                if (staff.Version != request.Version)
                {
                    return Result<StaffDetail>.Conflict();
                }
            }

            await db.SaveChangesAsync(ct);
            if (user is not null)
            {
                if (roles is not null)
                {
                    Check(await users.RemoveFromRolesAsync(user, currentRoles.Except(roles).ToList()));
                    Check(await users.AddToRolesAsync(user, roles.Except(currentRoles).ToList()));
                }

                var granted = request.WiderScopeNodeId == Guid.Empty ? null : request.WiderScopeNodeId;
                if (request.WiderScopeNodeId is not null && granted != user.ScopeNodeId)
                {
                    user.ScopeNodeId = granted;
                    Check(await users.UpdateAsync(user));
                    db.AddAuditEvent("DataScopeChanged", nameof(StaffMember), staff.Id, granted?.ToString() ?? "-", staff.OrgPath, time.GetUtcNow());
                    await db.SaveChangesAsync(ct);
                }

                if (deactivating)
                {
                    Check(await users.SetLockoutEndDateAsync(user, LockedForever));
                }
                else if (reactivating)
                {
                    Check(await users.SetLockoutEndDateAsync(user, null));
                }
            }

            await tx.CommitAsync(ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Result<StaffDetail>.From(e);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<StaffDetail>.Conflict();
        }

        return (await get.HandleAsync(id, ct))!;
    }

    /// <summary>The lockout end of a deactivated member's account.</summary>
    public static readonly DateTimeOffset LockedForever = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static bool Keep(string? value) => value is null;

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Updating the account failed: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}
