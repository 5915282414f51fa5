using System.Net;
using Anxin.Domain.Cases;
using Anxin.Domain.Dispatch;
using Anxin.Web.Tests.Administration;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Dispatch;

/// <summary>The dispatch board, the case dispatch page and the surveyor's phone page, through HTTP like a browser.</summary>
public sealed class DispatchPagesTests(Apps apps) : IClassFixture<Apps>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_dispatcher_sees_the_waiting_case_and_assigns_the_top_candidate_from_its_page(Db db)
    {
        var app = apps.For(db);
        var scene = DispatchTestKit.NewScene();
        var surveyor = await app.NewSurveyorAsync("GD-SZ", scene.Lat, scene.Lng + 0.01);
        var reported = await app.ReportCaseAsync(scene);
        var caseId = reported.GetProperty("id").GetGuid();
        var number = reported.GetProperty("number").GetString()!;
        var dispatcher = await app.SignInAsync("dispatcher");

        var board = await dispatcher.GetPageAsync("/dispatch");
        Assert.NotNull(board.QuerySelector($"[data-testid=waiting-cases] [data-case-id='{caseId}']"));
        Assert.NotNull(board.QuerySelector($"[data-testid=board-surveyors] [data-staff-id='{surveyor.StaffId}'][data-presence=OnShift]"));
        var live = await dispatcher.GetPageAsync("/dispatch?handler=Live");
        Assert.NotNull(live.QuerySelector($"[data-case-id='{caseId}']"));
        Assert.Null(live.QuerySelector("header"));

        var page = await dispatcher.GetPageAsync($"/dispatch/cases/{caseId}");
        var top = page.QuerySelector("[data-testid=recommendations] [data-rank='1']")!;
        Assert.Equal(surveyor.StaffId.ToString(), top.GetAttribute("data-staff-id"));
        Assert.Contains(top.QuerySelectorAll("[data-reason]"), r => r.GetAttribute("data-reason") == "Eta");
        var button = page.QuerySelector("[data-assign-top]")!;
        Assert.Equal("a", button.GetAttribute("accesskey"));
        Assert.True(button.HasAttribute("autofocus"));

        var posted = await dispatcher.PostFormAsync($"/dispatch/cases/{caseId}", new() { ["SurveyorStaffId"] = button.GetAttribute("value")! });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/dispatch?done=" + number, posted.Headers.Location!.OriginalString);
        Assert.Equal(CaseStatus.Dispatched, await app.CaseStatusAsync(caseId));
        var after = await dispatcher.GetPageAsync($"/dispatch/cases/{caseId}");
        Assert.Equal("Assigned", after.QuerySelector("[data-testid=assignment-history] [data-state]")!.GetAttribute("data-state"));
        Assert.NotNull(after.QuerySelector("#Reason"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_reassignment_from_the_page_without_a_reason_shows_the_error_and_changes_nothing(Db db)
    {
        var app = apps.For(db);
        var scene = DispatchTestKit.NewScene();
        var first = await app.NewSurveyorAsync("GD-SZ", scene.Lat, scene.Lng);
        var second = await app.NewSurveyorAsync("GD-SZ", scene.Lat, scene.Lng + 0.02);
        var caseId = (await app.ReportCaseAsync(scene)).GetProperty("id").GetGuid();
        var dispatcher = await app.SignInAsync("dispatcher");
        await dispatcher.AssignedAsync(caseId, first.StaffId);

        var response = await dispatcher.PostFormAsync($"/dispatch/cases/{caseId}", new() { ["SurveyorStaffId"] = second.StaffId.ToString(), ["Reason"] = " " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.ReadHtmlAsync();
        Assert.NotEmpty(html.QuerySelector("[data-valmsg-for=Reason]")!.TextContent.Trim());
        Assert.Equal(1, await app.WithDbAsync(d => d.Assignments.CountAsync(a => a.CaseId == caseId)));
        AdminApi.AssertDenied(await (await app.SignInAsync("agent1")).GetAsync($"/dispatch/cases/{caseId}"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_surveyor_works_the_task_from_the_phone_page(Db db)
    {
        var app = apps.For(db);
        var scene = DispatchTestKit.NewScene();
        var surveyor = await app.NewSurveyorAsync("GD-SZ", scene.Lat, scene.Lng);
        var reported = await app.ReportCaseAsync(scene);
        var caseId = reported.GetProperty("id").GetGuid();
        var id = await (await app.SignInAsync("dispatcher")).AssignedAsync(caseId, surveyor.StaffId);
        var contact = await app.WithDbAsync(d => d.Cases.Where(c => c.Id == caseId).Select(c => c.ContactMobile).SingleAsync());

        var tasks = await surveyor.Client.GetPageAsync("/m/tasks");
        var card = tasks.QuerySelector($"[data-assignment-id='{id}']")!;
        Assert.Equal("tel:" + contact, card.QuerySelector("[data-testid=call]")!.GetAttribute("href"));
        Assert.NotNull(card.QuerySelector("[data-step=acknowledge]"));
        Assert.Null(tasks.QuerySelector("nav.app-sidebar"));

        await StepAsync(surveyor.Client, "Acknowledge", id);
        await StepAsync(surveyor.Client, "Arrived", id);

        var bad = await AssessAsync(surveyor.Client, id, "一千", "保险杠受损", null);
        var badCard = bad.QuerySelector($"[data-assignment-id='{id}']")!;
        Assert.Equal("一千", badCard.QuerySelector("input[name='Input.LossAmount']")!.GetAttribute("value"));
        Assert.Equal("保险杠受损", badCard.QuerySelector("textarea")!.TextContent);
        Assert.NotEmpty(badCard.QuerySelector("[data-valmsg-for='Input.LossAmount']")!.TextContent.Trim());

        var done = await AssessAsync(surveyor.Client, id, "¥1,280.50", "保险杠受损", Png);
        Assert.NotNull(done.QuerySelector("[data-testid=field-message]"));
        var assignment = await app.WithDbAsync(d => d.Assignments.SingleAsync(a => a.Id == id));
        Assert.Equal((AssignmentState.Assessed, 1280.50m), (assignment.State, assignment.AssessedLossAmount));
        Assert.Equal(1, await app.WithDbAsync(d => d.AssignmentPhotos.CountAsync(p => p.AssignmentId == id)));
        // Once closed, the contact's number is masked again.
        Assert.Null(done.QuerySelector($"[data-assignment-id='{id}'] [data-testid=call]"));
        Assert.DoesNotContain(contact!, done.QuerySelector($"[data-assignment-id='{id}']")!.OuterHtml, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_manager_sets_an_insurers_dispatch_rule_on_the_rules_page(Db db)
    {
        var app = apps.For(db);
        var picc = await app.InsurerIdAsync("PICC");
        var manager = await app.SignInAsync("gdmanager");
        var url = $"/dispatch/rules?insurer={picc}";
        var version = (await manager.GetPageAsync(url)).QuerySelector("input[name='Input.Version']")?.GetAttribute("value") ?? string.Empty;

        var bad = await (await manager.PostFormAsync(url, new() { ["Input.MaxDistanceKm"] = "远", ["Input.ArrivalLimitMinutes"] = "20", ["Input.Version"] = version,
            ["Skills.Motor"] = "Motor" })).ReadHtmlAsync();
        Assert.NotEmpty(bad.QuerySelector("[data-valmsg-for='Input.MaxDistanceKm']")!.TextContent.Trim());
        Assert.Equal("远", bad.QuerySelector("#Input_MaxDistanceKm")!.GetAttribute("value"));

        var noSkill = await (await manager.PostFormAsync(url, new() { ["Input.MaxDistanceKm"] = "60", ["Input.Version"] = version, ["Skills.Motor"] = "Motor" }))
            .ReadHtmlAsync();
        Assert.NotNull(noSkill.QuerySelector("[data-testid=form-error]"));

        var form = Enum.GetNames<Anxin.Domain.Policies.ProductLine>().ToDictionary(l => "Skills." + l, _ => "PersonalInjury");
        form["Skills.Motor"] = "Motor";
        form["Input.MaxDistanceKm"] = "60";
        form["Input.ArrivalLimitMinutes"] = "20";
        form["Input.Version"] = version;
        var saved = await manager.PostFormAsync(url, form);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var rule = await app.WithDbAsync(d => d.InsurerDispatchRules.SingleAsync(r => r.InsurerId == picc));
        Assert.Equal((60d, 20), (rule.MaxDistanceKm, rule.ArrivalLimitMinutes));
        Assert.Equal(Anxin.Domain.Dispatch.SurveyorSkills.PersonalInjury, rule.RequiredSkillsFor(Anxin.Domain.Policies.ProductLine.Property));
        AdminApi.AssertDenied(await (await app.SignInAsync("dispatcher")).GetAsync("/dispatch/rules"));
    }

    private static async Task StepAsync(HttpClient client, string handler, Guid id)
    {
        var response = await client.PostFormAsync($"/m/tasks?handler={handler}", new() { ["assignmentId"] = id.ToString() }, "/m/tasks");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await response.ReadHtmlAsync()).QuerySelector("[data-testid=field-message]"));
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> AssessAsync(HttpClient client, Guid id, string amount, string notes, byte[]? photo)
    {
        var token = (await client.GetPageAsync("/m/tasks")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(id.ToString()), "assignmentId" },
            { new StringContent(amount), "Input.LossAmount" },
            { new StringContent(notes), "Input.Notes" },
        };
        if (photo is not null)
        {
            form.Add(new ByteArrayContent(photo), "Input.Photos", "scene.png");
        }

        var response = await client.PostAsync("/m/tasks?handler=Assess", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadHtmlAsync();
    }
}
