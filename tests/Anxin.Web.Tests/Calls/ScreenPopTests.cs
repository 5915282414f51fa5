using System.Text.Json;
using Anxin.Domain.Common;
using Anxin.Web.Features.Calls;
using Anxin.Web.Infrastructure.Realtime;
using Anxin.Web.Tests.Customers;
using Anxin.Web.Tests.Infrastructure;
using Anxin.Web.Tests.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Anxin.Web.Tests.Calls;

/// <summary>CC-01 screen pop: a ringing call pushes the caller's record (masked) and the greeting to the agent's pages.</summary>
public sealed class ScreenPopTests(Apps apps) : IClassFixture<Apps>
{
    private static readonly TimeSpan PushWait = TimeSpan.FromSeconds(15);

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_ringing_call_from_a_known_mobile_pops_the_customer_masked_to_that_agent_only(Db db)
    {
        var app = apps.For(db);
        await WaitForListenerAsync(app);
        var caller = await (await app.SignInAsync("agent1")).RegisterCallerAsync();
        await using var agent1 = await HubTestClient.ConnectAsync(app, "agent1");
        await using var agent2 = await HubTestClient.ConnectAsync(app, "agent2");
        var callId = CallTestKit.NewCallId();

        await app.Api().CtiOkAsync(callId, "ringing", caller.Mobile);

        var pop = await agent1.NextAsync(CallPopPusher.Method, PushWait);
        Assert.Equal(callId, pop.GetProperty("call").GetProperty("externalId").GetString());
        Assert.Equal("Ringing", pop.GetProperty("call").GetProperty("state").GetString());
        Assert.Equal(Masking.Mobile(caller.Mobile), pop.GetProperty("call").GetProperty("number").GetString());
        var customer = pop.GetProperty("caller").GetProperty("customer");
        Assert.Equal(caller.Id, customer.GetProperty("id").GetGuid());
        Assert.Equal(caller.Name, customer.GetProperty("name").GetString());
        Assert.Equal(Masking.Mobile(caller.Mobile), customer.GetProperty("mobile").GetString());
        Assert.Equal(JsonValueKind.Array, pop.GetProperty("caller").GetProperty("openItems").ValueKind);
        var script = pop.GetProperty("script");
        Assert.Equal("Greeting", script.GetProperty("step").GetString());
        Assert.Contains("2102号为您服务", script.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(caller.Mobile, pop.GetRawText(), StringComparison.Ordinal);

        // Answering pops again (the desk follows the state); the other agent hears nothing.
        await app.Api().CtiOkAsync(callId, "answered");
        Assert.Equal("Answered", (await agent1.NextAsync(CallPopPusher.Method, PushWait)).GetProperty("call").GetProperty("state").GetString());
        Assert.False(await agent2.ReceivesAsync(CallPopPusher.Method, TimeSpan.FromSeconds(1)));
        Assert.DoesNotContain(app.Logs, l => l.Contains(caller.Mobile, StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_customer_outside_the_agents_scope_is_not_popped(Db db)
    {
        var app = apps.For(db);
        await WaitForListenerAsync(app);
        var headOfficeCustomer = await app.Api().RegisterCallerAsync(); // registered at head office: not in the team's scope
        await using var agent1 = await HubTestClient.ConnectAsync(app, "agent1");

        await app.Api().CtiOkAsync(CallTestKit.NewCallId(), "ringing", headOfficeCustomer.Mobile);

        var pop = await agent1.NextAsync(CallPopPusher.Method, PushWait);
        Assert.Equal(JsonValueKind.Null, pop.GetProperty("caller").GetProperty("customer").ValueKind);
        Assert.Empty(pop.GetProperty("caller").GetProperty("matches").EnumerateArray());
        Assert.DoesNotContain(headOfficeCustomer.Name, pop.GetRawText(), StringComparison.Ordinal);
    }

    /// <summary>Two nodes over one PostgreSQL database: the CTI event lands on node A, the agent is connected to node B.</summary>
    [SkippableFact]
    public async Task On_PostgreSQL_a_pop_raised_on_one_node_reaches_the_agent_on_another_node()
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
        var caller = await (await a.SignInAsync("agent1")).RegisterCallerAsync();
        await using var onB = await HubTestClient.ConnectAsync(b, "agent1");

        await a.Api().CtiOkAsync(CallTestKit.NewCallId(), "ringing", caller.Mobile);

        var pop = await onB.NextAsync(CallPopPusher.Method, PushWait);
        Assert.Equal(caller.Id, pop.GetProperty("caller").GetProperty("customer").GetProperty("id").GetGuid());
        Assert.Contains(b.Logs, l => l.Contains(CallPopPusher.Channel, StringComparison.Ordinal));
    }

    private static async Task WaitForListenerAsync(AnxinAppFactory app)
    {
        if (app.Db == Db.Postgres)
        {
            var listener = app.Services.GetServices<IHostedService>().OfType<PostgresNotificationListener>().Single();
            await listener.Listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
