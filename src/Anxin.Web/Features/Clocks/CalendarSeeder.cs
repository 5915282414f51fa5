using Anxin.Data;
using Anxin.Domain.Clocks;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Clocks;

/// <summary>Seeds the 2026 China holidays as global calendar days at start, in every environment, when absent.</summary>
public sealed partial class CalendarSeeder(IServiceScopeFactory scopes, ILogger<CalendarSeeder> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SeedAsync(scopes, cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            // The database may not be migrated yet (production migrates by an explicit command).
            LogSeedSkipped(e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task SeedAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnxinDbContext>();
        var first = new DateOnly(2026, 1, 1);
        var last = new DateOnly(2026, 12, 31);
        if (await db.CalendarDays.AnyAsync(d => d.OrgNodeId == null && d.Date >= first && d.Date <= last, ct))
        {
            return;
        }

        db.CalendarDays.AddRange(ChinaHolidays2026.Days.Select(d => CalendarDay.Create(null, d.Date, d.Kind, d.Name)));
        await db.SaveChangesAsync(ct);
        scope.ServiceProvider.GetRequiredService<ICalendarProvider>().Invalidate();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar seeding skipped: is the database migrated?")]
    private partial void LogSeedSkipped(Exception e);
}
