using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Messaging;
using Anxin.Web.Infrastructure.Demo;
using Anxin.Web.Tests.Cases;
using Anxin.Web.Tests.Customers;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Requests;

/// <summary>Intent methods for the ownership, consultation and registration-error tests.</summary>
public static class RequestTestKit
{
    /// <summary>Signs in through the login form of any app node (e.g. one with a hand-moved clock).</summary>
    public static async Task<HttpClient> SignInAsync(this WebApplicationFactory<Program> app, string userName)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostFormAsync("/account/login", new() { ["Input.UserName"] = userName, ["Input.Password"] = DemoDataSeeder.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The signed-in agent reports a loss (they become its owner); returns the case JSON.</summary>
    public static async Task<JsonElement> ReportCaseAsync(this HttpClient agent) =>
        await agent.ReportAsync(CaseTestKit.Report(policyNumber: "NOT-FOUND-" + Guid.NewGuid().ToString("N")[..8]));

    public static object PendingConsultation(string? mobile = null, DateTimeOffset? promisedReplyAt = null) => new
    {
        callerName = "王咨询",
        callerMobile = mobile ?? CustomerTestKit.NewMobile(),
        category = "CaseProgress",
        question = "我的案件什么时候定损？" + Guid.NewGuid().ToString("N")[..6],
        promisedReplyAt,
    };

    public static async Task<JsonElement> RegisterConsultationAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/consultations", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> HandOverAsync(this HttpClient client, string kind, Guid id, Guid? toStaffId, string? note, long? version) =>
        client.PostAsJsonAsync($"/api/v1/{kind}/{id}/handover", new { toStaffId, note, version });

    /// <summary>In-app notices queued for a user with a template, oldest first, with their parameters parsed.</summary>
    public static async Task<List<JsonElement>> NoticesAsync(this AnxinAppFactory app, Guid userId, string template)
    {
        var recipient = userId.ToString();
        var rows = await app.WithDbAsync(db => db.Outbox.Where(m => m.Recipient == recipient && m.TemplateCode == template && m.Channel == MessageChannel.InApp)
            .OrderBy(m => m.CreatedAt).Select(m => m.Parameters).ToListAsync());
        return rows.Select(p => JsonDocument.Parse(p).RootElement.Clone()).ToList();
    }

    public static Dictionary<string, string[]> Codes(HttpResponseMessage response) =>
        CustomerTestKit.Codes(JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement);
}
