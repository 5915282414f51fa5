using System.Text.RegularExpressions;
using Anxin.E2E.Infrastructure;
using Anxin.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Anxin.E2E.Journeys;

/// <summary>
/// A hotline agent takes a motor loss report on the demo PICC policy without touching the mouse:
/// Alt+N from the case list, the insurer by typing its code, Tab through the form while the policy
/// lookup answers beside it, Alt+S to submit; a wrong mobile comes back focused with nothing lost;
/// then the case number and "covered", Enter to the case page and its timeline — in Chinese and English.
/// </summary>
public sealed partial class KeyboardLossReportTests(E2EApp app) : IClassFixture<E2EApp>
{
    [SkippableFact]
    public async Task Agent_registers_a_loss_report_from_the_keyboard_alone_and_sees_the_case_timeline()
    {
        await using var session = await app.NewSessionAsync(nameof(Agent_registers_a_loss_report_from_the_keyboard_alone_and_sees_the_case_timeline));
        var page = session.Page;
        var mobile = "139" + TestData.Digits(8);
        var description = "等红灯时被后车追尾，后保险杠受损 " + TestData.Suffix();
        var form = new LossReportPage(page);

        await new LoginPage(page).OpenAsync().ContinueWith(t => t.Result.SignInAsync("agent1", TestData.DemoPassword)).Unwrap();
        await page.GotoAsync(session.Url("/cases"));
        await page.Locator("body").PressAsync("Escape");
        await page.Keyboard.PressAsync("Alt+n");
        await Expect(page).ToHaveURLAsync(new Regex("/cases/new$"));

        // The insurer select has the focus: typing its code picks it.
        await Expect(form.Insurer).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("PICC");
        await Expect(form.Insurer).ToHaveValueAsync("PICC");
        await page.Keyboard.PressAsync("Tab");
        await Expect(form.PolicyNumber).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("PDAA202644030000000001");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("粤B12345");

        // The lookup finds the policy while the agent is still typing, and fills the product line.
        await Expect(form.Lookup).ToContainTextAsync("PDAA202644030000000001");
        await Expect(form.Lookup).ToContainTextAsync("2026-03-01 00:00");
        await Expect(form.Line).ToHaveValueAsync("Motor");
        await page.Keyboard.PressAsync("Tab");
        await Expect(form.Line).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("张伟");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("1380013"); // a digit short
        foreach (var _ in Enumerable.Range(0, 4))
        {
            await page.Keyboard.PressAsync("Tab"); // ID number, contact, contact mobile, then the loss time (prefilled: now)
        }

        await Expect(form.LossAt).ToBeFocusedAsync();
        await Expect(form.LossAt).ToHaveValueAsync(new Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$"));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("深圳市南山区深南大道与科技园路口");
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await page.Keyboard.PressAsync("Tab"); // latitude, longitude, cause
        }

        await Expect(form.Cause).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown"); // 碰撞
        await Expect(form.Cause).ToHaveValueAsync("Collision");
        await Expect(form.Lookup).ToContainTextAsync("在保且责任覆盖");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(description);
        await session.StepAsync("intake-filled");
        await page.Keyboard.PressAsync("Alt+s");

        // The wrong mobile comes back on its field, focused; everything typed is still there.
        await Expect(form.ErrorOf("ReporterMobile")).ToContainTextAsync("手机");
        await Expect(form.ReporterMobile).ToBeFocusedAsync();
        await Expect(form.Description).ToHaveValueAsync(description);
        await Expect(form.PolicyNumber).ToHaveValueAsync("PDAA202644030000000001");
        await Expect(form.Insurer).ToHaveValueAsync("PICC");
        await session.StepAsync("intake-wrong-mobile");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(mobile);
        await page.Keyboard.PressAsync("Enter");

        // The confirmation: the number to read out, the cover, the documents and the script.
        await Expect(page).ToHaveURLAsync(new Regex("/cases/[0-9a-f-]{36}/reported$"));
        var reported = new CasePage(page);
        await Expect(reported.Number).ToHaveTextAsync(CaseNumber());
        await Expect(reported.Coverage).ToHaveAttributeAsync("data-outcome", "Covered");
        await Expect(reported.Coverage).ToContainTextAsync("在保且责任覆盖");
        await Expect(reported.Documents).ToContainTextAsync("索赔申请书");
        await Expect(page.GetByTestId("intake-script")).ToContainTextAsync("您的情况我们已了解");
        await Expect(page.GetByTestId("sms-note")).ToContainTextAsync(mobile[..3] + "****" + mobile[^4..]);
        var number = (await reported.Number.TextContentAsync())!.Trim();
        await session.StepAsync("reported");

        // Enter opens the case (its link has the focus): the details, masked, and the timeline.
        await Expect(page.GetByTestId("open-case")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/cases/[0-9a-f-]{36}$"));
        var casePage = new CasePage(page);
        await Expect(casePage.Number).ToHaveTextAsync(number);
        await Expect(casePage.TimelineEntry("CaseReported")).ToContainTextAsync("报案登记");
        await Expect(casePage.TimelineEntry("ClockStarted")).ToContainTextAsync("时效开始");
        await Expect(casePage.Timeline.Locator("[data-timeline-type^='Sms']").First).ToContainTextAsync("短信");
        await Expect(page.Locator("body")).Not.ToContainTextAsync(mobile);
        await session.StepAsync("case-page");

        // The same case in English.
        var layout = new Layout(page);
        await layout.SwitchLanguageAsync("en");
        await Expect(casePage.TimelineEntry("CaseReported")).ToContainTextAsync("Loss reported");
        await Expect(casePage.Coverage).ToContainTextAsync("In force and covered");
        await session.StepAsync("case-page-en");
        await page.GotoAsync(session.Url("/cases/new"));
        await Expect(new LossReportPage(page, "en").Insurer).ToBeFocusedAsync();
        await session.StepAsync("intake-en");
        await page.GotoAsync(session.Url("/cases"));
        await Expect(page.Locator($"tr[data-number='{number}']")).ToBeVisibleAsync();
        await session.StepAsync("case-list-en");
        await layout.SwitchLanguageAsync("zh-CN");
        await Expect(page.Locator($"tr[data-number='{number}']")).ToContainTextAsync("待调度");
        await session.StepAsync("case-list-zh");
    }

    [SkippableFact]
    public async Task Supervisor_verifies_an_unverified_case_against_a_policy_found_later_and_reveals_the_mobile_with_a_reason()
    {
        await using var session = await app.NewSessionAsync(nameof(Supervisor_verifies_an_unverified_case_against_a_policy_found_later_and_reveals_the_mobile_with_a_reason));
        var page = session.Page;
        await new LoginPage(page).OpenAsync().ContinueWith(t => t.Result.SignInAsync("ccsupervisor", TestData.DemoPassword)).Unwrap();

        // The demo PAIC report named a policy number that is not in the register.
        await page.GotoAsync(session.Url("/cases?verified=false&insurer=PAIC"));
        await session.StepAsync("unverified-cases");
        await page.Locator("[data-testid=case-table] tbody tr[data-number] a").First.ClickAsync();
        await Expect(page.GetByTestId("unverified")).ToBeVisibleAsync();
        await session.StepAsync("unverified-case");

        await page.GetByTestId("verify-form").GetByLabel("保单号", new() { Exact = true }).FillAsync("PDZA202644010000000003");
        await page.GetByTestId("verify-form").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByTestId("message")).ToContainTextAsync("PDZA202644010000000003");
        await Expect(page.GetByTestId("unverified")).ToHaveCountAsync(0);
        await Expect(new CasePage(page).Coverage).ToHaveAttributeAsync("data-outcome", "PerilNotCovered");
        await Expect(new CasePage(page).TimelineEntry("CasePolicyVerified")).ToContainTextAsync("PDZA202644010000000003");

        var reveal = page.GetByTestId("reveal-form");
        await reveal.GetByLabel("字段", new() { Exact = true }).SelectOptionAsync("reporterMobile");
        await reveal.GetByLabel("原因", new() { Exact = true }).FillAsync("回拨报案人确认车辆位置");
        await reveal.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByTestId("revealed")).ToContainTextAsync("13900139008");
        await Expect(new CasePage(page).TimelineEntry("PersonalDataRevealed")).ToContainTextAsync("回拨报案人确认车辆位置");
        await session.StepAsync("verified-and-revealed");
    }

    [GeneratedRegex(@"^BA\d{14}$")]
    private static partial Regex CaseNumber();
}
