using System.Text.RegularExpressions;
using Anxin.Domain.Common;
using Anxin.Domain.Customers;
using Anxin.E2E.Infrastructure;
using Anxin.E2E.Pages;
using Anxin.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Anxin.E2E.Journeys;

/// <summary>
/// The contact centre's whole journey across its modules (issue 4): a call from a known customer
/// pops their record on agent1's desk; Alt+L opens the intake linked to the call and the customer,
/// beside the organisation's report closing script; the report near 福田 gets its case number; the
/// dispatcher goes from the case page to its dispatch page and assigns the top recommended
/// surveyor with Enter; on a phone-sized page the surveyor acknowledges, arrives and enters the
/// loss assessment; the case timeline shows every step, in Chinese and in English.
/// </summary>
public sealed class HotlineToSurveyJourneyTests(E2EApp app) : IClassFixture<E2EApp>
{
    private const string PiccMotorPolicy = "PDAA202644030000000001";

    [SkippableFact]
    public async Task A_call_becomes_a_case_that_is_dispatched_surveyed_and_assessed_with_every_step_on_the_timeline()
    {
        var name = nameof(A_call_becomes_a_case_that_is_dispatched_surveyed_and_assessed_with_every_step_on_the_timeline);
        var mobile = "136" + TestData.Digits(8);
        var customerName = "来电人" + TestData.Suffix();
        var description = "会展中心停车场倒车时被剐蹭 " + TestData.Suffix();
        await RegisterCustomerAsync(customerName, mobile);

        await using var agent = await app.NewSessionAsync(name + "-agent");
        var (caseUrl, number) = await TakeTheCallAndReportAsync(agent, mobile, customerName, description);
        await AssignTheTopSurveyorAsync(name, caseUrl, number);
        await SurveyOnThePhoneAsync(name, number);

        // Back on the agent's screen: the case page tells the whole story, call first.
        var page = agent.Page;
        await page.GotoAsync(caseUrl);
        var casePage = new CasePage(page);
        await Expect(page.GetByTestId("case-status")).ToHaveTextAsync("已定损");
        await Expect(casePage.TimelineEntry("CallLinked")).ToContainTextAsync("来电");
        await Expect(casePage.TimelineEntry("CaseReported")).ToContainTextAsync("报案登记");
        await Expect(casePage.TimelineEntry("SurveyorAssigned")).ToContainTextAsync("刘勘");
        await Expect(casePage.TimelineEntry("AssignmentAcknowledged")).ToContainTextAsync("查勘员已联系客户");
        await Expect(casePage.TimelineEntry("SurveyorArrived")).ToContainTextAsync("查勘员到达现场");
        await Expect(casePage.TimelineEntry("LossAssessed")).ToContainTextAsync("3,150.00");
        await Expect(casePage.Timeline.Locator("[data-timeline-type='ClockStopped']").First).ToBeVisibleAsync();
        await Expect(page.Locator("body")).Not.ToContainTextAsync(mobile);
        await Expect(casePage.Timeline).Not.ToContainTextAsync("Status:");
        await Expect(casePage.Timeline).Not.ToContainTextAsync("Dispatch.Assigned");
        await Expect(casePage.Timeline.Locator("[data-timeline-type='SmsQueued']").First).ToContainTextAsync("查勘任务通知");
        await agent.StepAsync("timeline-zh");
        // In time order (the page lists either way round, consistently): call, report, assignment, contact, arrival, assessment.
        var order = await casePage.Timeline.Locator("[data-timeline-type]").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.timelineType)");
        var positions = new[] { "CallLinked", "CaseReported", "SurveyorAssigned", "AssignmentAcknowledged", "SurveyorArrived", "LossAssessed" }
            .Select(type => Array.IndexOf(order, type)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.True(positions.SequenceEqual(positions.Order()) || positions.SequenceEqual(positions.OrderDescending()), string.Join(", ", order));

        await new Layout(page).SwitchLanguageAsync("en");
        await Expect(casePage.TimelineEntry("CallLinked")).ToContainTextAsync("Call");
        await Expect(casePage.TimelineEntry("SurveyorAssigned")).ToContainTextAsync("Surveyor assigned");
        await Expect(casePage.TimelineEntry("SurveyorArrived")).ToContainTextAsync("Surveyor on site");
        await Expect(casePage.TimelineEntry("LossAssessed")).ToContainTextAsync("Loss assessed");
        await agent.StepAsync("timeline-en");
        await new Layout(page).SwitchLanguageAsync("zh-CN");
    }

    private Task RegisterCustomerAsync(string customerName, string mobile) => app.WithDbAsync(async (db, services) =>
    {
        var team = await db.OrgNodes.SingleAsync(n => n.Code == "GD-CC-T1");
        var number = await services.GetRequiredService<IBusinessNumberGenerator>().NextAsync(Customer.NumberPrefix, CancellationToken.None);
        db.Customers.Add(Customer.RegisterIndividual(number, customerName, ResidentIdNumber.Create(TestData.IdNumber()).Value, MobileNumber.Create(mobile).Value, team));
        return await db.SaveChangesAsync();
    });

    /// <summary>agent1: the screen pop, then the intake from the keyboard; returns the case page's address and the case number.</summary>
    private async Task<(string CaseUrl, string Number)> TakeTheCallAndReportAsync(BrowserSession agent, string mobile, string customerName, string description)
    {
        var page = agent.Page;
        await new LoginPage(page).OpenAsync().ContinueWith(t => t.Result.SignInAsync("agent1", TestData.DemoPassword)).Unwrap();
        var desk = await new DeskPage(page).OpenAsync();
        await new NotificationBell(page).WaitUntilLiveAsync();
        await desk.SimulateIncomingCallAsync(mobile);
        await Expect(desk.CallerName).ToHaveTextAsync(customerName);
        await Expect(desk.Script).ToContainTextAsync("2102号为您服务");
        await agent.StepAsync("screen-pop");

        // Alt+L: the intake, linked to the call and the caller, with the closing script beside it.
        await page.Locator("body").PressAsync("Alt+l");
        await Expect(page).ToHaveURLAsync(new Regex(@"/cases/new\?callId=[0-9a-f-]{36}&customerId=[0-9a-f-]{36}$"));
        var form = new LossReportPage(page);
        await Expect(form.LinkedCustomer).ToContainTextAsync(customerName);
        await Expect(form.Script).ToContainTextAsync("您的情况我们已了解");
        await Expect(form.Insurer).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("PICC");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(PiccMotorPolicy);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("粤B12345");
        await Expect(form.Lookup).ToContainTextAsync(PiccMotorPolicy);
        await Expect(form.Line).ToHaveValueAsync("Motor");
        await Expect(form.ReporterName).ToHaveValueAsync(customerName);
        await form.LossPlace.FillAsync("深圳市福田区福华三路会展中心");
        await form.Latitude.FillAsync("22.5365");
        await form.Longitude.FillAsync("114.0530");
        await form.Cause.SelectOptionAsync("Collision");
        await form.Description.FillAsync(description);
        await Expect(form.Lookup).ToContainTextAsync("在保且责任覆盖");
        await agent.StepAsync("intake");
        await page.Keyboard.PressAsync("Alt+s");

        await Expect(page).ToHaveURLAsync(new Regex("/cases/[0-9a-f-]{36}/reported$"));
        var reported = new CasePage(page);
        await Expect(reported.Coverage).ToHaveAttributeAsync("data-outcome", "Covered");
        await Expect(form.Script).ToContainTextAsync("您的情况我们已了解");
        var number = (await reported.Number.TextContentAsync())!.Trim();
        await agent.StepAsync("reported");
        return (page.Url[..^"/reported".Length], number);
    }

    /// <summary>The dispatcher: from the case page to its dispatch page, Enter assigns the top candidate (刘勘, nearest with the motor skill).</summary>
    private async Task AssignTheTopSurveyorAsync(string name, string caseUrl, string number)
    {
        await using var dispatcher = await app.NewSessionAsync(name + "-dispatcher");
        var page = dispatcher.Page;
        await new LoginPage(page).OpenAsync().ContinueWith(t => t.Result.SignInAsync("dispatcher", TestData.DemoPassword)).Unwrap();
        await page.GotoAsync(caseUrl);
        await new CasePage(page).OpenDispatch.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/dispatch/cases/[0-9a-f-]{36}$"));
        var dispatch = new CaseDispatchPage(page);
        await Expect(dispatch.TopCandidate).ToHaveAttributeAsync("data-name", "刘勘");
        await Expect(dispatch.Reasons(dispatch.TopCandidate).First).ToContainTextAsync(new Regex(@"预计 \d+ 分钟到达"));
        await dispatcher.StepAsync("recommendation");
        await dispatch.AssignTopWithEnterAsync();
        await Expect(new DispatchBoardPage(page).Dispatched).ToContainTextAsync(number);
        await dispatcher.StepAsync("assigned");
    }

    /// <summary>surveyor1 on a 390×844 phone: acknowledge (customer called), arrive, assess.</summary>
    private async Task SurveyOnThePhoneAsync(string name, string number)
    {
        await using var surveyor = await app.NewSessionAsync(name + "-surveyor");
        var phone = surveyor.Page;
        await phone.SetViewportSizeAsync(390, 844);
        await new LoginPage(phone).OpenAsync().ContinueWith(t => t.Result.SignInAsync("surveyor1", TestData.DemoPassword)).Unwrap();
        var tasks = await new SurveyorTasksPage(phone).OpenAsync();
        await Expect(tasks.State(number)).ToHaveTextAsync("已派工");
        await tasks.AcknowledgeAsync(number);
        await Expect(tasks.State(number)).ToHaveTextAsync("已联系客户");
        await tasks.ArriveAsync(number);
        await Expect(tasks.State(number)).ToHaveTextAsync("已到达");
        await tasks.AssessAsync(number, "3150", "左后门刮擦，需钣金喷漆");
        await Expect(tasks.State(number)).ToHaveTextAsync("已定损");
        await Expect(tasks.Assessed(number)).ToContainTextAsync("¥3,150.00");
        Assert.False(await tasks.OverflowsHorizontallyAsync(), "The phone page scrolls sideways at 390 px");
        await surveyor.StepAsync("assessed");
    }
}
