using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace Anxin.E2E.Pages;

/// <summary>/desk: the current call panel, the caller's record, the script, classification and the call simulator.</summary>
public sealed class DeskPage(IPage page, string culture = "zh-CN")
{
    private static readonly ResourceManager Texts = new("Anxin.Web.Resources.CallText", typeof(Program).Assembly);

    public ILocator Panel => page.GetByTestId("desk-call");

    public ILocator NoCall => page.GetByTestId("no-call");

    public ILocator Script => page.GetByTestId("current-script");

    public ILocator CallState => page.GetByTestId("call-state");

    public ILocator CallerName => page.GetByTestId("caller-name");

    public ILocator CallerCustomerNumber => page.GetByTestId("caller-customer-number");

    public ILocator Saved => page.GetByTestId("desk-saved");

    public ILocator SimulatorNumber => page.GetByLabel(new Regex("^" + Text("Desk.SimulateNumber")));

    public ILocator RegisterLossReport => page.GetByTestId("register-loss-report");

    public ILocator TypeOption(string type) => page.Locator($"#type-{type}");

    public async Task<DeskPage> OpenAsync()
    {
        await page.GotoAsync("/desk");
        return this;
    }

    /// <summary>Alt+I to the simulator's number, type it, Enter: a simulated CTI "ringing" for the signed-in agent.</summary>
    public async Task SimulateIncomingCallAsync(string number)
    {
        await page.Locator("body").PressAsync("Alt+i");
        await Assertions.Expect(SimulatorNumber).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(number);
        await page.Keyboard.PressAsync("Enter");
    }

    public string Text(string key) =>
        Texts.GetString(key, CultureInfo.GetCultureInfo(culture)) ?? throw new KeyNotFoundException(key);
}
