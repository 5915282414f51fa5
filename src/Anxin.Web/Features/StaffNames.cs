using Anxin.Data;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features;

/// <summary>
/// Staff by id across organisation scopes, for showing who owns, did or is assigned something.
/// Always a query of its own: <c>IgnoreQueryFilters</c> inside another module's query would lift
/// that query's scope and insurer filters too.
/// </summary>
public static class StaffCards
{
    public sealed record Card(Guid Id, string Name, string WorkNumber, Guid OrgNodeId, string OrgPath)
    {
        /// <summary>"陈晓 (2102)".</summary>
        public string Display => $"{Name} ({WorkNumber})";
    }

    public static async Task<Dictionary<Guid, Card>> LoadAsync(AnxinDbContext db, IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return wanted.Count == 0
            ? []
            : await db.Staff.IgnoreQueryFilters().AsNoTracking().Where(s => wanted.Contains(s.Id))
                .Select(s => new Card(s.Id, s.Name, s.WorkNumber, s.OrgNodeId, s.OrgPath))
                .ToDictionaryAsync(s => s.Id, ct);
    }
}

/// <summary>"Name (work number)" by staff id; see <see cref="StaffCards"/>.</summary>
public static class StaffNames
{
    public static async Task<Dictionary<Guid, string>> LoadAsync(AnxinDbContext db, IEnumerable<Guid?> ids, CancellationToken ct) =>
        (await StaffCards.LoadAsync(db, ids, ct)).ToDictionary(c => c.Key, c => c.Value.Display);

    /// <summary>"Name (work number)" of the staff among <paramref name="ids"/> inside the caller's scope (the query filters apply).</summary>
    public static async Task<Dictionary<Guid, string>> ForVisibleAsync(AnxinDbContext db, IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return wanted.Count == 0
            ? []
            : await db.Staff.AsNoTracking().Where(s => wanted.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name + " (" + s.WorkNumber + ")", ct);
    }

    /// <summary>
    /// "Name (work number)" by the id of a user account (e.g. an audit entry's actor), for the
    /// accounts that belong to a member of staff; other actors (API keys, system) are left out.
    /// </summary>
    public static async Task<Dictionary<Guid, string>> ForUsersAsync(AnxinDbContext db, IEnumerable<Guid?> userIds, CancellationToken ct)
    {
        var wanted = userIds.OfType<Guid>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var accounts = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id) && u.StaffId != null)
            .Select(u => new { u.Id, u.StaffId }).ToListAsync(ct);
        var names = await LoadAsync(db, accounts.Select(a => a.StaffId), ct);
        return accounts.Where(a => names.ContainsKey(a.StaffId!.Value)).ToDictionary(a => a.Id, a => names[a.StaffId!.Value]);
    }

    /// <summary>Every member of staff, loaded before an export streams its rows (one reader at a time on the connection).</summary>
    public static Task<Dictionary<Guid, string>> AllAsync(AnxinDbContext db, CancellationToken ct) =>
        db.Staff.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name + " (" + s.WorkNumber + ")", ct);
}
