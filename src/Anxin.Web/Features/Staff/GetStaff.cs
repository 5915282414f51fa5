using Anxin.Data;
using Anxin.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Staff;

/// <summary>One member of staff as shown to an editor: personal data masked.</summary>
public sealed record StaffDetail(Guid Id, string WorkNumber, string Name, Guid OrgNodeId, string? OrgNodeName, string? Position,
    string Mobile, string IdNumber, string Email, bool IsActive, long Version, string? UserName, IReadOnlyList<string> Roles, bool IsLocked,
    Guid? WiderScopeNodeId = null, string? InsurerCode = null, string? InsurerName = null);

public sealed class GetStaffHandler(AnxinDbContext db, TimeProvider time)
{
    /// <summary>Null when the staff member does not exist or lies outside the user's scope.</summary>
    public async Task<StaffDetail?> HandleAsync(Guid id, CancellationToken ct)
    {
        var s = await db.Staff.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new
            {
                Staff = s,
                OrgNodeName = db.OrgNodes.Where(n => n.Id == s.OrgNodeId).Select(n => n.Name).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (s is null)
        {
            return null;
        }

        var account = (await StaffAccounts.LoadAsync(db, [id], ct)).GetValueOrDefault(id);
        var insurer = account?.InsurerId is { } insurerId
            ? await db.Insurers.AsNoTracking().Where(i => i.Id == insurerId).Select(i => new { i.Code, i.Name }).SingleOrDefaultAsync(ct)
            : null;
        var staff = s.Staff;
        return new StaffDetail(staff.Id, staff.WorkNumber, staff.Name, staff.OrgNodeId, s.OrgNodeName, staff.Position,
            Masking.Mobile(staff.Mobile), Masking.IdNumber(staff.IdNumber), Masking.Email(staff.Email), staff.IsActive, staff.Version,
            account?.UserName, account?.Roles ?? [], account?.IsLockedAt(time.GetUtcNow()) ?? false, account?.WiderScopeNodeId, insurer?.Code, insurer?.Name);
    }
}
