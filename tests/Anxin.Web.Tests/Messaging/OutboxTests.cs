using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Data;
using Anxin.Domain.Messaging;
using Anxin.Domain.Organisation;
using Anxin.Web.Infrastructure.Messaging;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anxin.Web.Tests.Messaging;

public sealed class OutboxTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_message_added_in_a_rolled_back_transaction_is_never_sent(Db db)
    {
        var gateway = new RecordingSmsGateway();
        await using var app = WithGateway(apps.For(db), gateway);
        var node = await NodeAsync(app, "GD-SZ");
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var ctx = scope.ServiceProvider.GetRequiredService<AnxinDbContext>();
            await using var tx = await ctx.Database.BeginTransactionAsync();
            var message = Sms("Case.Reported", node, "{\"caseNumber\":\"BA1\",\"hotline\":\"95500\"}");
            id = message.Id;
            ctx.Outbox.Add(message);
            await ctx.SaveChangesAsync();
            await tx.RollbackAsync();
        }

        await DrainAsync(app);

        Assert.False(gateway.Calls.ContainsKey(id));
        Assert.False(await Db(app, d => d.Outbox.AnyAsync(m => m.Id == id)));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_message_is_rendered_with_the_nearest_org_template_and_delivered_once(Db db)
    {
        var gateway = new RecordingSmsGateway();
        var host = apps.For(db);
        await using var app = WithGateway(host, gateway);
        var code = "Test.T" + Guid.NewGuid().ToString("N")[..8];
        var gd = await NodeAsync(app, "GD");
        var api = host.Api();
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync("/api/v1/message-templates", new { code, culture = "zh-CN", channel = "Sms", body = "全局：{caseNumber}" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync("/api/v1/message-templates", new { code, culture = "zh-CN", channel = "Sms", orgNodeId = gd.Id, body = "广东：{caseNumber}，{unknown}" })).StatusCode);
        var inGuangdong = Sms(code, await NodeAsync(app, "GD-SZ-NS"), "{\"caseNumber\":\"BA20261121000001\"}");
        var inZhejiang = Sms(code, await NodeAsync(app, "ZJ-HZ"), "{\"caseNumber\":\"BA20261121000002\"}");
        await Db(app, d => { d.Outbox.AddRange(inGuangdong, inZhejiang); return d.SaveChangesAsync(); });

        await DrainAsync(app);
        await DrainAsync(app);

        Assert.Equal(1, gateway.Calls[inGuangdong.Id]);
        Assert.Equal(1, gateway.Calls[inZhejiang.Id]);
        Assert.Equal("广东：BA20261121000001，{unknown}", gateway.Bodies[inGuangdong.Id]);
        Assert.Equal("全局：BA20261121000002", gateway.Bodies[inZhejiang.Id]);
        var sent = await Db(app, d => d.Outbox.SingleAsync(m => m.Id == inGuangdong.Id));
        Assert.Equal(OutboxState.Sent, sent.State);
        Assert.Equal("广东：BA20261121000001，{unknown}", sent.RenderedText);

        var listed = await api.GetFromJsonAsync<JsonElement>($"/api/v1/outbox?templateCode={code}");
        var items = listed.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal("138****8000", i.GetProperty("recipient").GetString()));
        var first = await api.GetFromJsonAsync<JsonElement>($"/api/v1/outbox?templateCode={code}&take=1");
        var next = await api.GetFromJsonAsync<JsonElement>($"/api/v1/outbox?templateCode={code}&take=1&cursor={first.GetProperty("nextCursor").GetString()}");
        Assert.Equal(items[0].GetProperty("id").GetGuid(), first.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(items[1].GetProperty("id").GetGuid(), next.GetProperty("items")[0].GetProperty("id").GetGuid());
        var page = await (await host.SignInAsync("admin")).GetAsync($"/admin/outbox?templateCode={code}&state=Sent");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("138****8000", html, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", html, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_failing_gateway_retries_with_backoff_then_fails_and_an_admin_retry_requeues_it(Db db)
    {
        var gateway = new RecordingSmsGateway { Fail = true };
        var clock = new FakeTime(DateTimeOffset.UtcNow);
        var host = apps.For(db);
        await using var app = WithGateway(host, gateway, clock);
        var message = Sms("Case.Reported", await NodeAsync(app, "GD-SZ"), "{\"caseNumber\":\"BA9\",\"hotline\":\"95500\"}", clock.GetUtcNow());
        await Db(app, d => { d.Outbox.Add(message); return d.SaveChangesAsync(); });

        var delays = new List<TimeSpan>();
        for (var attempt = 1; attempt <= OutboxMessage.MaxAttempts; attempt++)
        {
            await DrainAsync(app);
            var row = await Db(app, d => d.Outbox.AsNoTracking().SingleAsync(m => m.Id == message.Id));
            Assert.Equal(attempt, row.Attempts);
            Assert.Contains("gateway down", row.LastError, StringComparison.Ordinal);
            if (row.State == OutboxState.Failed)
            {
                break;
            }

            delays.Add(row.NextAttemptAt - clock.GetUtcNow());
            await DrainAsync(app); // not due yet: no new attempt
            Assert.Equal(attempt, gateway.Calls[message.Id]);
            clock.Advance(row.NextAttemptAt - clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        }

        Assert.Equal(OutboxMessage.MaxAttempts, gateway.Calls[message.Id]);
        Assert.Equal(OutboxState.Failed, (await Db(app, d => d.Outbox.AsNoTracking().SingleAsync(m => m.Id == message.Id))).State);
        Assert.Equal([5, 10, 20, 40, 80, 160, 320], delays.Select(d => (int)Math.Round(d.TotalSeconds)));

        gateway.Fail = false;
        var retry = await host.Api().PostAsync($"/api/v1/outbox/{message.Id}/retry", null);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        await DrainAsync(app);

        var delivered = await Db(app, d => d.Outbox.AsNoTracking().SingleAsync(m => m.Id == message.Id));
        Assert.Equal(OutboxState.Sent, delivered.State);
        Assert.Equal(OutboxMessage.MaxAttempts + 1, gateway.Calls[message.Id]);
        Assert.Equal(HttpStatusCode.Conflict, (await host.Api().PostAsync($"/api/v1/outbox/{message.Id}/retry", null)).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Two_dispatchers_deliver_200_messages_each_exactly_once(Db db)
    {
        var gateway = new RecordingSmsGateway();
        await using var app = WithGateway(apps.For(db), gateway);
        var node = await NodeAsync(app, "GD-SZ");
        var messages = Enumerable.Range(0, 200).Select(i => Sms("Case.Reported", node, $"{{\"caseNumber\":\"BA{i}\",\"hotline\":\"95500\"}}")).ToList();
        await Db(app, d => { d.Outbox.AddRange(messages); return d.SaveChangesAsync(); });
        var ids = messages.Select(m => m.Id).ToHashSet();
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));

        async Task RunAsync(string node)
        {
            while (!timeout.IsCancellationRequested)
            {
                if (await dispatcher.DispatchOnceAsync(timeout.Token, node) == 0
                    && !await Db(app, d => d.Outbox.AnyAsync(m => ids.Contains(m.Id) && m.State == OutboxState.Pending)))
                {
                    return;
                }
            }
        }

        await Task.WhenAll(Task.Run(() => RunAsync("node-a")), Task.Run(() => RunAsync("node-b")));

        Assert.All(ids, id => Assert.Equal(1, gateway.Calls.GetValueOrDefault(id)));
        Assert.Equal(200, await Db(app, d => d.Outbox.CountAsync(m => ids.Contains(m.Id) && m.State == OutboxState.Sent)));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_default_sms_gateway_logs_the_message_id_with_a_masked_mobile_and_no_text(Db db)
    {
        var app = apps.For(db);
        var message = OutboxMessage.Create(MessageChannel.Sms, "13912345678", "Case.Reported", "{\"caseNumber\":\"BA77\",\"hotline\":\"95500\"}",
            (await NodeAsync(app, "GD-SZ")).Id, (await NodeAsync(app, "GD-SZ")).Path, DateTimeOffset.UtcNow);
        await Db(app, d => { d.Outbox.Add(message); return d.SaveChangesAsync(); });

        await DrainAsync(app);

        var logs = app.Logs.ToList();
        Assert.Contains(logs, l => l.Contains(message.Id.ToString(), StringComparison.Ordinal) && l.Contains("139****5678", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains("13912345678", StringComparison.Ordinal) || l.Contains("BA77", StringComparison.Ordinal));
    }

    private static WebApplicationFactory<Program> WithGateway(AnxinAppFactory app, RecordingSmsGateway gateway, TimeProvider? time = null) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<ISmsGateway>(gateway);
            if (time is not null)
            {
                s.AddSingleton(time);
            }
        }));

    private static OutboxMessage Sms(string code, OrgNode node, string parameters, DateTimeOffset? now = null) =>
        OutboxMessage.Create(MessageChannel.Sms, "13800138000", code, parameters, node.Id, node.Path, now ?? DateTimeOffset.UtcNow);

    private static Task<OrgNode> NodeAsync(WebApplicationFactory<Program> app, string code) =>
        Db(app, d => d.OrgNodes.AsNoTracking().SingleAsync(n => n.Code == code));

    private static async Task<T> Db<T>(WebApplicationFactory<Program> app, Func<AnxinDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AnxinDbContext>());
    }

    private static async Task DrainAsync(WebApplicationFactory<Program> app)
    {
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    private sealed class RecordingSmsGateway : ISmsGateway
    {
        public ConcurrentDictionary<Guid, int> Calls { get; } = new();

        public ConcurrentDictionary<Guid, string> Bodies { get; } = new();

        public bool Fail { get; set; }

        public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
        {
            await Task.Yield();
            Calls.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
            Bodies[message.Id] = message.Body;
            if (Fail)
            {
                throw new InvalidOperationException("gateway down");
            }
        }
    }

    private sealed class FakeTime(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
