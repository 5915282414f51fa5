using System.Globalization;
using System.Resources;

namespace Anxin.E2E.Pages;

/// <summary>The header bell: badge, live-connection state, dropdown list, "mark all read", toasts.</summary>
public sealed class NotificationBell(IPage page, string culture = "zh-CN")
{
    private static readonly ResourceManager Texts = new("Anxin.Web.Resources.NotificationText", typeof(Program).Assembly);

    public ILocator Root => page.Locator("#notification-bell");

    public ILocator Button => page.GetByTestId("notification-button");

    public ILocator Count => page.GetByTestId("notification-count");

    public ILocator Latest => page.GetByTestId("notification-latest");

    public ILocator Toasts => page.GetByTestId("notification-toast");

    public ILocator MarkAllRead => page.GetByRole(AriaRole.Button, new() { Name = Text("Bell.MarkAllRead"), Exact = true });

    /// <summary>The button's accessible name for a count, e.g. 通知（3 条未读）.</summary>
    public string Label(int unread) => string.Format(CultureInfo.InvariantCulture, Text("Bell.Label"), unread);

    /// <summary>Waits until notifications.js has its SignalR connection open.</summary>
    public Task WaitUntilLiveAsync() => Assertions.Expect(Root).ToHaveAttributeAsync("data-live", "connected");

    /// <summary>Opens the dropdown from the keyboard (focus, Enter), as a keyboard user would.</summary>
    public async Task OpenWithKeyboardAsync()
    {
        await Button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
    }

    public string Text(string key) =>
        Texts.GetString(key, CultureInfo.GetCultureInfo(culture)) ?? throw new KeyNotFoundException(key);
}
