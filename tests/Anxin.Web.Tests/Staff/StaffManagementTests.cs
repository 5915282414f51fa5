using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Anxin.Domain.Administration;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Staff;

/// <summary>Create, edit, reset password: validation, transactions, concurrency .</summary>
public sealed class StaffManagementTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Create_with_invalid_mobile_and_id_number_returns_field_errors(Db db)
    {
        var app = apps.For(db);
        var response = await app.Api().PostAsJsonAsync("/api/v1/staff", new
        {
            workNumber = StaffTestKit.Unique("V"), name = "张三", orgNodeId = await app.NodeIdAsync("GD-SZ-NS"),
            mobile = "12345", idNumber = "440305199006151234", userName = StaffTestKit.Unique("v"), initialPassword = StaffTestKit.Password,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("mobile", out _));
        Assert.True(errors.TryGetProperty("idNumber", out _));
        Assert.Equal("Validation.Mobile.Format", problem.GetProperty("codes").GetProperty("mobile")[0].GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Create_with_weak_password_saves_nothing(Db db)
    {
        var app = apps.For(db);
        var workNumber = StaffTestKit.Unique("W");
        var response = await app.Api().PostAsJsonAsync("/api/v1/staff", new
        {
            workNumber, name = "李四", orgNodeId = await app.NodeIdAsync("GD-SZ-NS"), userName = StaffTestKit.Unique("w"), initialPassword = "short",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("initialPassword", out _));
        Assert.False(await app.WithDbAsync(d => d.Staff.AnyAsync(s => s.WorkNumber == workNumber)));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Create_duplicate_work_number_or_user_name_gives_field_errors(Db db)
    {
        var app = apps.For(db);
        var existing = await app.CreateStaffAsync("GD-SZ-NS", RoleCodes.Teller);
        var response = await app.Api().PostAsJsonAsync("/api/v1/staff", new
        {
            workNumber = existing.WorkNumber, name = "王五", orgNodeId = await app.NodeIdAsync("GD-SZ-NS"),
            userName = existing.UserName, initialPassword = StaffTestKit.Password,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("workNumber", out _));
        Assert.True(errors.TryGetProperty("userName", out _));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Sub_branch_manager_cannot_grant_administrator_or_place_staff_outside_scope(Db db)
    {
        var app = apps.For(db);
        var api = await app.ScopedApiAsync("GD-SZ-NS", Permissions.Staff.View, Permissions.Staff.Manage);
        var admin = await api.PostAsJsonAsync("/api/v1/staff", new
        {
            workNumber = StaffTestKit.Unique("A"), name = "赵六", orgNodeId = await app.NodeIdAsync("GD-SZ-NS"),
            userName = StaffTestKit.Unique("a"), initialPassword = StaffTestKit.Password, roles = new[] { RoleCodes.Administrator },
        });
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);

        var outside = await api.PostAsJsonAsync("/api/v1/staff", new
        {
            workNumber = StaffTestKit.Unique("O"), name = "钱七", orgNodeId = await app.NodeIdAsync("GD-SZ-FT"),
            userName = StaffTestKit.Unique("o"), initialPassword = StaffTestKit.Password,
        });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal("Staff.OrgNodeNotFound", (await outside.ReadJsonAsync<JsonElement>()).GetProperty("codes").GetProperty("orgNodeId")[0].GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Create_through_the_form_redirects_to_the_new_staff_page(Db db)
    {
        var app = apps.For(db);
        var browser = await app.SignInAsync("admin");
        var form = await browser.GetPageAsync("/admin/staff/new");
        foreach (var name in new[] { "Input.WorkNumber", "Input.Name", "Input.OrgNodeId", "Input.Position", "Input.Mobile", "Input.IdNumber", "Input.Email", "Input.UserName", "Input.InitialPassword" })
        {
            Assert.NotNull(form.QuerySelector($"[name='{name}']"));
        }

        var teller = form.QuerySelector($"input[name='Input.Roles'][value='{RoleCodes.Teller}']")!;
        Assert.NotNull(form.QuerySelector($"label[for='{teller.Id}']"));

        var workNumber = StaffTestKit.Unique("F");
        var response = await browser.PostFormAsync("/admin/staff/new", new()
        {
            ["Input.WorkNumber"] = workNumber, ["Input.Name"] = "孙八", ["Input.OrgNodeId"] = (await app.NodeIdAsync("GD-SZ-NS")).ToString(),
            ["Input.Mobile"] = StaffTestKit.NewMobile(), ["Input.IdNumber"] = StaffTestKit.NewIdNumber(),
            ["Input.UserName"] = StaffTestKit.Unique("f"), ["Input.InitialPassword"] = StaffTestKit.Password, ["Input.Roles"] = RoleCodes.Teller,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/staff/{await app.StaffIdAsync(workNumber)}", response.Headers.Location?.OriginalString);

        var bad = await browser.PostFormAsync("/admin/staff/new", new()
        {
            ["Input.WorkNumber"] = StaffTestKit.Unique("F"), ["Input.Name"] = "孙九", ["Input.OrgNodeId"] = (await app.NodeIdAsync("GD-SZ-NS")).ToString(),
            ["Input.Mobile"] = "999", ["Input.UserName"] = StaffTestKit.Unique("f"), ["Input.InitialPassword"] = StaffTestKit.Password,
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.ReadHtmlAsync();
        Assert.Equal("999", html.QuerySelector("[name='Input.Mobile']")?.GetAttribute("value"));
        Assert.False(string.IsNullOrWhiteSpace(html.QuerySelector("[data-valmsg-for='Input.Mobile']")?.TextContent));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Edit_with_stale_version_returns_409(Db db)
    {
        var app = apps.For(db);
        var staff = await app.CreateStaffAsync("GD-SZ-NS", RoleCodes.Teller);
        var api = app.Api();
        var current = await (await api.GetAsync($"/api/v1/staff/{staff.Id}")).ReadJsonAsync<JsonElement>();
        var version = current.GetProperty("version").GetInt64();

        var first = await api.PutAsJsonAsync($"/api/v1/staff/{staff.Id}", new { name = "改名一", version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stale = await api.PutAsJsonAsync($"/api/v1/staff/{staff.Id}", new { name = "改名二", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal("改名一", (await (await api.GetAsync($"/api/v1/staff/{staff.Id}")).ReadJsonAsync<JsonElement>()).GetProperty("name").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Edit_form_with_stale_version_shows_a_form_error_and_keeps_the_input(Db db)
    {
        var app = apps.For(db);
        var staff = await app.CreateStaffAsync("GD-SZ-NS", RoleCodes.Teller);
        var browser = await app.SignInAsync("admin");
        var url = $"/admin/staff/{staff.Id}";
        var version = (await browser.GetPageAsync(url)).QuerySelector("input[name='Input.Version']")?.GetAttribute("value");
        Assert.NotNull(version);

        var first = await browser.PostFormAsync(url + "?handler=Save", new() { ["Input.Name"] = "页面改名", ["Input.Version"] = version!, ["Input.IsActive"] = "true" }, url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stale = await (await browser.PostFormAsync(url + "?handler=Save", new() { ["Input.Name"] = "迟到的修改", ["Input.Version"] = version!, ["Input.IsActive"] = "true" }, url)).ReadHtmlAsync();

        Assert.NotNull(stale.QuerySelector("[data-testid=form-error]"));
        Assert.Equal("迟到的修改", stale.QuerySelector("input[name='Input.Name']")?.GetAttribute("value"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Deactivating_staff_locks_the_account_and_reactivating_unlocks_it(Db db)
    {
        var app = apps.For(db);
        var staff = await app.CreateStaffAsync("GD-SZ-NS", RoleCodes.Teller);
        var api = app.Api();
        var version = (await (await api.GetAsync($"/api/v1/staff/{staff.Id}")).ReadJsonAsync<JsonElement>()).GetProperty("version").GetInt64();

        var off = await (await api.PutAsJsonAsync($"/api/v1/staff/{staff.Id}", new { name = staff.Name, isActive = false, version })).ReadJsonAsync<JsonElement>();
        Assert.True(off.GetProperty("isLocked").GetBoolean());
        var on = await (await api.PutAsJsonAsync($"/api/v1/staff/{staff.Id}", new { name = staff.Name, isActive = true, version = off.GetProperty("version").GetInt64() })).ReadJsonAsync<JsonElement>();
        Assert.False(on.GetProperty("isLocked").GetBoolean());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Reset_password_forces_a_change_at_next_sign_in(Db db)
    {
        var app = apps.For(db);
        var (staff, _) = await app.SignInAsNewStaffAsync("GD-SZ-NS", RoleCodes.Teller);
        const string newPassword = "Reset@2026y";

        var response = await app.Api().PostAsJsonAsync($"/api/v1/staff/{staff.Id}/reset-password", new { newPassword });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var browser = await app.SignInAsync(staff.UserName, newPassword);
        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/changepassword", home.Headers.Location?.OriginalString);
        Assert.True(await app.WithDbAsync(d => d.AuditEntries.AnyAsync(a => a.Action == "PasswordReset" && a.EntityId == staff.Id.ToString())));
        Assert.DoesNotContain(app.Logs, l => l.Contains(newPassword, StringComparison.Ordinal));

        var weak = await app.Api().PostAsJsonAsync($"/api/v1/staff/{staff.Id}/reset-password", new { newPassword = "weak" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Hostile_input_never_yields_a_500(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();
        var staff = await app.CreateStaffAsync("GD-SZ-NS", RoleCodes.Teller);
        var huge = new string('x', 1024 * 1024);
        var bodies = new (string Url, HttpMethod Method, string Body)[]
        {
            ("/api/v1/staff", HttpMethod.Post, "{ not json"),
            ("/api/v1/staff", HttpMethod.Post, "{\"workNumber\": 12, \"orgNodeId\": \"nope\", \"roles\": \"Teller\"}"),
            ("/api/v1/staff", HttpMethod.Post, JsonSerializer.Serialize(new { workNumber = huge, name = huge, mobile = huge, idNumber = huge, email = huge, userName = huge, initialPassword = huge, position = huge, roles = new[] { huge } })),
            ($"/api/v1/staff/{staff.Id}", HttpMethod.Put, "[1,2,3]"),
            ($"/api/v1/staff/{staff.Id}", HttpMethod.Put, JsonSerializer.Serialize(new { name = huge, mobile = huge, idNumber = huge, email = huge, version = 0 })),
            ($"/api/v1/staff/{staff.Id}", HttpMethod.Put, "{\"name\": \"x\", \"version\": \"abc\"}"),
            ($"/api/v1/staff/{staff.Id}/reset-password", HttpMethod.Post, JsonSerializer.Serialize(new { newPassword = huge })),
            ($"/api/v1/staff/{staff.Id}/reveal", HttpMethod.Post, JsonSerializer.Serialize(new { field = huge, reason = huge })),
        };

        foreach (var (url, method, body) in bodies)
        {
            var response = await api.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{method} {url} gave {(int)response.StatusCode}");
        }

        foreach (var url in new[] { "/api/v1/staff?active=maybe", "/api/v1/staff?pageSize=-5&q=" + Uri.EscapeDataString(new string('x', 5000)), "/api/v1/staff/export?format=pdf" })
        {
            var response = await api.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"GET {url} gave {(int)response.StatusCode}");
        }
    }
}
