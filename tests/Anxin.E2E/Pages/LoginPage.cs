using Anxin.E2E.Infrastructure;

namespace Anxin.E2E.Pages;

/// <summary>/account/login: 登录名, 密码, 登录 (or their translations).</summary>
public sealed class LoginPage(IPage page, UiText? text = null)
{
    private readonly UiText _text = text ?? UiText.ZhCn;

    public ILocator UserName => page.GetByLabel(_text["Account.UserName"], new() { Exact = true });

    public ILocator Password => page.GetByLabel(_text["Account.Password"], new() { Exact = true });

    public ILocator SignInButton => page.GetByRole(AriaRole.Button, new() { Name = _text["Account.SignIn"], Exact = true });

    public ILocator Title => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The form-level error (wrong password, locked out, disabled).</summary>
    public ILocator FormError => page.GetByTestId("form-error");

    public async Task<LoginPage> OpenAsync()
    {
        await page.GotoAsync("/account/login");
        return this;
    }

    public async Task SignInAsync(string userName, string password)
    {
        await UserName.FillAsync(userName);
        await Password.FillAsync(password);
        await SignInButton.ClickAsync();
    }
}
