using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Administration;
using Anxin.Domain.Calls;
using Anxin.Web.Tests.Customers;
using Anxin.Web.Tests.Infrastructure;
using Anxin.Web.Tests.Staff;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Calls;

/// <summary>CC-01: the CTI event intake — idempotent per (call id, event), bad input as field errors.</summary>
public sealed class CtiEventTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_call_rings_is_answered_and_ends_and_every_replayed_event_is_a_duplicate(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();
        var callId = CallTestKit.NewCallId();
        var mobile = CustomerTestKit.NewMobile();

        var ringing = await api.CtiOkAsync(callId, "ringing", "+86 " + mobile);
        Assert.Equal("Ringing", ringing.GetProperty("state").GetString());
        Assert.False(ringing.GetProperty("duplicate").GetBoolean());
        var replay = await api.CtiOkAsync(callId, "RINGING", mobile);
        Assert.True(replay.GetProperty("duplicate").GetBoolean());
        Assert.Equal(ringing.GetProperty("id").GetGuid(), replay.GetProperty("id").GetGuid());

        Assert.Equal("Answered", (await api.CtiOkAsync(callId, "answered")).GetProperty("state").GetString());
        Assert.Equal("Ended", (await api.CtiOkAsync(callId, "ended")).GetProperty("state").GetString());
        Assert.True((await api.CtiOkAsync(callId, "answered")).GetProperty("duplicate").GetBoolean());
        Assert.True((await api.CtiOkAsync(callId, "ended")).GetProperty("duplicate").GetBoolean());

        var call = await app.WithDbAsync(d => d.Calls.AsNoTracking().SingleAsync(c => c.ExternalId == callId));
        var agent1 = await app.StaffIdAsync(CallTestKit.Agent1WorkNumber);
        var team = await app.NodeIdAsync("GD-CC-T1");
        Assert.Equal((CallState.Ended, mobile, agent1, team), (call.State, call.CallerNumber, call.AgentStaffId, call.OrgNodeId));
        Assert.NotNull(call.RingingAt);
        Assert.NotNull(call.AnsweredAt);
        Assert.False(call.IsMissed);

        // Audited, with the number masked.
        var audit = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Call) && a.EntityId == call.Id.ToString()).ToListAsync());
        Assert.Contains(audit, a => a.Field == nameof(Call.CallerNumber) && a.NewValue == Domain.Common.Masking.Mobile(mobile));
        Assert.DoesNotContain(audit, a => a.NewValue == mobile);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_same_first_event_sent_twice_at_once_opens_one_call(Db db)
    {
        var app = apps.For(db);
        var callId = CallTestKit.NewCallId();
        var mobile = CustomerTestKit.NewMobile();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.Api().CtiAsync(callId, "ringing", mobile)));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(1, await app.WithDbAsync(d => d.Calls.CountAsync(c => c.ExternalId == callId)));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Bad_events_are_field_errors_and_write_nothing(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();
        var callId = CallTestKit.NewCallId();

        var empty = await api.PostAsJsonAsync("/api/v1/cti/events", new { });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var codes = CustomerTestKit.Codes(await empty.ReadJsonAsync<JsonElement>());
        Assert.Equal(["Validation.Required"], codes["callId"]);
        Assert.Equal(["Call.EventUnknown"], codes["event"]);

        await AssertFieldErrorAsync(api.CtiAsync(callId, "hold"), "event", "Call.EventUnknown");
        await AssertFieldErrorAsync(api.CtiAsync(callId, "1"), "event", "Call.EventUnknown");
        await AssertFieldErrorAsync(api.CtiAsync(callId, "ringing", "12ab"), "callerNumber", "Validation.Phone.Format");
        await AssertFieldErrorAsync(api.CtiAsync(callId, "ringing", agent: null), "agent", "Validation.Required");
        await AssertFieldErrorAsync(api.CtiAsync(callId, "ringing", agent: "no-such-agent"), "agent", "Call.AgentUnknown");
        await AssertFieldErrorAsync(api.CtiAsync(callId, "ringing", at: DateTimeOffset.UtcNow.AddDays(2)), "at", "Call.AtOutOfRange");
        await AssertFieldErrorAsync(api.CtiAsync(callId, "ringing", at: new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero)), "at", "Call.AtOutOfRange");
        await AssertFieldErrorAsync(api.PostAsJsonAsync("/api/v1/cti/events", new { callId = new string('x', 65), @event = "ringing", agent = "2102" }),
            "callId", "Validation.TooLong");
        Assert.Equal(0, await app.WithDbAsync(d => d.Calls.CountAsync(c => c.ExternalId == callId)));

        // Out of order: hung up before it rang.
        var rang = DateTimeOffset.UtcNow.AddMinutes(-1);
        await api.CtiOkAsync(callId, "ringing", at: rang);
        await AssertFieldErrorAsync(api.CtiAsync(callId, "ended", at: rang.AddSeconds(-30)), "at", "Call.EventOutOfOrder");
        Assert.Equal(CallState.Ringing, (await app.WithDbAsync(d => d.Calls.SingleAsync(c => c.ExternalId == callId))).State);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task An_agent_outside_the_callers_scope_is_unknown_and_the_endpoint_needs_Calls_Cti(Db db)
    {
        var app = apps.For(db);
        var zhejiang = await app.ScopedApiAsync("ZJ", Permissions.Calls.Cti);
        await AssertFieldErrorAsync(zhejiang.CtiAsync(CallTestKit.NewCallId(), "ringing", CustomerTestKit.NewMobile()), "agent", "Call.AgentUnknown");

        // A GD call is not the Zhejiang key's to change.
        var callId = CallTestKit.NewCallId();
        await app.Api().CtiOkAsync(callId, "ringing", CustomerTestKit.NewMobile());
        Assert.Equal(HttpStatusCode.Forbidden, (await zhejiang.CtiAsync(callId, "ended")).StatusCode);

        var agent = await app.SignInAsync("agent1");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.CtiAsync(CallTestKit.NewCallId(), "ringing")).StatusCode);
        var withoutCti = await app.ScopedApiAsync("HO", Permissions.Calls.View);
        Assert.Equal(HttpStatusCode.Forbidden, (await withoutCti.CtiAsync(CallTestKit.NewCallId(), "ringing")).StatusCode);
    }

    private static async Task AssertFieldErrorAsync(Task<HttpResponseMessage> send, string field, string code)
    {
        var response = await send;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)response.StatusCode} {body}");
        var codes = CustomerTestKit.Codes(JsonDocument.Parse(body).RootElement);
        Assert.True(codes.TryGetValue(field, out var found) && found.Contains(code), $"{field}: expected {code} in {body}");
    }
}
