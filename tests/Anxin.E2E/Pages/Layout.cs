using Anxin.E2E.Infrastructure;

namespace Anxin.E2E.Pages;

/// <summary>What every signed-in page shares: side navigation, language picker, sign-out.</summary>
public sealed class Layout(IPage page, UiText? text = null)
{
    private readonly UiText _text = text ?? UiText.ZhCn;

    public ILocator Navigation => page.GetByRole(AriaRole.Navigation);

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator CurrentUser => page.GetByTestId("current-user");

    public ILocator LanguageSelect => page.Locator("#culture-select");

    /// <summary>A side-navigation link by its text (after its icon).</summary>
    public ILocator NavLink(string name) =>
        Navigation.GetByRole(AriaRole.Link, new() { NameRegex = AccessibleName.WithIcon(name) });

    /// <summary>Clicks a side-navigation entry by its text (e.g. 机构设置).</summary>
    public Task OpenAsync(string navText) => NavLink(navText).ClickAsync();

    /// <summary>Picks a language; the select submits itself and the page reloads in that language.</summary>
    public async Task<Layout> SwitchLanguageAsync(string culture)
    {
        await LanguageSelect.SelectOptionAsync(culture);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        return new Layout(page, new UiText(culture));
    }

    public Task SignOutAsync() => page.GetByRole(AriaRole.Button, new() { Name = _text["Nav.SignOut"], Exact = true }).ClickAsync();
}
