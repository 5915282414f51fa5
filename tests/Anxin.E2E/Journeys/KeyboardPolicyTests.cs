using System.Globalization;
using System.Text.RegularExpressions;
using Anxin.E2E.Infrastructure;
using Anxin.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Anxin.E2E.Journeys;

/// <summary>
/// An underwriter registers a policy with several coverages: Alt+N opens the form, Alt+A adds a
/// coverage row (focus goes to it), a row can be removed again, Alt+S saves; the detail page
/// shows the coverages that were kept.
/// </summary>
public sealed class KeyboardPolicyTests(E2EApp app) : IClassFixture<E2EApp>
{
    [SkippableFact]
    public async Task Underwriter_adds_and_removes_coverage_rows_from_the_keyboard_and_saves()
    {
        await using var session = await app.NewSessionAsync(nameof(Underwriter_adds_and_removes_coverage_rows_from_the_keyboard_and_saves));
        var page = session.Page;
        var form = new NewPolicyPage(page);
        var number = "KB" + TestData.Suffix() + TestData.Digits(8);
        var today = DateTime.UtcNow.AddHours(8).Date;

        await new LoginPage(page).OpenAsync().ContinueWith(t => t.Result.SignInAsync("underwriter", TestData.DemoPassword)).Unwrap();
        await page.GotoAsync(session.Url("/policies"));
        await page.Locator("body").PressAsync("Alt+n");
        await Expect(page).ToHaveURLAsync(new Regex("/policies/new"));
        await form.FillMotorAsync(number, "粤B" + TestData.Digits(5), today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            today.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await form.CoverageCode(0).SelectOptionAsync("VD");
        await form.SumInsured(0).FillAsync("150000");

        await page.Keyboard.PressAsync("Alt+a");
        await Expect(form.Rows).ToHaveCountAsync(2);
        await Expect(form.CoverageCode(1)).ToBeFocusedAsync();
        await form.CoverageCode(1).SelectOptionAsync("TPL");
        await form.SumInsured(1).FillAsync("1000000");
        await page.Keyboard.PressAsync("Alt+a");
        await Expect(form.Rows).ToHaveCountAsync(3);
        await form.CoverageCode(2).SelectOptionAsync("SEAT");
        await form.SumInsured(2).FillAsync("10000");
        await form.RemoveButton(1).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(form.Rows).ToHaveCountAsync(2);
        await Expect(form.CoverageCode(1)).ToHaveValueAsync("SEAT");
        await session.StepAsync("coverage-rows");

        await page.Keyboard.PressAsync("Alt+s");
        await Expect(page).ToHaveURLAsync(new Regex("/policies/[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("policy-number")).ToHaveTextAsync(number);
        await Expect(page.Locator("[data-testid=coverages] [data-coverage]")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-coverage=SEAT]")).ToContainTextAsync("10,000.00");
        await session.StepAsync("registered");
    }
}
