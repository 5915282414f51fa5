using System.Net;
using System.Text.Json;
using Anxin.Data;
using Anxin.Domain.Messaging;
using Anxin.Web.Infrastructure.Messaging;
using Anxin.Web.Infrastructure.Realtime;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Anxin.Web.Tests.Notifications;

public sealed class NotificationBellTests(Apps apps) : IClassFixture<Apps>
{
    private static readonly TimeSpan PushWait = TimeSpan.FromSeconds(15);

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_bell_shows_the_unread_count_lists_the_latest_and_mark_read_clears_it(Db db)
    {
        var app = apps.For(db);
        var userId = await UserIdAsync(app, "agent1");
        var now = DateTimeOffset.UtcNow;
        var notifications = Enumerable.Range(1, 12)
            .Select(i => Notification.Create(userId, $"通知标题{i:D2}", $"正文{i}", i == 1 ? "/clocks/my" : null, now.AddMinutes(i))).ToList();
        notifications[0].MarkRead(now);
        await app.WithDbAsync(d => { d.Notifications.AddRange(notifications); return d.SaveChangesAsync(); });
        var browser = await app.SignInAsync("agent1");

        var home = await browser.GetPageAsync("/");
        var badge = home.QuerySelector("[data-testid=notification-count]")!;
        Assert.Equal("11", badge.TextContent.Trim());
        Assert.False(badge.HasAttribute("hidden"));
        Assert.Equal("通知（11 条未读）", home.QuerySelector("#notification-button")!.GetAttribute("aria-label"));
        Assert.Equal("/notifications/latest", home.QuerySelector("#notification-button")!.GetAttribute("hx-get"));

        var latest = await browser.GetPageAsync("/notifications/latest");
        Assert.Null(latest.QuerySelector("header")); // a fragment, no layout
        Assert.Equal("11", latest.QuerySelector("[data-unread]")!.GetAttribute("data-unread"));
        var titles = latest.QuerySelectorAll("li .fw-semibold").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(Enumerable.Range(3, 10).Reverse().Select(i => $"通知标题{i:D2}"), titles);

        var list = await browser.GetPageAsync("/notifications");
        Assert.Equal(10 + 2, list.QuerySelectorAll("[data-testid=notification-item]").Length);
        Assert.Null(list.QuerySelector("a[rel=next]"));

        // One read from the list page: the count drops by one.
        var second = notifications[1];
        var read = await browser.PostFormAsync($"/notifications?handler=Read&id={second.Id}", [], formPage: "/notifications");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.Equal("10", (await browser.GetPageAsync("/")).QuerySelector("[data-testid=notification-count]")!.TextContent.Trim());

        // "Mark all read" from the bell (htmx): answers with the refreshed list, unread 0.
        var token = (await browser.GetPageAsync("/")).QuerySelector("#notification-bell input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/notifications?handler=ReadAll") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("RequestVerificationToken", token);
        var readAll = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, readAll.StatusCode);
        Assert.Equal("0", (await readAll.ReadHtmlAsync()).QuerySelector("[data-unread]")!.GetAttribute("data-unread"));

        var after = await browser.GetPageAsync("/");
        Assert.Equal("0", after.QuerySelector("[data-testid=notification-count]")!.TextContent.Trim());
        Assert.True(after.QuerySelector("[data-testid=notification-count]")!.HasAttribute("hidden"));
        Assert.Equal(0, await app.WithDbAsync(d => d.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null)));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_notifications_page_pages_by_twenty(Db db)
    {
        var app = apps.For(db);
        var userId = await UserIdAsync(app, "agent3");
        var now = DateTimeOffset.UtcNow;
        await app.WithDbAsync(d =>
        {
            d.Notifications.AddRange(Enumerable.Range(1, 25).Select(i => Notification.Create(userId, $"P{i:D2}", "b", null, now.AddSeconds(i))));
            return d.SaveChangesAsync();
        });
        var browser = await app.SignInAsync("agent3");

        var first = await browser.GetPageAsync("/notifications");
        Assert.Equal(20, first.QuerySelectorAll("[data-testid=notification-item]").Length);
        Assert.Equal("/notifications?p=2", first.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        var second = await browser.GetPageAsync("/notifications?p=2");
        Assert.Equal(5, second.QuerySelectorAll("[data-testid=notification-item]").Length);
        Assert.Contains("P01", second.QuerySelectorAll("[data-testid=notification-item]").Last().TextContent, StringComparison.Ordinal);
        Assert.Null(second.QuerySelector("a[rel=next]"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_delivered_in_app_message_is_pushed_live_to_the_users_hub_connection_only(Db db)
    {
        var app = apps.For(db);
        await WaitForListenerAsync(app);
        var userId = await UserIdAsync(app, "agent2");
        await using var mine = await HubTestClient.ConnectAsync(app, "agent2");
        await using var other = await HubTestClient.ConnectAsync(app, "agent1");

        var message = await EnqueueInAppAsync(app, userId, "PUSH-" + Guid.NewGuid().ToString("N")[..6]);
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);

        var pushed = await mine.NextAsync(NotificationsHub.Method, PushWait);
        var row = await app.WithDbAsync(d => d.Notifications.AsNoTracking().SingleAsync(n => n.UserId == userId));
        Assert.Equal(row.Id, pushed.GetProperty("id").GetGuid());
        Assert.StartsWith("服务时效预警", pushed.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, pushed.GetProperty("unread").GetInt32());
        Assert.Equal(OutboxState.Sent, (await app.WithDbAsync(d => d.Outbox.IgnoreQueryFilters().SingleAsync(m => m.Id == message.Id))).State);
        Assert.False(await other.ReceivesAsync(NotificationsHub.Method, TimeSpan.FromSeconds(1)));

        // Personal data stays out of the log: no titles or bodies, ids only.
        Assert.DoesNotContain(app.Logs, l => l.Contains(pushed.GetProperty("body").GetString()!, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task The_hub_refuses_anonymous_connections()
    {
        var app = apps.For(Db.Sqlite);
        var response = await app.Browser().PostAsync("/hubs/notifications/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>Two nodes over one PostgreSQL database: a notification delivered on node A reaches a client connected to node B.</summary>
    [SkippableFact]
    public async Task On_PostgreSQL_a_notification_committed_on_one_node_reaches_a_client_on_another_node()
    {
        var a = apps.For(Db.Postgres);
        await using var b = new AnxinAppFactory(Db.Postgres, new Dictionary<string, string?>
        {
            ["Database:MigrateOnStart"] = "false",
            ["Demo:Seed"] = "false",
        }, a.ConnectionString);
        _ = b.Server;
        await WaitForListenerAsync(a);
        await WaitForListenerAsync(b);
        var userId = await UserIdAsync(a, "surveyor1");
        await using var onB = await HubTestClient.ConnectAsync(b, "surveyor1");

        await EnqueueInAppAsync(a, userId, "XNODE");

        // The demo data queues messages of its own (SMS to reporters, a surveyor's dispatch notice): ours is among them.
        Assert.True(await a.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None) >= 1);

        var pushed = await onB.NextAsync(NotificationsHub.Method, PushWait);
        var pushedId = pushed.GetProperty("id").GetGuid();
        var row = await b.WithDbAsync(d => d.Notifications.AsNoTracking().SingleAsync(n => n.Id == pushedId));
        Assert.Equal(userId, row.UserId);
        Assert.True(pushed.GetProperty("unread").GetInt32() >= 1);
        Assert.Contains(b.Logs, l => l.Contains("LISTEN anxin_notifications", StringComparison.Ordinal));
    }

    private static async Task WaitForListenerAsync(AnxinAppFactory app)
    {
        if (app.Db == Db.Postgres)
        {
            var listener = app.Services.GetServices<IHostedService>().OfType<PostgresNotificationListener>().Single();
            await listener.Listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    private static Task<Guid> UserIdAsync(AnxinAppFactory app, string userName) =>
        app.WithDbAsync(d => d.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    private static async Task<OutboxMessage> EnqueueInAppAsync(AnxinAppFactory app, Guid userId, string subject)
    {
        var node = await app.WithDbAsync(d => d.OrgNodes.AsNoTracking().SingleAsync(n => n.Code == "GD-CC-T1"));
        var message = OutboxMessage.Create(MessageChannel.InApp, userId.ToString(), "Clock.Warning",
            JsonSerializer.Serialize(new { subject, rule = "首次响应", deadline = "2026-11-22 09:00", owner = "陈晓" }),
            node.Id, node.Path, DateTimeOffset.UtcNow.AddSeconds(-1));
        await app.WithDbAsync(d => { d.Outbox.Add(message); return d.SaveChangesAsync(); });
        return message;
    }
}
