using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Anxin.Domain.Clocks;
using Anxin.Domain.Messaging;
using Anxin.Web.Infrastructure.Demo;
using Anxin.Web.Infrastructure.Realtime;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Reliability;

/// <summary>
/// Two app processes over one PostgreSQL database (the many-machines shape of ARCHITECTURE.md):
/// intake on both, clock escalation and outbox delivery by both workers, live pushes across nodes.
/// </summary>
[Collection(RealProcesses.Name)]
public sealed partial class TwoNodeTests
{
    private static readonly Dictionary<string, string> FastWorkers = new()
    {
        ["Clocks:WorkerEnabled"] = "true",
        ["Clocks:PollSeconds"] = "1",
        ["Clocks:EscalationGraceMinutes"] = "0",
        ["Outbox:PollSeconds"] = "0.3",
    };

    [SkippableFact]
    public async Task Two_nodes_issue_unique_case_numbers_and_escalate_each_clock_and_deliver_each_message_once()
    {
        await using var database = NodeDatabase.Create(Db.Postgres);
        await using var a = await AppNode.StartAsync(database, "node-a", FastWorkers);
        await using var b = await AppNode.StartAsync(database, "node-b", FastWorkers);
        var clocks = await SeedBreachedClocksAsync(database, 30);

        var run = "two" + Guid.NewGuid().ToString("N")[..6];
        var toA = new IntakeLoad(run + "a") { Target = () => a.Address };
        var toB = new IntakeLoad(run + "b") { Target = () => b.Address };
        await Task.WhenAll(toA.RunAsync(6, TimeSpan.FromSeconds(6)), toB.RunAsync(6, TimeSpan.FromSeconds(6)));

        await using var context = database.Context();
        await WaitUntilAsync(async () =>
            await context.ServiceClocks.CountAsync(c => clocks.Contains(c.Id) && c.EscalationLevel == 2) == clocks.Count
            && !await context.Outbox.AnyAsync(m => m.State != OutboxState.Sent), TimeSpan.FromSeconds(90));

        // Case numbers: unique across both nodes, and every acknowledged report stored once.
        var numbers = await context.Cases.Select(c => c.Number).ToListAsync();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        var acknowledged = toA.Acknowledged.Values.Concat(toB.Acknowledged.Values).ToList();
        Assert.True(toA.Acknowledged.Count > 10 && toB.Acknowledged.Count > 10, $"{toA.Acknowledged.Count} + {toB.Acknowledged.Count} acknowledged");
        Assert.Equal(acknowledged.Count, acknowledged.Distinct().Count());
        Assert.Empty(acknowledged.Except(numbers));

        // Each clock breached once and escalated exactly twice (supervisor, then manager), whichever node did it.
        var ids = clocks.Select(c => c.ToString()).ToList();
        var events = await context.AuditEntries.Where(e => e.EntityId != null && ids.Contains(e.EntityId))
            .Select(e => new { e.EntityId, e.Action }).ToListAsync();
        Assert.All(ids, id =>
        {
            Assert.Equal(1, events.Count(e => e.EntityId == id && e.Action == "ClockBreached"));
            Assert.Equal(2, events.Count(e => e.EntityId == id && e.Action == "ClockEscalated"));
        });

        // Each outbox message delivered exactly once: one "delivered" log line in all nodes' output, one notification per in-app message.
        var messages = await context.Outbox.Select(m => new { m.Id, m.Channel }).ToListAsync();
        var delivered = a.Output.Concat(b.Output).Select(l => Delivered().Match(l)).Where(m => m.Success)
            .GroupBy(m => Guid.Parse(m.Groups[1].Value)).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(messages.Count >= (2 * clocks.Count) + acknowledged.Count, $"{messages.Count} outbox messages");
        Assert.All(messages, m => Assert.Equal(1, delivered.GetValueOrDefault(m.Id)));
        Assert.Equal(messages.Count(m => m.Channel == MessageChannel.InApp), await context.Notifications.CountAsync());
        Assert.Contains(a.Output, l => Delivered().IsMatch(l));
        Assert.Contains(b.Output, l => Delivered().IsMatch(l));
    }

    [SkippableFact]
    public async Task A_notification_delivered_on_one_node_reaches_a_browser_connected_to_the_other()
    {
        await using var database = NodeDatabase.Create(Db.Postgres);
        await using var worker = await AppNode.StartAsync(database, "node-worker", FastWorkers);
        await using var web = await AppNode.StartAsync(database, "node-web", new Dictionary<string, string>
        {
            ["Outbox:Enabled"] = "false",
            ["Clocks:WorkerEnabled"] = "false",
        });
        await using var hub = await ConnectAsync(web, "ccsupervisor");

        await SeedBreachedClocksAsync(database, 1);

        var push = await hub.NextAsync(NotificationsHub.Method, TimeSpan.FromSeconds(60));
        Assert.Equal(JsonValueKind.String, push.GetProperty("id").ValueKind);
        Assert.True(push.GetProperty("unread").GetInt32() >= 1);
        Assert.Contains(worker.Output, l => Delivered().IsMatch(l));
        Assert.DoesNotContain(web.Output, l => Delivered().IsMatch(l));
    }

    /// <summary>Clocks at the demo service team that were due an hour ago (owner none: escalation starts at the team's supervisor).</summary>
    private static async Task<List<Guid>> SeedBreachedClocksAsync(NodeDatabase database, int count)
    {
        await using var context = database.Context();
        var team = await context.OrgNodes.SingleAsync(n => n.Code == "GD-CC-T1");
        var calendar = new WorkingCalendar(WorkingCalendar.StandardHours, []);
        var started = DateTimeOffset.UtcNow.AddHours(-1);
        var clocks = Enumerable.Range(0, count).Select(i => ServiceClock.Start(DefaultClockRules.DispatchSurveyor, "Test", "two-node-" + Guid.NewGuid(),
            team.Id, team.Path, null, started, calendar)).ToList();
        foreach (var clock in clocks)
        {
            clock.CreatedAt = clock.UpdatedAt = started;
        }

        context.ServiceClocks.AddRange(clocks);
        await context.SaveChangesAsync();
        return clocks.Select(c => c.Id).ToList();
    }

    /// <summary>Signs in through the real login form and opens the notifications hub with the auth cookie, like a browser.</summary>
    private static async Task<RealHubClient> ConnectAsync(AppNode node, string userName)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = node.Address };
        var form = new HtmlParser().ParseDocument(await http.GetStringAsync("/account/login"));
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new InvalidOperationException("no antiforgery token");
        var signIn = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = DemoDataSeeder.Password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return await RealHubClient.ConnectAsync(new Uri(node.Address, NotificationsHub.Path), cookies.GetCookieHeader(node.Address));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Not done within {timeout.TotalSeconds} s");
            }

            await Task.Delay(500);
        }
    }

    [GeneratedRegex(@"Outbox message ([0-9a-f-]{36}) delivered")]
    private static partial Regex Delivered();
}
