using System.Net;
using System.Net.Http.Json;
using Anxin.Domain.Administration;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Administration;

public sealed class RolesTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Roles_api_lists_every_role_with_its_permissions(Db db)
    {
        var app = apps.For(db);

        var roles = await app.Api().GetFromJsonAsync<RoleJson[]>("/api/v1/roles") ?? [];

        Assert.Equal(RoleCodes.All.Order(StringComparer.Ordinal), roles.Select(r => r.Code).Order(StringComparer.Ordinal));
        Assert.Equal(Permissions.All.Order(StringComparer.Ordinal), roles.Single(r => r.Code == RoleCodes.Administrator).Permissions.Order(StringComparer.Ordinal));
        Assert.Contains(Permissions.Audit.View, roles.Single(r => r.Code == RoleCodes.Auditor).Permissions);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Removing_a_permission_from_a_role_takes_effect_on_the_users_next_request(Db db)
    {
        var app = apps.For(db);
        var qa = await app.SignInAsync("qa"); // QaInspector: Org.View, Staff.View
        Assert.Equal(HttpStatusCode.OK, (await qa.GetAsync("/api/v1/org-nodes")).StatusCode);
        try
        {
            var put = await app.Api().PutAsJsonAsync("/api/v1/roles/QaInspector/permissions", new { permissions = new[] { Permissions.Staff.View } });

            Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await qa.GetAsync("/api/v1/org-nodes")).StatusCode);
            var detail = await app.WithDbAsync(d => d.AuditEntries
                .Where(a => a.Action == "RolePermissionsChanged" && a.EntityId == RoleCodes.QaInspector).Select(a => a.NewValue).ToListAsync());
            Assert.Contains(detail, d => d!.Contains("-Org.View", StringComparison.Ordinal));
        }
        finally
        {
            await app.Api().PutAsJsonAsync("/api/v1/roles/QaInspector/permissions", new { permissions = DefaultRolePermissions.For(RoleCodes.QaInspector) });
        }

        Assert.Equal(HttpStatusCode.OK, (await qa.GetAsync("/api/v1/org-nodes")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Unknown_permission_is_a_field_error_and_unknown_role_is_not_found(Db db)
    {
        var app = apps.For(db);

        var unknownPermission = await app.Api().PutAsJsonAsync("/api/v1/roles/Teller/permissions", new { permissions = new[] { "Org.View", "Org.Destroy" } });
        var unknownRole = await app.Api().PutAsJsonAsync("/api/v1/roles/Pirate/permissions", new { permissions = new[] { "Org.View" } });

        await AdminApi.AssertProblemAsync(unknownPermission);
        Assert.Contains("\"permissions\"", await unknownPermission.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AdminApi.AssertProblemAsync(unknownRole, HttpStatusCode.NotFound);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Administrator_role_must_keep_roles_manage(Db db)
    {
        var app = apps.For(db);
        var withoutRolesManage = Permissions.All.Where(p => p != Permissions.Roles.Manage).ToArray();

        var put = await app.Api().PutAsJsonAsync("/api/v1/roles/Administrator/permissions", new { permissions = withoutRolesManage });
        var browser = await app.SignInAsync("admin");
        var matrix = Permissions.All.Select(p => new KeyValuePair<string, string>("grant", "Administrator|" + p))
            .Where(g => g.Value != "Administrator|" + Permissions.Roles.Manage);
        var page = await (await browser.PostFieldsAsync("/admin/roles", matrix, "/admin/roles")).ReadHtmlAsync();

        await AdminApi.AssertProblemAsync(put);
        Assert.Contains("Roles.AdminMustKeepRolesManage", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=form-error]"));
        var adminPermissions = await app.WithDbAsync(d => (from p in d.RolePermissions join r in d.Roles on p.RoleId equals r.Id
                                                           where r.Name == RoleCodes.Administrator select p.Permission).ToListAsync());
        Assert.Equal(Permissions.All.Count, adminPermissions.Count);
        var teller = await app.Api().GetFromJsonAsync<RoleJson[]>("/api/v1/roles");
        Assert.NotEmpty(teller!.Single(r => r.Code == RoleCodes.Teller).Permissions); // nothing of the refused matrix was saved
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Saving_the_matrix_page_replaces_the_grants_of_every_role_with_an_audit_event(Db db)
    {
        var app = apps.For(db);
        var browser = await app.SignInAsync("admin");
        var form = await browser.GetPageAsync("/admin/roles");
        var ticked = form.QuerySelectorAll("input[name=grant]:checked").Select(i => i.GetAttribute("value")!).ToList();
        Assert.Contains("Teller|Org.View", ticked);
        Assert.Equal(RoleCodes.All.Count * Permissions.All.Count, form.QuerySelectorAll("input[name=grant]").Length);
        try
        {
            var changed = ticked.Append("Teller|Insurers.View").Select(v => new KeyValuePair<string, string>("grant", v));

            var response = await browser.PostFieldsAsync("/admin/roles", changed, "/admin/roles");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var roles = await app.Api().GetFromJsonAsync<RoleJson[]>("/api/v1/roles");
            Assert.Equal(DefaultRolePermissions.For(RoleCodes.Teller).Append(Permissions.Insurers.View).Order(StringComparer.Ordinal), roles!.Single(r => r.Code == RoleCodes.Teller).Permissions.Order(StringComparer.Ordinal));
            Assert.Equal(Permissions.All.Count, roles!.Single(r => r.Code == RoleCodes.Administrator).Permissions.Length);
            var events = await app.WithDbAsync(d => d.AuditEntries.Where(a => a.Action == "RolePermissionsChanged").Select(a => a.EntityId + " " + a.NewValue).ToListAsync());
            Assert.Contains("Teller +Insurers.View", events);
        }
        finally
        {
            await app.Api().PutAsJsonAsync("/api/v1/roles/Teller/permissions", new { permissions = DefaultRolePermissions.For(RoleCodes.Teller) });
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Roles_page_and_api_are_forbidden_without_roles_manage(Db db)
    {
        var app = apps.For(db);
        var agent = await app.SignInAsync("agent1");

        AdminApi.AssertDenied(await agent.GetAsync("/admin/roles"));
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/roles")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync("/api/v1/roles/Agent/permissions", new { permissions = Permissions.All })).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Malformed_role_permission_requests_get_400_problem_details(Db db)
    {
        var app = apps.For(db);
        string[] bodies = ["{", "", "[]", "{}", "null", "{\"permissions\": \"Org.View\"}", "{\"permissions\": [1, 2]}", "{\"permissions\": [null]}"];
        foreach (var body in bodies)
        {
            var response = await app.Api().PutAsync("/api/v1/roles/Teller/permissions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            await AdminApi.AssertProblemAsync(response);
        }

        var teller = await app.Api().GetFromJsonAsync<RoleJson[]>("/api/v1/roles");
        Assert.Equal(DefaultRolePermissions.For(RoleCodes.Teller).Order(StringComparer.Ordinal), teller!.Single(r => r.Code == RoleCodes.Teller).Permissions.Order(StringComparer.Ordinal));
    }
}
