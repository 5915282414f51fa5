using Anxin.Data;
using Anxin.Domain.Administration;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Administration;

public sealed record RoleDto(string Code, IReadOnlyList<string> Permissions);

/// <summary>Every role with the permissions it grants, in the order of <see cref="RoleCodes.All"/>.</summary>
public sealed class GetRolesHandler(AnxinDbContext db)
{
    public async Task<IReadOnlyList<RoleDto>> HandleAsync(CancellationToken ct)
    {
        var roles = await db.Roles.AsNoTracking().Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        var grants = await db.RolePermissions.AsNoTracking().ToListAsync(ct);
        var byRole = grants.ToLookup(g => g.RoleId, g => g.Permission);
        return roles
            .OrderBy(r => RoleCodes.All.IndexOf(r.Name!) is var i and >= 0 ? i : int.MaxValue).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new RoleDto(r.Name!, byRole[r.Id].OrderBy(p => Permissions.All.IndexOf(p)).ToList()))
            .ToList();
    }
}

internal static class ListExtensions
{
    public static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
