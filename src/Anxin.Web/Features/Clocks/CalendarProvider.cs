using System.Collections.Concurrent;
using Anxin.Data;
using Anxin.Domain.Clocks;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Clocks;

/// <summary>The business calendar that applies at an organisation node .</summary>
public interface ICalendarProvider
{
    Task<WorkingCalendar> ForNodeAsync(string orgPath, CancellationToken ct = default);

    /// <summary>Forgets cached calendars after an edit (other app nodes catch up within the cache lifetime).</summary>
    void Invalidate();
}

/// <summary>
/// Hours: the nearest node up the path with its own settings, else the standard hours.
/// Days: the global days, then each node's own days down the chain (the deepest wins on a date).
/// Cached briefly per path.
/// </summary>
public sealed class CalendarProvider(IServiceScopeFactory scopes) : ICalendarProvider
{
    private static readonly long LifetimeMs = 60_000;
    private readonly ConcurrentDictionary<string, (WorkingCalendar Calendar, long Until)> _cache = new(StringComparer.Ordinal);
    private long _generation;

    public async Task<WorkingCalendar> ForNodeAsync(string orgPath, CancellationToken ct = default)
    {
        if (_cache.TryGetValue(orgPath, out var hit) && hit.Until > Environment.TickCount64)
        {
            return hit.Calendar;
        }

        var generation = Interlocked.Read(ref _generation);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnxinDbContext>();
        var calendar = await BuildAsync(db, orgPath, ct);
        if (generation == Interlocked.Read(ref _generation))
        {
            _cache[orgPath] = (calendar, Environment.TickCount64 + LifetimeMs);
        }

        return calendar;
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _cache.Clear();
    }

    public static async Task<WorkingCalendar> BuildAsync(AnxinDbContext db, string orgPath, CancellationToken ct)
    {
        var chain = await OrgChain.LoadAsync(db, orgPath, ct);
        var ids = chain.Select(n => n.Id).ToList();
        var depth = chain.ToDictionary(n => n.Id, n => n.Depth);
        var settings = await db.CalendarSettings.AsNoTracking().Where(s => ids.Contains(s.OrgNodeId)).ToListAsync(ct);
        var hours = settings.OrderByDescending(s => depth[s.OrgNodeId]).FirstOrDefault()?.WorkingHours() ?? WorkingCalendar.StandardHours;
        var days = await db.CalendarDays.AsNoTracking()
            .Where(d => d.OrgNodeId == null || ids.Contains(d.OrgNodeId.Value))
            .ToListAsync(ct);
        var effective = new Dictionary<DateOnly, SpecialDay>();
        foreach (var day in days.OrderBy(d => d.OrgNodeId is { } id ? depth[id] + 1 : 0))
        {
            effective[day.Date] = day.ToSpecialDay();
        }

        return new WorkingCalendar(hours, effective.Values);
    }
}
