using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Calls;
using Anxin.Web.Tests.Customers;
using Anxin.Web.Tests.Infrastructure;
using Anxin.Web.Tests.Staff;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Calls;

/// <summary>CC-02: the desk shows the current call with the caller and the script; scripts are edited per node and inherited.</summary>
public sealed class DeskAndScriptTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_desk_simulator_rings_through_the_cti_handler_and_the_desk_shows_the_caller_and_the_greeting(Db db)
    {
        var app = apps.For(db);
        var (staff, agent) = await app.SignInAsNewStaffAsync("GD-CC-T1", Domain.Administration.RoleCodes.Agent);
        var caller = await agent.RegisterCallerAsync();

        var idle = await agent.GetPageAsync("/desk");
        Assert.NotNull(idle.QuerySelector("[data-testid=no-call]"));
        Assert.Contains($"{staff.WorkNumber}号为您服务", idle.QuerySelector("[data-testid=current-script]")!.TextContent, StringComparison.Ordinal);

        var simulated = await agent.PostFormAsync("/desk?handler=Simulate", new() { ["Simulate.CallerNumber"] = caller.Mobile, ["Simulate.Event"] = "Ringing" }, "/desk");
        Assert.Equal(HttpStatusCode.Redirect, simulated.StatusCode);
        var call = await app.WithDbAsync(d => d.Calls.AsNoTracking().SingleAsync(c => c.AgentStaffId == staff.Id));
        Assert.StartsWith("SIM-", call.ExternalId, StringComparison.Ordinal);
        Assert.Equal(CallState.Ringing, call.State);

        var desk = await agent.GetPageAsync("/desk");
        Assert.Equal(caller.Name, desk.QuerySelector("[data-testid=caller-name]")!.TextContent.Trim());
        Assert.Equal(caller.Number, desk.QuerySelector("[data-testid=caller-customer-number]")!.TextContent.Trim());
        Assert.DoesNotContain(caller.Mobile, desk.QuerySelector("[data-testid=desk-call]")!.OuterHtml, StringComparison.Ordinal);
        Assert.Equal($"/cases/new?callId={call.Id}&customerId={caller.Id}", desk.QuerySelector("[data-testid=register-loss-report]")!.GetAttribute("href"));
        Assert.Equal("L", desk.QuerySelector("[data-testid=register-loss-report]")!.GetAttribute("accesskey"));
        Assert.Equal("R", desk.QuerySelector("#type-Report")!.GetAttribute("accesskey"));

        // The panel alone (what the screen pop reloads) is a fragment.
        var panel = await agent.GetPageAsync($"/desk?handler=Panel&call={call.Id}");
        Assert.Null(panel.QuerySelector("header"));
        Assert.NotNull(panel.QuerySelector("[data-testid=classify-form]"));

        // Classify from the desk form: back on the desk, the closing script of a loss report.
        var saved = await agent.PostFormAsync("/desk?handler=Classify", new()
        {
            ["Input.CallId"] = call.Id.ToString(), ["Input.Version"] = call.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Type"] = "Report", ["Input.CustomerId"] = caller.Id.ToString(),
        }, "/desk");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await agent.GetPageAsync(saved.Headers.Location!.ToString());
        Assert.NotNull(after.QuerySelector("[data-testid=desk-saved]"));
        Assert.Equal("ReportClosing", after.QuerySelector("[data-testid=current-script]")!.GetAttribute("data-step"));

        // A bad number in the simulator is a field error on the form, not a call.
        var bad = await agent.PostFormAsync("/desk?handler=Simulate", new() { ["Simulate.CallerNumber"] = "12ab", ["Simulate.Event"] = "Ringing" }, "/desk");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("号码", (await bad.ReadHtmlAsync()).QuerySelector("[data-valmsg-for='Simulate.CallerNumber']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(d => d.Calls.CountAsync(c => c.AgentStaffId == staff.Id)));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_script_set_on_a_team_overrides_the_inherited_one_until_removed_with_concurrency_and_audit(Db db)
    {
        var app = apps.For(db);
        var supervisor = await app.SignInAsync("ccsupervisor");
        var (staff, agent) = await app.SignInAsNewStaffAsync("GD-CC-T1", Domain.Administration.RoleCodes.Agent);
        var team = await app.NodeIdAsync("GD-CC-T1");

        // Inherited: the demo's Guangdong contact-centre greeting, from the node above.
        var settings = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/call-scripts/{team}");
        var greeting = Step(settings, "Greeting");
        Assert.Equal(JsonValueKind.Null, greeting.GetProperty("ownText").ValueKind);
        Assert.Equal("广东客服中心", greeting.GetProperty("inheritedFrom").GetString());
        Assert.Equal("安心保险总公司", Step(settings, "ReportClosing").GetProperty("inheritedFrom").GetString());

        var text = "您好,{company}坐席一组 {workNo}号很高兴为您服务!" + Guid.NewGuid().ToString("N")[..4];
        var saved = await supervisor.PutAsJsonAsync("/api/v1/call-scripts", new { orgNodeId = team, step = "Greeting", text });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var version = Step(await saved.ReadJsonAsync<JsonElement>(), "Greeting").GetProperty("ownVersion").GetInt64();
        Assert.Contains($"坐席一组 {staff.WorkNumber}号很高兴为您服务", (await agent.GetPageAsync("/desk")).QuerySelector("[data-testid=current-script]")!.TextContent,
            StringComparison.Ordinal);

        var typo = await supervisor.PutAsJsonAsync("/api/v1/call-scripts", new { orgNodeId = team, step = "Greeting", text = "您好 {workno}", version });
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Equal(["CallScript.UnknownPlaceholder"], CustomerTestKit.Codes(await typo.ReadJsonAsync<JsonElement>())["text"]);
        var stale = await supervisor.PutAsJsonAsync("/api/v1/call-scripts", new { orgNodeId = team, step = "Greeting", text = "x", version = version + 5 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var audited = await app.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.EntityType == nameof(CallScript) && a.NewValue == text));
        Assert.Equal(1, audited);

        // Blank: the team inherits again.
        var removed = await supervisor.PutAsJsonAsync("/api/v1/call-scripts", new { orgNodeId = team, step = "Greeting", text = "", version });
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Contains($"广东客服中心 {staff.WorkNumber}号", (await agent.GetPageAsync("/desk")).QuerySelector("[data-testid=current-script]")!.TextContent,
            StringComparison.Ordinal);

        // Outside the supervisor's scope, and without the permission.
        var zhejiang = await app.NodeIdAsync("ZJ");
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/api/v1/call-scripts/{zhejiang}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PutAsJsonAsync("/api/v1/call-scripts", new { orgNodeId = zhejiang, step = "Greeting", text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/v1/call-scripts/{team}")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Forbidden_phrases_add_up_down_the_tree_and_the_admin_page_shows_where_they_come_from(Db db)
    {
        var app = apps.For(db);
        var supervisor = await app.SignInAsync("ccsupervisor");
        var team = await app.NodeIdAsync("GD-CC-T1");
        var phrase = "别问我" + Guid.NewGuid().ToString("N")[..3];

        var saved = await supervisor.PutAsJsonAsync("/api/v1/call-scripts/forbidden-phrases", new { orgNodeId = team, phrases = phrase + "\n\n不知道" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var effective = (await saved.ReadJsonAsync<JsonElement>()).GetProperty("phrases").GetProperty("effective").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Equal(["不知道", "没办法", "不归我管", "喂,说吧", "这个我管不了", "你自己去问", phrase], effective);

        var page = await supervisor.GetPageAsync($"/admin/scripts?node={team}");
        Assert.Contains(phrase, page.QuerySelector("[data-testid=effective-phrases]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("继承自 广东客服中心", page.QuerySelector("[data-testid=script-table] tr[data-step=Greeting]")!.TextContent, StringComparison.Ordinal);

        // The page's own form: a stale version is reported on the form, the text kept.
        var version = await app.WithDbAsync(d => d.ForbiddenPhraseLists.Where(l => l.OrgNodeId == team).Select(l => l.Version).SingleAsync());
        var conflict = await supervisor.PostFormAsync($"/admin/scripts?handler=Phrases&node={team}",
            new() { ["Phrases"] = "新的禁用语", ["Version"] = (version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"/admin/scripts?node={team}");
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var html = await conflict.ReadHtmlAsync();
        Assert.Equal("新的禁用语", html.QuerySelector("#phrases")!.TextContent.Trim());
        Assert.NotNull(html.QuerySelector("[role=alert]"));
    }

    private static JsonElement Step(JsonElement settings, string step) =>
        settings.GetProperty("scripts").EnumerateArray().Single(s => s.GetProperty("step").GetString() == step);
}
