using Anxin.Data;
using Anxin.Data.Identity;
using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Administration;

/// <summary>PUT /api/v1/roles/{code}/permissions body.</summary>
public sealed record SetRolePermissionsRequest(IReadOnlyList<string>? Permissions);

/// <summary>
/// Replaces the permissions of one or more roles in one transaction, with a
/// "RolePermissionsChanged" audit event per changed role listing what was added and removed.
/// The Administrator role always keeps Roles.Manage, so nobody can lock everyone out.
/// Effective on the next request: <see cref="Infrastructure.Auth.PermissionClaimsLoader"/> reads grants per request.
/// </summary>
public sealed class SaveRolePermissionsHandler(AnxinDbContext db, TimeProvider time)
{
    public const string EventName = "RolePermissionsChanged";

    public async Task<Result> HandleAsync(IReadOnlyDictionary<string, IReadOnlyCollection<string>> grants, CancellationToken ct)
    {
        var errors = new FieldErrors();
        foreach (var (role, permissions) in grants)
        {
            if (permissions.Any(p => !Permissions.IsKnown(p)))
            {
                errors.Add(nameof(SetRolePermissionsRequest.Permissions), "Roles.UnknownPermission");
            }
            else if (role == RoleCodes.Administrator && !permissions.Contains(Permissions.Roles.Manage, StringComparer.Ordinal))
            {
                errors.Add(nameof(SetRolePermissionsRequest.Permissions), "Roles.AdminMustKeepRolesManage");
            }
        }

        if (errors.Any)
        {
            return Result.Invalid(errors.All.Distinct().ToList());
        }

        var codes = grants.Keys.ToList();
        var roles = await db.Roles.Where(r => codes.Contains(r.Name!)).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        if (roles.Count != codes.Count)
        {
            return Result.NotFound();
        }

        var roleIds = roles.Select(r => r.Id).ToList();
        var existing = (await db.RolePermissions.Where(p => roleIds.Contains(p.RoleId)).ToListAsync(ct)).ToLookup(p => p.RoleId);
        var now = time.GetUtcNow();
        foreach (var role in roles)
        {
            var current = existing[role.Id].ToList();
            var wanted = grants[role.Name!].ToHashSet(StringComparer.Ordinal);
            var removed = current.Where(p => !wanted.Contains(p.Permission)).ToList();
            var added = wanted.Where(p => current.All(c => c.Permission != p)).OrderBy(p => p, StringComparer.Ordinal).ToList();
            if (removed.Count == 0 && added.Count == 0)
            {
                continue;
            }

            db.RolePermissions.RemoveRange(removed);
            db.RolePermissions.AddRange(added.Select(p => new RolePermission { RoleId = role.Id, Permission = p }));
            var detail = string.Join(' ', added.Select(p => "+" + p).Concat(removed.Select(p => "-" + p.Permission).Order(StringComparer.Ordinal)));
            db.AddAuditEvent(EventName, "Role", role.Name, detail, "/", now);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Ok();
    }
}
