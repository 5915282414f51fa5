using System.Text.RegularExpressions;
using Anxin.E2E.Infrastructure;
using Anxin.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Anxin.E2E.Journeys;

/// <summary>
/// A hotline agent registers a caller as a customer without touching the mouse: "/" to search,
/// Alt+N for the form, Tab between fields, Enter to submit; a wrong ID number is reported on its
/// field and nothing typed is lost.
/// </summary>
public sealed class KeyboardCustomerTests(E2EApp app) : IClassFixture<E2EApp>
{
    [SkippableFact]
    public async Task Agent_registers_a_customer_from_the_keyboard_alone()
    {
        await using var session = await app.NewSessionAsync(nameof(Agent_registers_a_customer_from_the_keyboard_alone));
        var page = session.Page;
        var name = "键盘客户" + TestData.Suffix();
        var mobile = "139" + TestData.Digits(8);
        var idNumber = TestData.IdNumber();
        var wrongId = idNumber[..17] + (idNumber[17] == '0' ? '1' : '0');

        await new LoginPage(page).OpenAsync().ContinueWith(t => t.Result.SignInAsync("agent1", TestData.DemoPassword)).Unwrap();
        await page.GotoAsync(session.Url("/customers"));
        await page.Keyboard.PressAsync("/");
        await Expect(page.Locator("[data-search]")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.Locator("body").PressAsync("Alt+n");
        await Expect(page).ToHaveURLAsync(new Regex("/customers/new"));

        // The kind select has focus; Tab to name, ID number, credit code, mobile.
        await Expect(page.Locator("select[name='Input.Kind']")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(name);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(wrongId);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(mobile);
        await page.Keyboard.PressAsync("Enter");
        await session.StepAsync("wrong-id-number");

        await Expect(page.Locator("[data-valmsg-for='Input.IdNumber']")).ToContainTextAsync("校验位");
        await Expect(page.Locator("input[name='Input.Name']")).ToHaveValueAsync(name);
        await Expect(page.Locator("input[name='Input.Mobile']")).ToHaveValueAsync(mobile);

        // The form comes back with focus on its first field: Tab twice to the ID number.
        await Expect(page.Locator("select[name='Input.Kind']")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("input[name='Input.IdNumber']")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(idNumber);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/customers/[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("customer-number")).ToHaveTextAsync(new Regex(@"^KH\d{14}$"));
        await Expect(page.Locator("body")).Not.ToContainTextAsync(mobile);
        await session.StepAsync("registered");
    }
}
