using Anxin.Domain.Clocks;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anxin.Web.Tests.Clocks;

public sealed class ClockWorkerTests(Apps apps) : IClassFixture<Apps>
{
    // Monday 2 March 2026, 10:00 in Shanghai.
    private static readonly DateTimeOffset Monday10 = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Dispatch_clock_warns_once_breaches_once_and_escalates_to_the_supervisor_then_a_department_manager(Db db)
    {
        var app = apps.For(db);
        var time = new FakeTime(Monday10);
        var node = app.WithTime(time);
        var agent = await app.DemoUserAsync("agent1");
        var supervisor = await app.DemoUserAsync("ccsupervisor");
        var manager = await app.DemoUserAsync("gdmanager");
        var clock = await node.StartClockAsync(DefaultClockRules.DispatchSurveyor, "BA-" + Guid.NewGuid().ToString("N")[..10], agent.OrgNodeId, agent.StaffId);
        var worker = node.Services.GetRequiredService<ClockWorker>();

        time.Advance(TimeSpan.FromMinutes(1)); // 50% of two minutes
        await worker.EvaluateDueAsync(default);
        await worker.EvaluateDueAsync(default);
        var warned = await app.MessagesForAsync(clock.Id);
        Assert.Equal([(ClockWorker.WarningTemplate, agent.UserId.ToString())], warned.Select(m => (m.TemplateCode, m.Recipient)));

        time.Advance(TimeSpan.FromMinutes(1)); // the deadline
        await worker.EvaluateDueAsync(default);
        await worker.EvaluateDueAsync(default);
        var breached = await app.MessagesForAsync(clock.Id);
        Assert.Equal(2, breached.Count);
        Assert.Equal((ClockWorker.BreachTemplate, supervisor.UserId.ToString()), (breached[1].TemplateCode, breached[1].Recipient));

        time.Advance(TimeSpan.FromMinutes(4)); // grace is the rule's duration, at least five minutes: not yet
        await worker.EvaluateDueAsync(default);
        Assert.Equal(2, (await app.MessagesForAsync(clock.Id)).Count);

        time.Advance(TimeSpan.FromMinutes(1));
        await worker.EvaluateDueAsync(default);
        time.Advance(TimeSpan.FromHours(1));
        await worker.EvaluateDueAsync(default);
        var all = await app.MessagesForAsync(clock.Id);
        Assert.Equal(3, all.Count);
        Assert.Equal((ClockWorker.BreachTemplate, manager.UserId.ToString()), (all[2].TemplateCode, all[2].Recipient));
        Assert.All(all, m => Assert.Equal(Anxin.Domain.Messaging.MessageChannel.InApp, m.Channel));

        var saved = await app.WithDbAsync(d => d.ServiceClocks.SingleAsync(c => c.Id == clock.Id));
        Assert.Equal(2, saved.EscalationLevel);
        Assert.Null(saved.NextCheckAt);
        var events = await app.WithDbAsync(d => d.AuditEntries.Where(a => a.EntityId == clock.Id.ToString() && a.Kind == Anxin.Domain.Administration.AuditKind.Event)
            .Select(a => a.Action).ToListAsync());
        Assert.Equal(["ClockBreached", "ClockEscalated", "ClockEscalated", "ClockStarted", "ClockWarned"], events.Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Two_workers_on_one_database_escalate_every_breached_clock_exactly_once(Db db)
    {
        var app = apps.For(db);
        var time = new FakeTime(Monday10.AddDays(1));
        var node1 = app.WithTime(time);
        var node2 = app.WithTime(time);
        var agent = await app.DemoUserAsync("agent2");
        var clocks = new List<ServiceClock>();
        for (var i = 0; i < 12; i++)
        {
            clocks.Add(await node1.StartClockAsync(DefaultClockRules.DispatchSurveyor, $"RACE-{i}-" + Guid.NewGuid().ToString("N")[..8], agent.OrgNodeId, agent.StaffId));
        }

        var workers = new[] { node1.Services.GetRequiredService<ClockWorker>(), node2.Services.GetRequiredService<ClockWorker>() };
        time.Advance(TimeSpan.FromMinutes(3)); // warned, breached and escalated to the supervisor in one pass
        await Task.WhenAll(workers.Select(w => Task.Run(() => w.EvaluateDueAsync(default))));
        time.Advance(TimeSpan.FromMinutes(10)); // then to a department manager
        await Task.WhenAll(workers.Select(w => Task.Run(() => w.EvaluateDueAsync(default))));
        await Task.WhenAll(workers.Select(w => Task.Run(() => w.EvaluateDueAsync(default))));

        foreach (var clock in clocks)
        {
            var messages = await app.MessagesForAsync(clock.Id);
            Assert.Equal(1, messages.Count(m => m.TemplateCode == ClockWorker.WarningTemplate));
            Assert.Equal(2, messages.Count(m => m.TemplateCode == ClockWorker.BreachTemplate));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Paused_time_does_not_count_and_stopping_records_the_outcome(Db db)
    {
        var app = apps.For(db);
        var time = new FakeTime(Monday10.AddDays(2));
        var node = app.WithTime(time);
        var agent = await app.DemoUserAsync("agent3");
        var subject = "BA-P-" + Guid.NewGuid().ToString("N")[..8];
        var clock = await node.StartClockAsync(DefaultClockRules.SurveyorContact, subject, agent.OrgNodeId, agent.StaffId);

        await using (var scope = node.Services.CreateAsyncScope())
        {
            var clocks = scope.ServiceProvider.GetRequiredService<ServiceClocks>();
            var db1 = scope.ServiceProvider.GetRequiredService<Anxin.Data.AnxinDbContext>();
            Assert.True((await clocks.PauseAsync("Case", subject, clock.RuleCode, "客户要求稍后联系")).IsOk);
            await db1.SaveChangesAsync();
            time.Advance(TimeSpan.FromMinutes(30));
            Assert.False((await clocks.PauseAsync("Case", subject, clock.RuleCode, "again")).IsOk);
            Assert.True((await clocks.ResumeAsync("Case", subject, clock.RuleCode)).IsOk);
            time.Advance(TimeSpan.FromMinutes(2));
            var stopped = await clocks.StopAsync("Case", subject, clock.RuleCode);
            await db1.SaveChangesAsync();
            Assert.Equal(ClockOutcome.Met, stopped.Value!.Outcome);
        }

        await node.Services.GetRequiredService<ClockWorker>().EvaluateDueAsync(default);
        Assert.Empty(await app.MessagesForAsync(clock.Id));
    }
}
