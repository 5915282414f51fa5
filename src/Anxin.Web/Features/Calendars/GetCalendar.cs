using Anxin.Data;
using Anxin.Domain.Clocks;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Calendars;

public sealed record CalendarDayDto(DateOnly Date, DayKind Kind, string Name, Guid? OrgNodeId, bool Own);

/// <summary>A node's calendar: its hours (own or inherited) and the special days of a year. <see cref="Guid.Empty"/> is the global calendar.</summary>
public sealed record CalendarDto(Guid NodeId, string? NodeName, string Hours, bool OwnHours, string? HoursFrom, int Year, IReadOnlyList<CalendarDayDto> Days);

public sealed class GetCalendarHandler(AnxinDbContext db)
{
    public async Task<Result<CalendarDto>> HandleAsync(Guid nodeId, int? year, CancellationToken ct)
    {
        var y = year is >= 2000 and <= 2100 ? year.Value : 2026;
        var first = new DateOnly(y, 1, 1);
        var last = new DateOnly(y, 12, 31);
        if (nodeId == Guid.Empty)
        {
            var global = await db.CalendarDays.AsNoTracking().Where(d => d.OrgNodeId == null && d.Date >= first && d.Date <= last)
                .OrderBy(d => d.Date).Select(d => new CalendarDayDto(d.Date, d.Kind, d.Name, null, true)).ToListAsync(ct);
            return new CalendarDto(Guid.Empty, null, CalendarSettings.Format(WorkingCalendar.StandardHours), false, null, y, global);
        }

        var node = await db.OrgNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == nodeId, ct);
        if (node is null)
        {
            return Result<CalendarDto>.NotFound();
        }

        var chain = await OrgChain.LoadAsync(db, node.Path, ct);
        var ids = chain.Select(n => n.Id).ToList();
        var depth = chain.ToDictionary(n => n.Id, n => n.Depth);
        var settings = await db.CalendarSettings.AsNoTracking().Where(s => ids.Contains(s.OrgNodeId)).ToListAsync(ct);
        var nearest = settings.OrderByDescending(s => depth[s.OrgNodeId]).FirstOrDefault();
        var days = await db.CalendarDays.AsNoTracking()
            .Where(d => (d.OrgNodeId == null || ids.Contains(d.OrgNodeId.Value)) && d.Date >= first && d.Date <= last)
            .ToListAsync(ct);
        var effective = days.OrderBy(d => d.OrgNodeId is { } id ? depth[id] + 1 : 0)
            .GroupBy(d => d.Date).Select(g => g.Last())
            .OrderBy(d => d.Date)
            .Select(d => new CalendarDayDto(d.Date, d.Kind, d.Name, d.OrgNodeId, d.OrgNodeId == node.Id))
            .ToList();
        return new CalendarDto(node.Id, node.Name, nearest?.Hours ?? CalendarSettings.Format(WorkingCalendar.StandardHours),
            nearest?.OrgNodeId == node.Id, nearest is null ? null : chain.First(n => n.Id == nearest.OrgNodeId).Name, y, effective);
    }
}
