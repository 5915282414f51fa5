using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Administration;
using Anxin.Domain.Common;
using Anxin.Web.Tests.Customers;
using Anxin.Web.Tests.Infrastructure;
using Anxin.Web.Tests.Staff;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Calls;

/// <summary>CC-01: classification, the call log's scope, filters, totals, paging and export.</summary>
public sealed class CallLogTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_agent_classifies_the_call_links_the_caller_and_the_call_shows_on_the_customers_timeline(Db db)
    {
        var app = apps.For(db);
        var agent = await app.SignInAsync("agent1");
        var caller = await agent.RegisterCallerAsync();
        var outcome = await app.Api().CtiOkAsync(CallTestKit.NewCallId(), "ringing", caller.Mobile);
        var id = outcome.GetProperty("id").GetGuid();
        var version = outcome.GetProperty("version").GetInt64();

        var saved = await agent.PutAsJsonAsync($"/api/v1/calls/{id}/classification",
            new { type = "Report", customerNumber = caller.Number.ToLowerInvariant(), notes = " 追尾事故 ", version });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var detail = await saved.ReadJsonAsync<JsonElement>();
        Assert.Equal(("Report", caller.Id, "追尾事故"), (detail.GetProperty("type").GetString(), detail.GetProperty("customerId").GetGuid(),
            detail.GetProperty("notes").GetString()));
        Assert.Equal(Masking.Mobile(caller.Mobile), detail.GetProperty("callerNumber").GetString());

        // Someone else saved in between: 409, nothing overwritten.
        var stale = await agent.PutAsJsonAsync($"/api/v1/calls/{id}/classification", new { type = "Complaint", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Report", (await agent.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{id}")).GetProperty("type").GetString());

        var customer = await agent.GetPageAsync($"/customers/{caller.Id}");
        Assert.NotNull(customer.QuerySelector("[data-timeline-type=CallLinked]"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Classification_refuses_a_missing_type_a_customer_outside_the_scope_and_needs_the_desk_permission(Db db)
    {
        var app = apps.For(db);
        var agent = await app.SignInAsync("agent1");
        var outsider = await app.Api().RegisterCallerAsync(); // at head office
        var outcome = await app.Api().CtiOkAsync(CallTestKit.NewCallId(), "ringing", CustomerTestKit.NewMobile());
        var url = $"/api/v1/calls/{outcome.GetProperty("id").GetGuid()}/classification";
        var version = outcome.GetProperty("version").GetInt64();

        var noType = await agent.PutAsJsonAsync(url, new { version });
        Assert.Equal(HttpStatusCode.BadRequest, noType.StatusCode);
        Assert.Equal(["Validation.Required"], CustomerTestKit.Codes(await noType.ReadJsonAsync<JsonElement>())["type"]);

        var foreign = await agent.PutAsJsonAsync(url, new { type = "Enquiry", customerId = outsider.Id, version });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(["Call.CustomerUnknown"], CustomerTestKit.Codes(await foreign.ReadJsonAsync<JsonElement>())["customerId"]);

        var qa = await app.SignInAsync("qa"); // may read the log, not classify
        Assert.Equal(HttpStatusCode.Forbidden, (await qa.PutAsJsonAsync(url, new { type = "Enquiry", version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.PutAsJsonAsync($"/api/v1/calls/{Guid.NewGuid()}/classification", new { type = "Enquiry", version })).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task An_agent_of_another_branch_does_not_see_the_call_and_a_supervisor_sees_the_team(Db db)
    {
        var app = apps.For(db);
        var mobile = CustomerTestKit.NewMobile();
        var outcome = await app.Api().CtiOkAsync(CallTestKit.NewCallId(), "ringing", mobile);
        var id = outcome.GetProperty("id").GetGuid();
        var (_, zhejiangAgent) = await app.SignInAsNewStaffAsync("ZJ", RoleCodes.Agent);

        Assert.Single(await ItemsAsync(await app.SignInAsync("agent1"), "?number=" + mobile));
        Assert.Single(await ItemsAsync(await app.SignInAsync("ccsupervisor"), "?number=" + mobile));
        Assert.Empty(await ItemsAsync(zhejiangAgent, "?number=" + mobile));
        Assert.Equal(HttpStatusCode.NotFound, (await zhejiangAgent.GetAsync($"/api/v1/calls/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await zhejiangAgent.GetAsync($"/calls/{id}")).StatusCode);
        var page = await zhejiangAgent.GetPageAsync("/calls?number=" + mobile);
        Assert.Null(page.QuerySelector($"[data-call-id='{id}']"));

        var teller = await app.SignInAsync("nsteller"); // no Calls.View
        Assert.Equal(HttpStatusCode.Forbidden, (await teller.GetAsync("/api/v1/calls")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_log_filters_counts_pages_by_cursor_and_exports_masked(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();
        var mobile = CustomerTestKit.NewMobile();
        var now = DateTimeOffset.UtcNow;
        var missed = CallTestKit.NewCallId();
        await api.CtiOkAsync(missed, "ringing", mobile, at: now.AddMinutes(-30));
        await api.CtiOkAsync(missed, "ended", at: now.AddMinutes(-29));
        var answered = CallTestKit.NewCallId();
        await api.CtiOkAsync(answered, "ringing", mobile, agent: "2103", at: now.AddMinutes(-20));
        await api.CtiOkAsync(answered, "answered", at: now.AddMinutes(-19));
        var third = await api.CtiOkAsync(CallTestKit.NewCallId(), "ringing", mobile, at: now.AddMinutes(-10));
        var classify = await app.SignInAsync("agent1");
        Assert.Equal(HttpStatusCode.OK, (await classify.PutAsJsonAsync($"/api/v1/calls/{third.GetProperty("id").GetGuid()}/classification",
            new { type = "Consultation", version = third.GetProperty("version").GetInt64() })).StatusCode);

        var all = await api.GetFromJsonAsync<JsonElement>("/api/v1/calls?number=" + mobile);
        Assert.Equal((3, 1, 1), Totals(all));
        Assert.Equal(Masking.Mobile(mobile), all.GetProperty("items")[0].GetProperty("number").GetString());
        Assert.Equal(1, Totals(await api.GetFromJsonAsync<JsonElement>($"/api/v1/calls?number={mobile}&type=Consultation")).Total);
        Assert.Equal(1, Totals(await api.GetFromJsonAsync<JsonElement>($"/api/v1/calls?number={mobile}&state=Answered")).Total);
        Assert.Equal(1, Totals(await api.GetFromJsonAsync<JsonElement>($"/api/v1/calls?number={mobile}&agent=2103")).Total);
        var today = TimeZoneInfo.ConvertTime(now, Domain.Clocks.WorkingCalendar.ChinaTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(3, Totals(await api.GetFromJsonAsync<JsonElement>($"/api/v1/calls?number={mobile}&from={today}&to={today}")).Total);
        Assert.Equal(0, Totals(await api.GetFromJsonAsync<JsonElement>($"/api/v1/calls?number={mobile}&to=2020-01-01")).Total);

        // Newest first, one per page, by cursor.
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await api.GetFromJsonAsync<JsonElement>($"/api/v1/calls?number={mobile}&pageSize=1" + (cursor is null ? "" : "&after=" + Uri.EscapeDataString(cursor)));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("externalId").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal([third.GetProperty("callId").GetString()!, answered, missed], seen);

        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/calls?after=garbage")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/calls?number=abc")).StatusCode);

        var csv = await api.GetStringAsync($"/api/v1/calls/export?format=csv&number={mobile}&columns=callId,number,state,type");
        var rows = StaffTestKit.ParseCsv(csv);
        Assert.Equal(["CTI 呼叫号", "号码", "状态", "来电类型"], rows[0]);
        Assert.Equal([third.GetProperty("callId").GetString()!, Masking.Mobile(mobile), "振铃中", "咨询"], rows[1]);
        Assert.Equal("未接", rows[3][2]);
        Assert.DoesNotContain(mobile, csv, StringComparison.Ordinal);
        var xlsx = await api.GetAsync($"/api/v1/calls/export?format=xlsx&number={mobile}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(4, StaffTestKit.ParseXlsx(await xlsx.Content.ReadAsByteArrayAsync()).Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/calls/export?format=pdf")).StatusCode);

        // The page: totals, masked numbers, the export links keep the filters.
        var browser = await app.SignInAsync("ccsupervisor");
        var html = await browser.GetPageAsync("/calls?number=" + mobile);
        Assert.Equal("共 3 通，接听 1 通，未接 1 通", html.QuerySelector("[data-testid=call-totals]")!.TextContent.Trim());
        Assert.Equal(3, html.QuerySelectorAll("[data-testid=call-table] tbody tr[data-call-id]").Length);
        Assert.DoesNotContain(mobile, html.QuerySelector("[data-testid=call-table]")!.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("number=" + mobile, html.QuerySelector("[data-export=xlsx]")!.GetAttribute("href"), StringComparison.Ordinal);
        var export = await browser.GetAsync(html.QuerySelector("[data-export=csv]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(4, StaffTestKit.ParseCsv(await export.Content.ReadAsStringAsync()).Count);
    }

    private static (int Total, int Answered, int Missed) Totals(JsonElement page)
    {
        var t = page.GetProperty("totals");
        return (t.GetProperty("total").GetInt32(), t.GetProperty("answered").GetInt32(), t.GetProperty("missed").GetInt32());
    }

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/calls" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
    }
}
