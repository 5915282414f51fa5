using Anxin.Data;
using Anxin.Data.Identity;
using Anxin.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using StaffMember = Anxin.Domain.Organisation.Staff;

namespace Anxin.Web.Features.Staff;

/// <summary>Ends the lockout of an active member of staff's account (after too many failed sign-ins).</summary>
public sealed class UnlockStaffAccountHandler(AnxinDbContext db, UserManager<ApplicationUser> users, TimeProvider time)
{
    public async Task<Result> HandleAsync(Guid staffId, CancellationToken ct)
    {
        var staff = await db.Staff.AsNoTracking().Where(s => s.Id == staffId).Select(s => new { s.Id, s.OrgPath, s.IsActive }).SingleOrDefaultAsync(ct);
        if (staff is null)
        {
            return Result.NotFound();
        }

        var user = await users.Users.SingleOrDefaultAsync(u => u.StaffId == staffId, ct);
        if (user is null)
        {
            return Result.Invalid(string.Empty, "Staff.NoAccount");
        }

        if (!staff.IsActive)
        {
            // A deactivated member stays locked: reactivate them instead.
            return Result.Conflict("Staff.InactiveLocked");
        }

        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await users.UpdateAsync(user);
        db.AddAuditEvent("AccountUnlocked", nameof(StaffMember), staff.Id, null, staff.OrgPath, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}
