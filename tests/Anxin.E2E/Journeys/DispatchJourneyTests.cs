using System.Text.Json;
using System.Text.RegularExpressions;
using Anxin.E2E.Infrastructure;
using Anxin.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Anxin.E2E.Journeys;

/// <summary>
/// CC-04 end to end: an agent's report near Futian waits on the dispatch board; the dispatcher
/// opens it and assigns the top recommended surveyor (刘勘, nearest with the motor skill) with
/// Enter; on a 390×844 phone, the surveyor acknowledges (customer called), reports arrival and
/// enters the loss assessment with a photo.
/// </summary>
public sealed class DispatchJourneyTests(E2EApp app) : IClassFixture<E2EApp>
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [SkippableFact]
    public async Task Dispatcher_assigns_the_top_surveyor_who_acknowledges_arrives_and_assesses_on_a_phone()
    {
        var number = await ReportNearFutianAsync();

        await using (var dispatcher = await app.NewSessionAsync(nameof(Dispatcher_assigns_the_top_surveyor_who_acknowledges_arrives_and_assesses_on_a_phone) + "-dispatcher"))
        {
            var page = dispatcher.Page;
            await new LoginPage(page).OpenAsync().ContinueWith(t => t.Result.SignInAsync("dispatcher", TestData.DemoPassword)).Unwrap();
            var board = await new DispatchBoardPage(page).OpenAsync();
            await Expect(board.WaitingCase(number)).ToBeVisibleAsync();
            await Expect(board.Surveyor("刘勘")).ToHaveAttributeAsync("data-presence", "OnShift");
            await dispatcher.StepAsync("board");

            var casePage = await board.OpenCaseAsync(number);
            await Expect(casePage.TopCandidate).ToHaveAttributeAsync("data-name", "刘勘");
            await Expect(casePage.Reasons(casePage.TopCandidate).First).ToContainTextAsync(new Regex(@"预计 \d+ 分钟到达"));
            await Expect(casePage.Excluded).ToContainTextAsync("高勘"); // works for PAIC only
            await dispatcher.StepAsync("recommendation");
            await casePage.AssignTopWithEnterAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/dispatch\\?done="));
            await Expect(board.Dispatched).ToContainTextAsync(number);
            await Expect(board.ActiveCases).ToContainTextAsync(number);
            await dispatcher.StepAsync("dispatched");
        }

        await using var surveyor = await app.NewSessionAsync(nameof(Dispatcher_assigns_the_top_surveyor_who_acknowledges_arrives_and_assesses_on_a_phone) + "-surveyor");
        var phone = surveyor.Page;
        await phone.SetViewportSizeAsync(390, 844);
        await new LoginPage(phone).OpenAsync().ContinueWith(t => t.Result.SignInAsync("surveyor1", TestData.DemoPassword)).Unwrap();
        var tasks = await new SurveyorTasksPage(phone).OpenAsync();
        await Expect(tasks.State(number)).ToHaveTextAsync("已派工");
        await Expect(tasks.CallLink(number)).ToHaveAttributeAsync("href", new Regex(@"^tel:1[3-9]\d{9}$"));
        Assert.False(await tasks.OverflowsHorizontallyAsync(), "The phone page scrolls sideways at 390 px");
        await surveyor.StepAsync("task");

        await tasks.AcknowledgeAsync(number);
        await Expect(tasks.State(number)).ToHaveTextAsync("已联系客户");
        await surveyor.StepAsync("acknowledged");
        await tasks.ArriveAsync(number);
        await Expect(tasks.State(number)).ToHaveTextAsync("已到达");
        Assert.False(await tasks.OverflowsHorizontallyAsync(), "The assessment form scrolls sideways at 390 px");
        await surveyor.StepAsync("arrived");

        await tasks.AssessAsync(number, "2,680.00", "后保险杠凹陷，需钣金喷漆", new FilePayload { Name = "后保险杠.png", MimeType = "image/png", Buffer = Png });
        await Expect(tasks.State(number)).ToHaveTextAsync("已定损");
        await Expect(tasks.Assessed(number)).ToContainTextAsync("¥2,680.00");
        await Expect(tasks.Task(number).GetByRole(AriaRole.Img)).ToHaveCountAsync(1);
        await Expect(tasks.CallLink(number)).ToHaveCountAsync(0);
        await surveyor.StepAsync("assessed");
    }

    /// <summary>agent1 (in the dispatcher's contact centre) reports a PICC motor loss near 福田, through the API with the browser's cookie.</summary>
    private async Task<string> ReportNearFutianAsync()
    {
        await using var agent = await app.NewSessionAsync(nameof(DispatchJourneyTests) + "-agent");
        await new LoginPage(agent.Page).OpenAsync().ContinueWith(t => t.Result.SignInAsync("agent1", TestData.DemoPassword)).Unwrap();
        var response = await agent.Page.APIRequest.PostAsync("/api/v1/cases", new()
        {
            DataObject = new
            {
                insurerCode = "PICC", line = "Motor", plate = "粤B" + TestData.Digits(5), reporterName = "赵报案", reporterMobile = "139" + TestData.Digits(8),
                lossAt = DateTimeOffset.UtcNow.AddMinutes(-20), lossPlace = "深圳市福田区福华三路会展中心", latitude = 22.5365, longitude = 114.0530,
                cause = "Collision", description = "停车场内被倒车车辆剐蹭 " + TestData.Suffix(), injuries = false,
            },
        });
        Assert.True(response.Ok, await response.TextAsync());
        return JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("number").GetString()!;
    }
}
