using Anxin.Data;
using Anxin.Data.Identity;
using Anxin.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using StaffMember = Anxin.Domain.Organisation.Staff;

namespace Anxin.Web.Features.Staff;

public sealed record ResetStaffPasswordRequest(string? NewPassword);

/// <summary>
/// Sets a new password for a member of staff's account: they must change it at the next
/// sign-in, other sessions end (new security stamp) and the account is unlocked. The password
/// is never logged or audited.
/// </summary>
public sealed class ResetStaffPasswordHandler(AnxinDbContext db, UserManager<ApplicationUser> users, TimeProvider time)
{
    public async Task<Result> HandleAsync(Guid staffId, ResetStaffPasswordRequest request, CancellationToken ct)
    {
        var staff = await db.Staff.AsNoTracking().Where(s => s.Id == staffId).Select(s => new { s.Id, s.OrgPath, s.IsActive }).SingleOrDefaultAsync(ct);
        if (staff is null)
        {
            return Result.NotFound();
        }

        if (string.IsNullOrEmpty(request.NewPassword))
        {
            return Result.Invalid(nameof(request.NewPassword), "Validation.Required");
        }

        if (request.NewPassword.Length > CreateStaffHandler.MaxPasswordLength)
        {
            return Result.Invalid(nameof(request.NewPassword), "Validation.TooLong");
        }

        var user = await users.Users.SingleOrDefaultAsync(u => u.StaffId == staffId, ct);
        if (user is null)
        {
            return Result.Invalid(string.Empty, "Staff.NoAccount");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, request.NewPassword);
        if (!reset.Succeeded)
        {
            return Result.Invalid(StaffRoles.IdentityErrors(reset, nameof(request.NewPassword), nameof(request.NewPassword)));
        }

        user.MustChangePassword = true;
        user.LockoutEnd = staff.IsActive ? null : EditStaffHandler.LockedForever;
        user.AccessFailedCount = 0;
        await users.UpdateSecurityStampAsync(user);
        db.AddAuditEvent("PasswordReset", nameof(StaffMember), staff.Id, null, staff.OrgPath, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Ok();
    }
}
