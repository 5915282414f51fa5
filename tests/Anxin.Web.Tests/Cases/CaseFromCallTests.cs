using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Web.Tests.Calls;
using Anxin.Web.Tests.Infrastructure;

namespace Anxin.Web.Tests.Cases;

/// <summary>CC-01, issue §9: a report taken on a call links the call, and the case timeline shows it.</summary>
public sealed class CaseFromCallTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_report_taken_on_a_call_links_the_call_and_its_timeline_shows_the_call(Db db)
    {
        var app = apps.For(db);
        var agent = await app.SignInAsync("agent1");
        var body = CaseTestKit.Report(policyNumber: (await app.SeedMotorPolicyAsync("PICC")).Number);
        var ringing = await app.Api().CtiOkAsync(CallTestKit.NewCallId(), "ringing", (string)body["reporterMobile"]!);
        var callId = ringing.GetProperty("id").GetGuid();
        body["callId"] = callId;

        var created = await agent.ReportAsync(body);

        var caseId = created.GetProperty("id").GetGuid();
        var call = await app.Api().GetFromJsonAsync<JsonElement>($"/api/v1/calls/{callId}");
        Assert.Equal(caseId, call.GetProperty("caseId").GetGuid());

        // Linked as the save pipeline links: a new version, and the change in the audit trail.
        Assert.True(call.GetProperty("version").GetInt64() > ringing.GetProperty("version").GetInt64());
        var audit = await app.Api().GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=Call&entityId={callId}");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), a => a.GetProperty("action").GetString() == "Modified"
            && a.GetProperty("field").GetString() == "CaseId" && a.GetProperty("newValue").GetString() == caseId.ToString());
        var timeline = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/timeline");
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("type").GetString() == "CallLinked"
            && e.GetProperty("href").GetString() == $"/calls/{callId}");
    }
}
