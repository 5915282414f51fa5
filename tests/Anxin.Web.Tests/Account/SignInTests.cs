using System.Net;
using Anxin.Web.Infrastructure.Demo;
using Anxin.Web.Tests.Infrastructure;

namespace Anxin.Web.Tests.Account;

public sealed class SignInTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Demo_user_signs_in_and_sees_the_home_page(Db db)
    {
        var app = apps.For(db);
        var client = await app.SignInAsync("agent1");

        var home = await client.GetPageAsync("/");

        Assert.Contains("陈晓", home.QuerySelector("[data-testid=current-user]")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("坐席一组", home.QuerySelector("[data-testid=home-org]")?.TextContent ?? string.Empty, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Wrong_password_shows_a_localized_error_and_no_cookie(Db db)
    {
        var app = apps.For(db);
        var client = app.Browser();

        var response = await client.PostFormAsync("/account/login", new() { ["Input.UserName"] = "agent2", ["Input.Password"] = "nope" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains("登录名或密码不正确", page.QuerySelector("[data-testid=form-error]")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Five_failed_attempts_lock_the_account_for_fifteen_minutes(Db db)
    {
        var app = apps.For(db);
        var client = app.Browser();
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/account/login", new() { ["Input.UserName"] = "thsales", ["Input.Password"] = "wrong" + i });
        }

        var response = await client.PostFormAsync("/account/login", new() { ["Input.UserName"] = "thsales", ["Input.Password"] = DemoDataSeeder.Password });

        var page = await response.ReadHtmlAsync();
        Assert.Contains("锁定15分钟", page.QuerySelector("[data-testid=form-error]")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        var lockoutEnd = await app.WithDbAsync(async d => (await d.Users.FindAsync(
            d.Users.Single(u => u.UserName == "thsales").Id))!.LockoutEnd);
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.5));
        Assert.True(await app.WithDbAsync(d => Task.FromResult(d.AuditEntries.Any(a => a.Action == "AccountLockedOut"))));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task User_who_must_change_password_is_sent_to_change_it_and_api_is_refused(Db db)
    {
        var app = apps.For(db);
        await app.WithDbAsync(async d =>
        {
            var user = d.Users.Single(u => u.UserName == "xhservice");
            user.MustChangePassword = true;
            return await d.SaveChangesAsync();
        });
        var client = await app.SignInAsync("xhservice");

        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/changepassword", home.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/org-nodes")).StatusCode);

        var weak = await client.PostFormAsync("/account/changepassword", new()
        {
            ["Input.CurrentPassword"] = DemoDataSeeder.Password, ["Input.NewPassword"] = "short", ["Input.ConfirmPassword"] = "short",
        });
        var weakPage = await weak.ReadHtmlAsync();
        Assert.Contains("至少需要 8 位", weakPage.QuerySelector("[data-valmsg-for='Input.NewPassword']")?.TextContent ?? string.Empty, StringComparison.Ordinal);

        var changed = await client.PostFormAsync("/account/changepassword", new()
        {
            ["Input.CurrentPassword"] = DemoDataSeeder.Password, ["Input.NewPassword"] = "Xihu2026ok", ["Input.ConfirmPassword"] = "Xihu2026ok",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/org-nodes")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Sign_out_ends_the_session(Db db)
    {
        var app = apps.For(db);
        var client = await app.SignInAsync("agent3");

        var response = await client.PostFormAsync("/account/logout", new(), formPage: "/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Api_without_credentials_or_with_a_wrong_key_gets_401(Db db)
    {
        var app = apps.For(db);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/org-nodes")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api("ak_not-a-real-key").GetAsync("/api/v1/org-nodes")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Api().GetAsync("/api/v1/org-nodes")).StatusCode);
    }
}
