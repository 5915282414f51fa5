using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Web.Tests.Customers;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Calls;

/// <summary>Intent methods for the call tests: callers the agent can see, CTI events, hub users.</summary>
public static class CallTestKit
{
    public const string Agent1WorkNumber = "2102";

    public static string NewCallId() => "T-" + Guid.NewGuid().ToString("N");

    /// <summary>Registers a customer through <paramref name="client"/> (so on that user's node: an agent's team sees it).</summary>
    public static async Task<(Guid Id, string Number, string Name, string Mobile)> RegisterCallerAsync(this HttpClient client)
    {
        var mobile = CustomerTestKit.NewMobile();
        var json = await client.RegisterAsync(CustomerTestKit.Individual(mobile: mobile, confirm: true));
        return (json.GetProperty("id").GetGuid(), json.GetProperty("number").GetString()!, json.GetProperty("name").GetString()!, mobile);
    }

    public static Task<HttpResponseMessage> CtiAsync(this HttpClient api, string callId, string @event, string? callerNumber = null,
        string? agent = Agent1WorkNumber, DateTimeOffset? at = null) =>
        api.PostAsJsonAsync("/api/v1/cti/events", new { callId, @event, agent, callerNumber, calleeNumber = "95500", at });

    /// <summary>Sends an event and expects 200; returns the outcome JSON.</summary>
    public static async Task<JsonElement> CtiOkAsync(this HttpClient api, string callId, string @event, string? callerNumber = null,
        string? agent = Agent1WorkNumber, DateTimeOffset? at = null)
    {
        var response = await api.CtiAsync(callId, @event, callerNumber, agent, at);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync<JsonElement>();
    }

    public static Task<Guid> UserIdAsync(this AnxinAppFactory app, string userName) =>
        app.WithDbAsync(d => d.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
}
