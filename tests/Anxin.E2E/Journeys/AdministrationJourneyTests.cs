using System.Text.RegularExpressions;
using Anxin.E2E.Infrastructure;
using Anxin.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Anxin.E2E.Journeys;

/// <summary>
/// The head-office administrator sets up a new sub-branch and its first teller; the teller's
/// first day: forced password change, a view limited to their own node, and English UI.
/// </summary>
public sealed class AdministrationJourneyTests(E2EApp app) : IClassFixture<E2EApp>
{
    [SkippableFact]
    public async Task Administrator_creates_sub_branch_and_teller_who_must_change_password_sees_only_subtree_and_switches_to_English()
    {
        await using var session = await app.NewSessionAsync(nameof(Administrator_creates_sub_branch_and_teller_who_must_change_password_sees_only_subtree_and_switches_to_English));
        var page = session.Page;
        var zh = UiText.ZhCn;
        var suffix = TestData.Suffix();
        var nodeCode = "GD-SZ-E2E" + suffix;
        var nodeName = "前海E2E" + suffix + "支公司";
        var initialPassword = "Welcome" + TestData.Digits(4) + "a";
        var newPassword = "Teller" + TestData.Digits(4) + "Ok";
        var teller = new NewStaff(
            WorkNumber: "E" + TestData.Digits(6),
            Name: "柜员" + suffix,
            OrgNodeName: nodeName,
            Position: "柜员",
            Mobile: "13912345678",
            IdNumber: TestData.IdNumber(),
            Email: $"teller.{suffix.ToLowerInvariant()}@example.com",
            UserName: "e2eteller" + suffix.ToLowerInvariant(),
            InitialPassword: initialPassword,
            Roles: ["Teller"]);

        // a. The administrator signs in and adds a sub-branch under 深圳中心支公司.
        var login = await new LoginPage(page).OpenAsync();
        await Expect(login.Title).ToHaveTextAsync("登录安心系统");
        await session.StepAsync("login-page");
        await login.SignInAsync("admin", TestData.DemoPassword);
        await Expect(page).ToHaveURLAsync(session.Url("/"));
        var layout = new Layout(page);
        await Expect(layout.Heading).ToHaveTextAsync("周安 (1001)，您好");
        await Expect(layout.CurrentUser).ToHaveTextAsync("周安 (1001)");
        await session.StepAsync("admin-home");

        await layout.OpenAsync("机构设置");
        await Expect(page).ToHaveURLAsync(session.Url("/admin/org"));
        var tree = new OrgTreePage(page);
        await Expect(layout.Heading).ToHaveTextAsync("机构设置");
        await Expect(tree.NodeName("深圳中心支公司")).ToBeVisibleAsync();
        var newNode = await tree.OpenNewNodeAsync();
        await Expect(page).ToHaveURLAsync(session.UrlPattern("/admin/org/new"));
        await newNode.FillAsync(parentCode: "GD-SZ", kind: "SubBranch", code: nodeCode, name: nodeName);
        await session.StepAsync("new-sub-branch-form");
        await newNode.SaveAsync();
        await Expect(page).ToHaveURLAsync(session.Url("/admin/org"));
        await Expect(tree.ChildOf("GD-SZ", nodeCode)).ToBeVisibleAsync();
        await Expect(tree.Node(nodeCode)).ToContainTextAsync(nodeName);
        await Expect(tree.Node(nodeCode)).ToContainTextAsync(zh["OrgKind.SubBranch"]);
        await session.StepAsync("tree-with-new-sub-branch");

        // b. …and the teller who will work there (员工管理; contract of the staff feature).
        await layout.OpenAsync("员工管理");
        await Expect(page).ToHaveURLAsync(session.UrlPattern("/admin/staff"));
        await session.StepAsync("staff-list");
        var staff = new StaffPage(page);
        await staff.OpenNewAsync();
        await staff.FillAsync(teller);
        await Expect(staff.RoleByLabel("Teller")).ToBeCheckedAsync();
        await session.StepAsync("new-teller-form");
        await staff.SubmitAsync();
        await Expect(page).ToHaveURLAsync(StaffPage.DetailsUrl);
        await session.StepAsync("teller-created");

        // c. The teller's first sign-in forces a new password; weak ones are refused.
        await layout.SignOutAsync();
        await Expect(page).ToHaveURLAsync(session.UrlPattern("/account/login"));
        await login.SignInAsync(teller.UserName, teller.InitialPassword);
        await Expect(page).ToHaveURLAsync(session.Url("/account/changepassword"));
        var changePassword = new ChangePasswordPage(page);
        await Expect(changePassword.MustChangeNotice).ToHaveTextAsync(zh["Account.MustChangePassword"]);
        await Expect(layout.Navigation).ToHaveCountAsync(0); // nothing else to do until it is changed
        await session.StepAsync("teller-must-change-password");

        await changePassword.ChangeAsync(teller.InitialPassword, "abcdefgh");
        await Expect(changePassword.NewPasswordError).ToHaveTextAsync(zh["Password.RequiresDigit"]);
        await Expect(changePassword.MustChangeNotice).ToBeVisibleAsync();
        await session.StepAsync("weak-password-refused");

        await changePassword.ChangeAsync(teller.InitialPassword, newPassword);
        await Expect(page).ToHaveURLAsync(session.Url("/"));
        await Expect(layout.Heading).ToHaveTextAsync($"{teller.Name} ({teller.WorkNumber})，您好");
        await Expect(page.GetByTestId("home-org")).ToHaveTextAsync($"所属机构：{nodeName}");
        await session.StepAsync("teller-home");

        // d. A teller holds Org.View and Clocks.ViewOwn (DefaultRolePermissions): 机构设置 yes, 员工管理 no,
        //    and the tree is cut down to their own sub-branch.
        await Expect(layout.NavLink("机构设置")).ToBeVisibleAsync();
        await Expect(layout.NavLink("员工管理")).ToHaveCountAsync(0);
        await Expect(layout.NavLink("角色权限")).ToHaveCountAsync(0);
        await layout.OpenAsync("机构设置");
        await Expect(page).ToHaveURLAsync(session.Url("/admin/org"));
        await Expect(tree.Node(nodeCode)).ToBeVisibleAsync();
        await Expect(tree.NodeName(nodeName)).ToBeVisibleAsync();
        await Expect(tree.Nodes).ToHaveCountAsync(1);
        await Expect(tree.NodeName("广州中心支公司")).ToHaveCountAsync(0);
        await Expect(tree.NodeName("浙江分公司")).ToHaveCountAsync(0);
        await Expect(tree.NodeName("深圳中心支公司")).ToHaveCountAsync(0);
        await Expect(tree.NewNodeLink).ToHaveCountAsync(0);
        await session.StepAsync("teller-sees-own-subtree");

        // e. English, and it sticks: across a reload, and on the account across sign-ins.
        var english = await layout.SwitchLanguageAsync("en");
        await Expect(page).ToHaveURLAsync(session.Url("/admin/org"));
        await Expect(english.Heading).ToHaveTextAsync("Organisation");
        await english.OpenAsync("Home");
        await Expect(english.Heading).ToHaveTextAsync(new Regex("^Hello"));
        await Expect(english.NavLink("Home")).ToBeVisibleAsync();
        await Expect(english.NavLink("Organisation")).ToBeVisibleAsync();
        await session.StepAsync("teller-home-english");
        await page.ReloadAsync();
        await Expect(english.Heading).ToHaveTextAsync($"Hello, {teller.Name} ({teller.WorkNumber})");
        await Expect(english.LanguageSelect).ToHaveValueAsync("en");

        await english.SignOutAsync();
        var englishLogin = new LoginPage(page, UiText.En);
        await Expect(englishLogin.Title).ToHaveTextAsync("Sign in to Anxin"); // the cookie remembers it
        await session.StepAsync("login-page-english");

        // Without the cookie (another computer) the login page is Chinese again, but signing
        // in brings back the account's language.
        await page.Context.ClearCookiesAsync();
        await login.OpenAsync();
        await Expect(login.Title).ToHaveTextAsync("登录安心系统");
        await login.SignInAsync(teller.UserName, newPassword);
        await Expect(page).ToHaveURLAsync(session.Url("/"));
        await Expect(english.Heading).ToHaveTextAsync($"Hello, {teller.Name} ({teller.WorkNumber})");
        await Expect(english.NavLink("Home")).ToBeVisibleAsync();
        await session.StepAsync("english-after-sign-in-elsewhere");
    }
}
