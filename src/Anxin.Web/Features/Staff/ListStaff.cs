using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;
using StaffMember = Anxin.Domain.Organisation.Staff;

namespace Anxin.Web.Features.Staff;

/// <summary>Search and filters shared by the list and the export .</summary>
public sealed record StaffFilter(string? Q = null, Guid? OrgNodeId = null, string? Role = null, bool? Active = null);

public sealed record ListStaffRequest(StaffFilter Filter, string? After = null, int? PageSize = null);

public sealed record StaffListItem(Guid Id, string WorkNumber, string Name, Guid OrgNodeId, string? OrgNodeName, string? Position,
    IReadOnlyList<string> Roles, string Mobile, string IdNumber, bool IsActive, bool IsLocked);

/// <summary>
/// Staff the user may see (the data-scope filter), sorted by name then id, keyset-paged so that
/// page N costs the same as page 1 at any size (<see cref="KeysetCursor"/>). Personal data leaves masked.
/// </summary>
public sealed class ListStaffHandler(AnxinDbContext db, TimeProvider time)
{
    public async Task<Result<ListPage<StaffListItem>>> HandleAsync(ListStaffRequest request, CancellationToken ct)
    {
        var query = await FilterAsync(request.Filter, ct);
        var total = await query.CountAsync(ct);
        if (request.After is { Length: > 0 } after)
        {
            if (!KeysetCursor.TryDecode(after, out string name, out Guid id))
            {
                return Result<ListPage<StaffListItem>>.Invalid("After", KeysetCursor.InvalidCode);
            }

            query = query.Where(s => s.Name.CompareTo(name) > 0 || (s.Name == name && s.Id.CompareTo(id) > 0));
        }

        var size = Paging.Size(request.PageSize);
        var rows = await query.OrderBy(s => s.Name).ThenBy(s => s.Id).Take(size + 1)
            .Select(s => new
            {
                s.Id, s.WorkNumber, s.Name, s.OrgNodeId, s.Position, s.Mobile, s.IdNumber, s.IsActive,
                OrgNodeName = db.OrgNodes.Where(n => n.Id == s.OrgNodeId).Select(n => n.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var (page, next) = Paging.Cut(rows, size, r => KeysetCursor.Encode(r.Name, r.Id));
        var accounts = await StaffAccounts.LoadAsync(db, page.Select(r => r.Id).ToList(), ct);
        var now = time.GetUtcNow();
        var items = page.Select(r =>
        {
            var account = accounts.GetValueOrDefault(r.Id);
            return new StaffListItem(r.Id, r.WorkNumber, r.Name, r.OrgNodeId, r.OrgNodeName, r.Position,
                account?.Roles ?? [], Masking.Mobile(r.Mobile), Masking.IdNumber(r.IdNumber), r.IsActive,
                account?.IsLockedAt(now) ?? false);
        }).ToList();
        return new ListPage<StaffListItem>(items, next, total);
    }

    /// <summary>The filtered query, inside the user's scope (the global filter is never bypassed).</summary>
    public async Task<IQueryable<StaffMember>> FilterAsync(StaffFilter filter, CancellationToken ct)
    {
        IQueryable<StaffMember> query = db.Staff.AsNoTracking();
        if (filter.Q?.Trim() is { Length: > 0 } q)
        {
            q = q.Length > 100 ? q[..100] : q;
            var mobile = MobileNumber.TryCreate(q, out var m) ? m.Value : null;
            query = query.Where(s => s.Name.Contains(q) || s.WorkNumber.StartsWith(q) || (mobile != null && s.Mobile == mobile));
        }

        if (filter.OrgNodeId is { } nodeId)
        {
            // An invisible node yields no rows: the scope filter on OrgNodes hides it.
            var path = await db.OrgNodes.Where(n => n.Id == nodeId).Select(n => n.Path).SingleOrDefaultAsync(ct) ?? NoPath;
            query = query.Where(s => s.OrgPath.StartsWith(path));
        }

        if (filter.Role is { Length: > 0 } role)
        {
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct) ?? Guid.Empty;
            query = query.Where(s => db.Users.Any(u => u.StaffId == s.Id && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId)));
        }

        if (filter.Active is { } active)
        {
            query = query.Where(s => s.IsActive == active);
        }

        return query;
    }

    private const string NoPath = "!";
}

/// <summary>The sign-in account of each member of staff: user name, roles, lockout.</summary>
public sealed record StaffAccount(Guid UserId, string? UserName, IReadOnlyList<string> Roles, DateTimeOffset? LockoutEnd, Guid? WiderScopeNodeId = null,
    Guid? InsurerId = null)
{
    public bool IsLockedAt(DateTimeOffset now) => LockoutEnd is { } end && end > now;
}

public static class StaffAccounts
{
    public static async Task<Dictionary<Guid, StaffAccount>> LoadAsync(AnxinDbContext db, IReadOnlyList<Guid> staffIds, CancellationToken ct)
    {
        if (staffIds.Count == 0)
        {
            return [];
        }

        var users = await db.Users.AsNoTracking().Where(u => u.StaffId != null && staffIds.Contains(u.StaffId.Value))
            .Select(u => new { u.Id, StaffId = u.StaffId!.Value, u.UserName, u.LockoutEnd, u.ScopeNodeId, u.InsurerId }).ToListAsync(ct);
        var userIds = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where userIds.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return users.GroupBy(u => u.StaffId).ToDictionary(g => g.Key, g =>
        {
            var u = g.First();
            return new StaffAccount(u.Id, u.UserName, SortRoles(byUser[u.Id]), u.LockoutEnd, u.ScopeNodeId, u.InsurerId);
        });
    }

    /// <summary>Roles in the order of <see cref="Domain.Administration.RoleCodes.All"/>.</summary>
    public static IReadOnlyList<string> SortRoles(IEnumerable<string> roles) =>
        roles.OrderBy(r => Domain.Administration.RoleCodes.All.ToList().IndexOf(r)).ToList();
}
