using System.Net;
using System.Net.Http.Json;
using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Administration;

public sealed class ApiKeyTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Key_created_via_api_sees_only_its_node_subtree(Db db)
    {
        var app = apps.For(db);
        var created = await app.CreateKeyAsync(AdminApi.Unique("sz-key"), "GD-SZ", Permissions.Org.View);
        Assert.StartsWith(ApiKeys.KeyPrefix, created.Key, StringComparison.Ordinal);
        Assert.Equal(ApiKeys.DisplayPrefix(created.Key), created.Prefix);

        var nodes = await app.Api(created.Key).GetFromJsonAsync<NodeJson[]>("/api/v1/org-nodes");

        var codes = nodes!.Select(n => n.Code).ToList();
        Assert.Equal(["GD-SZ", "GD-SZ-FT", "GD-SZ-NS"], codes.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("ZJ", codes);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Key_without_org_view_is_forbidden_on_org_nodes(Db db)
    {
        var app = apps.For(db);
        var created = await app.CreateKeyAsync(AdminApi.Unique("audit-only"), "HO", Permissions.Audit.View);

        var response = await app.Api(created.Key).GetAsync("/api/v1/org-nodes");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Revoked_key_is_rejected_with_401_and_revoking_again_is_a_conflict(Db db)
    {
        var app = apps.For(db);
        var created = await app.CreateKeyAsync(AdminApi.Unique("to-revoke"), "GD", Permissions.Org.View);
        Assert.Equal(HttpStatusCode.OK, (await app.Api(created.Key).GetAsync("/api/v1/org-nodes")).StatusCode);

        var revoke = await app.Api().DeleteAsync($"/api/v1/api-keys/{created.Id}");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api(created.Key).GetAsync("/api/v1/org-nodes")).StatusCode);
        await AdminApi.AssertProblemAsync(await app.Api().DeleteAsync($"/api/v1/api-keys/{created.Id}"), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().DeleteAsync($"/api/v1/api-keys/{Guid.NewGuid()}")).StatusCode);
        var events = await app.WithDbAsync(d => d.AuditEntries.Where(a => a.EntityId == created.Id.ToString() && a.Kind == AuditKind.Event)
            .Select(a => a.Action).ToListAsync());
        Assert.Contains("ApiKeyCreated", events);
        Assert.Single(events, "ApiKeyRevoked");
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Stored_key_row_and_audit_trail_hold_only_the_hash_never_the_key(Db db)
    {
        var app = apps.For(db);
        var created = await app.CreateKeyAsync(AdminApi.Unique("hash-only"), "GD", Permissions.Org.View);

        var row = await app.WithDbAsync(d => d.ApiKeys.IgnoreQueryFilters().SingleAsync(k => k.Id == created.Id));
        var leaked = await app.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.NewValue!.Contains(created.Key) || a.OldValue!.Contains(created.Key)));

        Assert.Equal(ApiKeys.Hash(created.Key), row.Hash);
        Assert.NotEqual(created.Key, row.Hash);
        Assert.Equal(64, row.Hash.Length);
        Assert.DoesNotContain(created.Key, new[] { row.Name, row.Prefix, row.Permissions, row.Hash });
        Assert.Equal(0, leaked);
        var listed = await app.Api().GetStringAsync("/api/v1/api-keys");
        Assert.Contains(created.Prefix, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Key, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(row.Hash, listed, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Creating_a_key_on_the_page_shows_it_once_and_it_works(Db db)
    {
        var app = apps.For(db);
        var browser = await app.SignInAsync("admin");
        var name = AdminApi.Unique("page-key");

        var response = await browser.PostFormAsync("/admin/api-keys/new", new()
        {
            ["Input.Name"] = name,
            ["Input.OrgNodeId"] = (await app.NodeIdAsync("GD-GZ")).ToString(),
            ["Input.Permissions"] = Permissions.Org.View,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var page = await response.ReadHtmlAsync();
        Assert.NotNull(page.QuerySelector("[data-testid=shown-once]"));
        var key = page.QuerySelector("[data-testid=new-key]")!.GetAttribute("value")!;
        var nodes = await app.Api(key).GetFromJsonAsync<NodeJson[]>("/api/v1/org-nodes");
        Assert.Contains(nodes!, n => n.Code == "GD-GZ-TH");
        var list = await browser.GetStringAsync("/admin/api-keys");
        Assert.Contains(name, list, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Revoking_a_key_on_the_page_locks_it_out(Db db)
    {
        var app = apps.For(db);
        var created = await app.CreateKeyAsync(AdminApi.Unique("page-revoke"), "GD", Permissions.Org.View);
        var browser = await app.SignInAsync("admin");

        var response = await browser.PostFormAsync($"/admin/api-keys?handler=Revoke&id={created.Id}", [], formPage: "/admin/api-keys");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector($"tr[data-key-id='{created.Id}'] [data-testid=revoked-at]")!.TextContent));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api(created.Key).GetAsync("/api/v1/org-nodes")).StatusCode);
        var revokedBy = await app.WithDbAsync(d => d.AuditEntries.Where(a => a.EntityId == created.Id.ToString() && a.Action == "ApiKeyRevoked")
            .Select(a => a.ActorName).SingleAsync());
        Assert.Equal("admin", revokedBy);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_key_cannot_be_given_permissions_its_creator_does_not_hold(Db db)
    {
        var app = apps.For(db);
        var manager = await app.CreateKeyAsync(AdminApi.Unique("key-manager"), "HO", Permissions.ApiKeys.Manage, Permissions.Org.View);

        var response = await app.Api(manager.Key).PostAsJsonAsync("/api/v1/api-keys",
            new { name = AdminApi.Unique("escalate"), orgNodeId = await app.NodeIdAsync("GD"), permissions = new[] { Permissions.Org.View, Permissions.Audit.View } });

        await AdminApi.AssertProblemAsync(response);
        Assert.Contains("ApiKeys.PermissionNotHeld", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var allowed = await app.Api(manager.Key).PostAsJsonAsync("/api/v1/api-keys",
            new { name = AdminApi.Unique("subset"), orgNodeId = await app.NodeIdAsync("GD"), permissions = new[] { Permissions.Org.View } });
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_branch_administrator_cannot_create_a_key_outside_their_scope_nor_see_other_branches_keys(Db db)
    {
        var app = apps.For(db);
        var zjKey = await app.CreateKeyAsync(AdminApi.Unique("zj-key"), "ZJ", Permissions.Org.View);
        var gdadmin = await app.SignInAsync("gdadmin");

        var response = await gdadmin.PostAsJsonAsync("/api/v1/api-keys",
            new { name = AdminApi.Unique("gd-to-zj"), orgNodeId = await app.NodeIdAsync("ZJ"), permissions = new[] { Permissions.Org.View } });

        await AdminApi.AssertProblemAsync(response);
        Assert.Contains("orgNodeId", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(zjKey.Id.ToString(), await gdadmin.GetStringAsync("/api/v1/api-keys"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await gdadmin.DeleteAsync($"/api/v1/api-keys/{zjKey.Id}")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Malformed_api_key_requests_get_400_problem_details(Db db)
    {
        var app = apps.For(db);
        string[] bodies =
        [
            "{", "", "[]", "{}", "{\"name\": 5}", "{\"name\": \"x\", \"orgNodeId\": \"not-a-guid\", \"permissions\": [\"Org.View\"]}",
            "{\"name\": \"x\", \"permissions\": \"Org.View\"}", "{\"name\": \"x\", \"permissions\": [\"No.Such\"]}", "null",
        ];
        foreach (var body in bodies)
        {
            var response = await app.Api().PostAsync("/api/v1/api-keys", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            await AdminApi.AssertProblemAsync(response);
        }
    }
}
