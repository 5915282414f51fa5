using Anxin.E2E.Infrastructure;

namespace Anxin.E2E.Pages;

/// <summary>/account/changepassword, also the forced first-sign-in step.</summary>
public sealed class ChangePasswordPage(IPage page, UiText? text = null)
{
    private readonly UiText _text = text ?? UiText.ZhCn;

    public ILocator MustChangeNotice => page.GetByTestId("must-change");

    public ILocator CurrentPassword => page.GetByLabel(_text["Account.CurrentPassword"], new() { Exact = true });

    public ILocator NewPassword => page.GetByLabel(_text["Account.NewPassword"], new() { Exact = true });

    public ILocator ConfirmPassword => page.GetByLabel(_text["Account.ConfirmPassword"], new() { Exact = true });

    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = _text["Common.Save"], Exact = true });

    /// <summary>The validation message shown under the new-password field.</summary>
    public ILocator NewPasswordError => page.Locator("[data-valmsg-for='Input.NewPassword']");

    public async Task ChangeAsync(string current, string next)
    {
        await CurrentPassword.FillAsync(current);
        await NewPassword.FillAsync(next);
        await ConfirmPassword.FillAsync(next);
        await SaveButton.ClickAsync();
    }
}
