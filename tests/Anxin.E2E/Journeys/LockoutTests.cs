using Anxin.E2E.Infrastructure;
using Anxin.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Anxin.E2E.Journeys;

/// <summary>Its own app (class fixture) so the locked demo account cannot disturb other journeys.</summary>
public sealed class LockoutTests(E2EApp app) : IClassFixture<E2EApp>
{
    [SkippableFact]
    public async Task Wrong_password_five_times_locks_the_account()
    {
        await using var session = await app.NewSessionAsync(nameof(Wrong_password_five_times_locks_the_account));
        var page = session.Page;
        var zh = UiText.ZhCn;
        var login = await new LoginPage(page).OpenAsync();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await login.SignInAsync("ftteller", "Wrong" + attempt + "Password");
            await Expect(login.FormError).ToHaveTextAsync(zh["Account.InvalidLogin"]);
        }

        await login.SignInAsync("ftteller", "Wrong5Password");
        await session.StepAsync("fifth-wrong-password");

        await login.SignInAsync("ftteller", TestData.DemoPassword);
        await Expect(page).ToHaveURLAsync(session.UrlPattern("/account/login"));
        await Expect(login.FormError).ToHaveTextAsync(zh["Account.LockedOut"]);
        await Expect(login.FormError).ToHaveTextAsync("登录失败次数过多，账户已锁定15分钟。");
        await session.StepAsync("locked-out-with-right-password");
    }
}
