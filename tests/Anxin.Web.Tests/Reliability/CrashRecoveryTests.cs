using System.Diagnostics;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Reliability;

/// <summary>
/// The durability promise of intake (issue 6): a report answered 201 is committed before the answer
/// leaves. The app runs as a real process under a 20-second intake load, is killed with SIGKILL in
/// the middle, and started again on the same database while the load goes on.
/// </summary>
[Collection(RealProcesses.Name)]
public sealed class CrashRecoveryTests
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Every_report_acknowledged_before_or_after_a_SIGKILL_exists_exactly_once_and_the_app_restarts_cleanly(Db db)
    {
        await using var database = NodeDatabase.Create(db);
        var first = await AppNode.StartAsync(database, "crash-1");
        AppNode? second = null;
        var run = "crash" + Guid.NewGuid().ToString("N")[..6];
        var load = new IntakeLoad(run);
        var current = first;
        load.Target = () => current.Address;
        try
        {
            var clock = Stopwatch.StartNew();
            var running = load.RunAsync(clients: 12, TimeSpan.FromSeconds(20));
            await Task.Delay(TimeSpan.FromSeconds(8));
            var acknowledgedBeforeKill = load.Acknowledged.Count;
            await first.KillAsync();
            second = await AppNode.StartAsync(database, "crash-2");
            current = second;
            var restartedAfter = clock.Elapsed;
            await running;
            var acknowledgedAfterRestart = load.Acknowledged.Count - acknowledgedBeforeKill;
            var unanswered = load.Unanswered.Count;

            // Clients that got no answer retry with the same key and body: stored before the kill or not, each ends up once.
            await load.RetryUnansweredAsync();

            await using var context = database.Context();
            var stored = await context.Cases.IgnoreQueryFilters().Where(c => c.Description.StartsWith("压测 " + run + "-"))
                .Select(c => new { c.Description, c.Number }).ToListAsync();
            var byMarker = stored.GroupBy(c => c.Description["压测 ".Length..]).ToDictionary(g => g.Key, g => g.ToList());
            var keys = load.Acknowledged.Keys.ToList();
            var records = await context.IdempotencyRecords.Where(r => keys.Contains(r.Key)).Select(r => new { r.Key, r.StatusCode }).ToListAsync();

            Assert.True(acknowledgedBeforeKill > 20, $"only {acknowledgedBeforeKill} reports acknowledged before the kill");
            Assert.True(acknowledgedAfterRestart > 20, $"only {acknowledgedAfterRestart} reports acknowledged after the restart at {restartedAfter}");
            var missing = load.Acknowledged.Where(a => !byMarker.ContainsKey(a.Key)).Select(a => a.Key).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} acknowledged reports are missing, e.g. {string.Join(", ", missing.Take(5))}");
            var duplicated = byMarker.Where(m => m.Value.Count > 1).Select(m => m.Key).ToList();
            Assert.True(duplicated.Count == 0, $"{duplicated.Count} reports stored more than once, e.g. {string.Join(", ", duplicated.Take(5))}");
            Assert.All(load.Acknowledged, a => Assert.Equal(a.Value, byMarker[a.Key][0].Number));
            Assert.Equal(keys.Count, records.Count(r => r.StatusCode == 201));
            Assert.Equal(stored.Count, stored.Select(s => s.Number).Distinct().Count());
            Assert.True(unanswered > 0, "the kill cut no request off: it did not happen under load");
            Assert.Empty(load.Unanswered);
            Assert.DoesNotContain(second.Output, l => l.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || l.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal));
        }
        finally
        {
            await first.DisposeAsync();
            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }
    }
}

/// <summary>Tests that start real app processes run one at a time (two cores: they measure nothing if they fight).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealProcesses
{
    public const string Name = "Real app processes";
}
