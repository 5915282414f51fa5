using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Claims;
using Anxin.Domain.Clocks;
using Anxin.Web.Features.Claims;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Tests.Cases;
using Anxin.Web.Tests.Clocks;
using Anxin.Web.Tests.Dispatch;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anxin.Web.Tests.Claims;

/// <summary>CLM-03: the contact centre's survey and loss assessment flow into the claim; investigation tasks escalate on time.</summary>
public sealed class ClaimInvestigationTests(Apps apps) : IClassFixture<Apps>
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0xFF, 0xD9];

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_surveyors_assessment_shows_on_the_claim_and_is_the_default_assessed_loss(Db db)
    {
        var app = apps.For(db);
        var scene = DispatchTestKit.NewScene();
        var surveyor = await app.NewSurveyorAsync("GD-SZ", scene.Lat, scene.Lng);
        var policy = await app.SeedPolicyAsync();
        var body = CaseTestKit.Report(policyNumber: policy.Number, plate: policy.Plate);
        body["latitude"] = scene.Lat;
        body["longitude"] = scene.Lng;
        var caseId = (await (await app.SignInAsync("agent1")).ReportAsync(body)).GetProperty("id").GetGuid();
        var assignment = await (await app.SignInAsync("dispatcher")).AssignedAsync(caseId, surveyor.StaffId);
        await surveyor.Client.PostAsync($"/api/v1/assignments/{assignment}/acknowledge", null);
        await surveyor.Client.PostAsync($"/api/v1/assignments/{assignment}/arrival", null);
        using (var upload = new MultipartFormDataContent { { new ByteArrayContent(Jpeg), "photos", "前保险杠.jpg" } })
        {
            Assert.Equal(HttpStatusCode.OK, (await surveyor.Client.PostAsync($"/api/v1/assignments/{assignment}/photos", upload)).StatusCode);
        }

        var assessed = await surveyor.Client.PostAsJsonAsync($"/api/v1/assignments/{assignment}/assessment",
            new { lossAmount = 8650.50m, notes = "前保险杠及大灯更换" });
        Assert.Equal(HttpStatusCode.OK, assessed.StatusCode);

        var handler = await app.SignInAsync("claims1");
        var claim = await handler.OpenFromCaseAsync(caseId);
        var survey = Assert.Single(claim.GetProperty("surveys").EnumerateArray());
        Assert.Equal((8650.50m, "前保险杠及大灯更换", 1), (survey.GetProperty("assessedLoss").GetDecimal(), survey.GetProperty("notes").GetString(),
            survey.GetProperty("photoCount").GetInt32()));
        Assert.Contains(surveyor.Name, survey.GetProperty("surveyor").GetString(), StringComparison.Ordinal);
        Assert.Equal("Assessed", survey.GetProperty("state").GetString());
        Assert.NotEqual(JsonValueKind.Null, survey.GetProperty("assessedAt").ValueKind);

        var photoUrl = $"/api/v1/claims/{claim.Id()}/survey-photos/{survey.GetProperty("photos")[0].GetProperty("id").GetGuid()}";
        Assert.Equal(Jpeg, await handler.GetByteArrayAsync(photoUrl));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync("zjclaims")).GetAsync(photoUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync($"/api/v1/claims/{claim.Id()}/survey-photos/{Guid.NewGuid()}")).StatusCode);

        // The claim page shows the assessment (summary and investigation) and offers it as the first coverage's assessed loss.
        claim = await handler.ReceiveAllAsync(claim);
        var page = await handler.GetPageAsync($"/claims/{claim.Id()}");
        Assert.Contains("8,650.50", page.QuerySelector("[data-testid=summary-assessment]")!.TextContent, StringComparison.Ordinal);
        var row = page.QuerySelector($"[data-testid=survey-{assignment}]")!;
        Assert.Contains("前保险杠及大灯更换", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(photoUrl, row.QuerySelector("[data-testid=survey-photos] a")!.GetAttribute("href"));
        Assert.Equal(8650.50m, decimal.Parse(page.QuerySelector("[data-testid=assessed-VD]")!.GetAttribute("value")!, CultureInfo.InvariantCulture));
        Assert.NotNull(page.QuerySelector("[data-testid=assessed-from-survey]"));
        Assert.True(string.IsNullOrEmpty(page.QuerySelector("[data-testid=assessed-TPL]")!.GetAttribute("value")));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_claim_without_a_survey_says_so_and_prefills_nothing(Db db)
    {
        var app = apps.For(db);
        var handler = await app.SignInAsync("claims1");
        var claim = await handler.ReceiveAllAsync(await app.OpenClaimAsync(handler));
        Assert.Empty(claim.GetProperty("surveys").EnumerateArray());

        var page = await handler.GetPageAsync($"/claims/{claim.Id()}");
        Assert.Null(page.QuerySelector("[data-testid=summary-assessment]"));
        Assert.Null(page.QuerySelector("[data-testid=assessed-from-survey]"));
        Assert.True(string.IsNullOrEmpty(page.QuerySelector("[data-testid=assessed-VD]")!.GetAttribute("value")));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task An_investigation_task_past_its_escalation_date_escalates_to_the_supervisor_and_withdrawal_cancels_the_rest(Db db)
    {
        var app = apps.For(db);
        var time = new FakeTime(DateTimeOffset.UtcNow.AddMinutes(5));
        var node = app.WithTime(time);
        var lead = await app.DemoUserAsync("claimslead");
        var policy = await app.SeedPolicyAsync();
        var @case = await app.ReportCaseAsync(policy.Number);
        var handler = await node.LogInAsync("claims1");
        var claim = await handler.OpenFromCaseAsync(@case.GetProperty("id").GetGuid());
        var now = time.GetUtcNow();
        claim = await handler.StepAsync(claim.Id(), "investigation/tasks",
            new { method = "Phone", instructions = "致电目击证人核实事故经过", dueAt = now.AddDays(1), escalateAt = now.AddDays(2) });
        claim = await handler.StepAsync(claim.Id(), "investigation/tasks",
            new { method = "SiteVisit", instructions = "查看事故现场监控", dueAt = now.AddDays(5), escalateAt = now.AddDays(6) });
        var tasks = claim.GetProperty("investigationTasks").EnumerateArray().ToList();
        var (phone, site) = (tasks[0].GetProperty("id").GetGuid(), tasks[1].GetProperty("id").GetGuid());
        var clock = await TaskClockAsync(app, phone);
        Assert.Equal(ClockState.Running, clock.State);
        Assert.Equal(now.AddDays(2), clock.DeadlineAt, TimeSpan.FromMilliseconds(1));

        // Overdue but not yet at the escalation date: nobody above the handler hears of it.
        time.Advance(TimeSpan.FromDays(1.5));
        var worker = node.Services.GetRequiredService<ClockWorker>();
        await worker.EvaluateDueAsync(default);
        Assert.DoesNotContain(await app.MessagesForAsync(clock.Id), m => m.TemplateCode == ClockWorker.BreachTemplate);
        handler = await node.LogInAsync("claims1");
        var overdue = (await handler.GetClaimAsync(claim.Id())).GetProperty("investigationTasks")[0];
        Assert.Equal((true, false), (overdue.GetProperty("overdue").GetBoolean(), overdue.GetProperty("escalated").GetBoolean()));

        time.Advance(TimeSpan.FromDays(0.5) + TimeSpan.FromMinutes(1));
        await worker.EvaluateDueAsync(default);
        clock = await TaskClockAsync(app, phone);
        Assert.Equal(1, clock.EscalationLevel);
        Assert.Contains(await app.MessagesForAsync(clock.Id), m => m.TemplateCode == ClockWorker.BreachTemplate && m.Recipient == lead.UserId.ToString());
        handler = await node.LogInAsync("claims1");
        claim = await handler.GetClaimAsync(claim.Id());
        Assert.True(claim.GetProperty("investigationTasks")[0].GetProperty("escalated").GetBoolean());
        Assert.Equal(ClockState.Running, (await TaskClockAsync(app, site)).State);

        // Done late: the clock stops as breached. Withdrawing the claim cancels the task still open and stops its clock.
        claim = await handler.StepAsync(claim.Id(), $"investigation/tasks/{phone}/complete", new { findings = "目击证人确认追尾" });
        Assert.Equal((ClockState.Stopped, ClockOutcome.Breached), ((await TaskClockAsync(app, phone)).State, (await TaskClockAsync(app, phone)).Outcome));
        claim = await handler.StepAsync(claim.Id(), "withdraw", new { reason = "客户撤回索赔" });
        Assert.Equal("Cancelled", claim.GetProperty("investigationTasks")[1].GetProperty("status").GetString());
        Assert.Equal((ClockState.Stopped, ClockOutcome.Met), ((await TaskClockAsync(app, site)).State, (await TaskClockAsync(app, site)).Outcome));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_claims_handler_opens_the_claim_from_the_case_page_of_a_case_the_hotline_registered(Db db)
    {
        var app = apps.For(db);
        var caseId = await app.WithDbAsync(d => d.Cases.IgnoreQueryFilters()
            .Where(c => c.PolicyNumber == Anxin.Web.Infrastructure.Demo.ClaimDemoData.SurveyedPolicyNumber).Select(c => c.Id).SingleAsync());

        // The case belongs to the hotline's team: the claims lead (department scope) does not see it, the handlers (branch scope) do.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync("claimslead")).GetAsync($"/cases/{caseId}")).StatusCode);
        var handler = await app.SignInAsync("claims2");
        var casePage = await handler.GetPageAsync($"/cases/{caseId}");
        Assert.Equal($"/claims/new?caseId={caseId}", casePage.QuerySelector("[data-testid=open-claim]")!.GetAttribute("href"));
        var agentView = await (await app.SignInAsync("agent1")).GetPageAsync($"/cases/{caseId}");
        Assert.Null(agentView.QuerySelector("[data-testid=open-claim]"));

        var claim = await handler.OpenFromCaseAsync(caseId);
        Assert.Equal(6_820m, claim.GetProperty("surveys")[0].GetProperty("assessedLoss").GetDecimal());
        casePage = await handler.GetPageAsync($"/cases/{caseId}");
        Assert.Null(casePage.QuerySelector("[data-testid=open-claim]"));
        Assert.Equal($"/claims/{claim.Id()}", casePage.QuerySelector("[data-testid=case-claims] a")!.GetAttribute("href"));
    }

    private static Task<ServiceClock> TaskClockAsync(AnxinAppFactory app, Guid taskId)
    {
        var id = taskId.ToString();
        return app.WithDbAsync(d => d.ServiceClocks.IgnoreQueryFilters()
            .SingleAsync(c => c.SubjectType == InvestigationTaskClocks.SubjectType && c.SubjectId == id && c.RuleCode == DefaultClockRules.InvestigationTask.Code));
    }
}
