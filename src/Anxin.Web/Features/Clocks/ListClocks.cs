using System.Globalization;
using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Clocks;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Clocks;

/// <summary>scope my|team; state Running|Paused (default both); rule code; overdue only; after = cursor of the previous page.</summary>
public sealed record ListClocksQuery(string? Scope = null, ClockState? State = null, string? Rule = null, bool Overdue = false, string? After = null, int? Take = null);

public sealed record ClockRow(Guid Id, string RuleCode, string SubjectType, string SubjectId, Guid? OwnerStaffId, string? OwnerName,
    ClockState State, DateTimeOffset StartedAt, DateTimeOffset DeadlineAt, DateTimeOffset? WarnedAt, DateTimeOffset? BreachedAt,
    int EscalationLevel, bool Overdue, string? PauseReason);

public sealed record OwnerCount(Guid? OwnerStaffId, string? OwnerName, int Open, int Overdue, int MetThisMonth, int BreachedThisMonth);

public sealed record ClockList(IReadOnlyList<ClockRow> Items, int Total, string? Next, int MetThisMonth, int BreachedThisMonth,
    IReadOnlyList<OwnerCount> ByOwner);

/// <summary>
/// Open clocks of the signed-in staff member (my) or of their subtree (team), earliest deadline
/// first, so breached and overdue ones lead; team adds this month's met/breached counts per owner.
/// </summary>
public sealed class ListClocksHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    private const int PageSize = 20;

    public async Task<Result<ClockList>> HandleAsync(ListClocksQuery query, CancellationToken ct)
    {
        var team = string.Equals(query.Scope, "team", StringComparison.OrdinalIgnoreCase);
        if (team && !me.Has(Permissions.Clocks.ViewTeam))
        {
            return Result<ClockList>.Forbidden();
        }

        var now = time.GetUtcNow();
        var clocks = db.ServiceClocks.AsNoTracking();
        if (team)
        {
            var path = me.OrgNodeId is { } nodeId
                ? await db.OrgNodes.IgnoreQueryFilters().Where(n => n.Id == nodeId).Select(n => n.Path).SingleOrDefaultAsync(ct)
                : null;
            if (path is null)
            {
                return Result<ClockList>.Forbidden();
            }

            clocks = clocks.Where(c => c.OrgPath.StartsWith(path));
        }
        else
        {
            var staffId = me.StaffId;
            clocks = clocks.Where(c => c.OwnerStaffId != null && c.OwnerStaffId == staffId);
        }

        var zone = WorkingCalendar.ChinaTime;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var monthStart = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, local.Offset).ToUniversalTime();
        var finished = await clocks.Where(c => c.State == ClockState.Stopped && c.StoppedAt >= monthStart)
            .GroupBy(c => new { c.OwnerStaffId, c.Outcome }).Select(g => new { g.Key.OwnerStaffId, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(ct);

        var open = clocks.Where(c => c.State != ClockState.Stopped);
        if (query.State is { } state && state != ClockState.Stopped)
        {
            open = open.Where(c => c.State == state);
        }

        if (!string.IsNullOrWhiteSpace(query.Rule))
        {
            open = open.Where(c => c.RuleCode == query.Rule);
        }

        if (query.Overdue)
        {
            open = open.Where(c => c.DeadlineAt <= now);
        }

        var total = await open.CountAsync(ct);
        var byOwner = new List<OwnerCount>();
        if (team)
        {
            var openCounts = await open.GroupBy(c => c.OwnerStaffId)
                .Select(g => new { OwnerStaffId = g.Key, Open = g.Count(), Overdue = g.Count(c => c.DeadlineAt <= now) })
                .ToListAsync(ct);
            var owners = openCounts.Select(o => o.OwnerStaffId).Union(finished.Select(f => f.OwnerStaffId)).ToList();
            var names = await NamesAsync(owners, ct);
            byOwner = owners.Select(o => new OwnerCount(o, o is { } id ? names.GetValueOrDefault(id) : null,
                    openCounts.FirstOrDefault(c => c.OwnerStaffId == o)?.Open ?? 0,
                    openCounts.FirstOrDefault(c => c.OwnerStaffId == o)?.Overdue ?? 0,
                    finished.Where(f => f.OwnerStaffId == o && f.Outcome == ClockOutcome.Met).Sum(f => f.Count),
                    finished.Where(f => f.OwnerStaffId == o && f.Outcome == ClockOutcome.Breached).Sum(f => f.Count)))
                .OrderByDescending(o => o.Overdue).ThenByDescending(o => o.BreachedThisMonth).ThenBy(o => o.OwnerName, StringComparer.Ordinal)
                .ToList();
        }

        // Keyset paging on the deadline; a page never splits rows that share one deadline.
        if (long.TryParse(query.After, NumberStyles.None, CultureInfo.InvariantCulture, out var afterTicks))
        {
            var after = new DateTimeOffset(afterTicks, TimeSpan.Zero);
            open = open.Where(c => c.DeadlineAt > after);
        }

        var take = Math.Clamp(query.Take ?? PageSize, 1, 200);
        var rows = await open.OrderBy(c => c.DeadlineAt).Take(take + 1).ToListAsync(ct);
        string? next = null;
        if (rows.Count > take)
        {
            var last = rows[take - 1].DeadlineAt;
            rows = rows.Take(take).ToList();
            var seen = rows.Select(r => r.Id).ToHashSet();
            rows.AddRange((await open.Where(c => c.DeadlineAt == last).ToListAsync(ct)).Where(c => !seen.Contains(c.Id)));
            next = last.UtcTicks.ToString(CultureInfo.InvariantCulture);
        }

        var rowNames = await NamesAsync(rows.Select(r => r.OwnerStaffId).ToList(), ct);
        var items = rows.Select(c => new ClockRow(c.Id, c.RuleCode, c.SubjectType, c.SubjectId, c.OwnerStaffId,
            c.OwnerStaffId is { } id ? rowNames.GetValueOrDefault(id) : null, c.State, c.StartedAt, c.DeadlineAt, c.WarnedAt, c.BreachedAt,
            c.EscalationLevel, c.State == ClockState.Running && c.DeadlineAt <= now, c.PauseReason)).ToList();
        return new ClockList(items, total, next,
            finished.Where(f => f.Outcome == ClockOutcome.Met).Sum(f => f.Count),
            finished.Where(f => f.Outcome == ClockOutcome.Breached).Sum(f => f.Count),
            byOwner);
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IReadOnlyList<Guid?> ids, CancellationToken ct) =>
        (await StaffCards.LoadAsync(db, ids, ct)).ToDictionary(c => c.Key, c => c.Value.Name);
}

public sealed class ClockEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/clocks", async ([AsParameters] ListClocksQuery query, ListClocksHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(query, ct)).ToHttp(http, Results.Ok))
            .WithTags("Clocks")
            .RequirePermission(Permissions.Clocks.ViewOwn);
}
