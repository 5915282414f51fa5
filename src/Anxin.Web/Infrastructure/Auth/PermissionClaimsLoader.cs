using System.Security.Claims;
using Anxin.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Infrastructure.Auth;

/// <summary>
/// On every request, loads the signed-in user's effective permissions, data scope and
/// must-change-password flag from the database, so an administrator's edit of a role or
/// of the org tree takes effect at once, on every node. One query per request.
/// </summary>
public sealed class PermissionClaimsLoader(AnxinDbContext db) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(c => c.Type == AnxinClaims.Loaded)
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return principal;
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.StaffId, u.MustChangePassword, u.ScopeNodeId, u.InsurerId, u.DisplayName })
            .SingleOrDefaultAsync();
        var identity = new ClaimsIdentity();
        identity.AddClaim(new Claim(AnxinClaims.Loaded, "1"));
        if (user is null)
        {
            principal.AddIdentity(identity);
            return principal;
        }

        var staff = user.StaffId is null ? null : await db.Staff.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Id == user.StaffId && s.IsActive)
            .Select(s => new { s.Id, s.OrgNodeId, s.OrgPath, s.WorkNumber }).SingleOrDefaultAsync();
        var scopePath = staff?.OrgPath;
        if (user.ScopeNodeId is { } wider)
        {
            scopePath = await db.OrgNodes.IgnoreQueryFilters().Where(n => n.Id == wider).Select(n => n.Path).SingleOrDefaultAsync() ?? scopePath;
        }

        identity.AddClaim(new Claim(AnxinClaims.ScopePrefix, scopePath is null ? AnxinClaims.NoScope : AnxinClaims.ScopeFor(scopePath)));
        if (staff is not null)
        {
            identity.AddClaim(new Claim(AnxinClaims.StaffId, staff.Id.ToString()));
            identity.AddClaim(new Claim(AnxinClaims.DisplayName, $"{user.DisplayName} ({staff.WorkNumber})"));
            identity.AddClaim(new Claim(AnxinClaims.OrgNodeId, staff.OrgNodeId.ToString()));
            var roles = await (from ur in db.UserRoles
                               join r in db.Roles on ur.RoleId equals r.Id
                               where ur.UserId == userId
                               select new { r.Id, r.Name }).ToListAsync();
            var roleIds = roles.Select(r => r.Id).ToList();
            var permissions = await db.RolePermissions.Where(p => roleIds.Contains(p.RoleId))
                .Select(p => p.Permission).Distinct().ToListAsync();
            identity.AddClaims(roles.Select(r => new Claim(AnxinClaims.RoleCode, r.Name!)));
            identity.AddClaims(permissions.Select(p => new Claim(AnxinClaims.Permission, p)));
        }

        if (user.InsurerId is { } insurer)
        {
            identity.AddClaim(new Claim(AnxinClaims.InsurerId, insurer.ToString()));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(AnxinClaims.MustChangePassword, "1"));
        }

        principal.AddIdentity(identity);
        return principal;
    }
}
