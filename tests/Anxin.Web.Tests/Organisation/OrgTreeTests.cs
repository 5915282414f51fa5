using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Web.Features.Organisation;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Organisation;

public sealed class OrgTreeTests(Apps apps) : IClassFixture<Apps>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Head_office_key_creates_a_sub_branch_under_a_central_sub_branch(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();
        var parent = await NodeAsync(app, "GD-SZ");

        var response = await api.PostAsJsonAsync("/api/v1/org-nodes", new { parentId = parent.Id, kind = "SubBranch", code = "T-" + Unique(), name = "深圳宝安支公司" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var node = (await response.Content.ReadFromJsonAsync<OrgNodeDto>(Json))!;
        Assert.StartsWith(parent.Path, node.Path, StringComparison.Ordinal);
        Assert.Equal(parent.Depth + 1, node.Depth);
        Assert.True(await app.WithDbAsync(d => d.AuditEntries.AnyAsync(a => a.EntityId == node.Id.ToString() && a.Field == "Name" && a.NewValue == "深圳宝安支公司")));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Invalid_node_gets_field_errors_not_a_500(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();
        var branch = await NodeAsync(app, "GD");

        var badKind = await api.PostAsJsonAsync("/api/v1/org-nodes", new { parentId = branch.Id, kind = "Branch", code = "X-" + Unique(), name = "错层" });
        var missing = await api.PostAsJsonAsync("/api/v1/org-nodes", new { parentId = branch.Id, kind = "SubBranch", code = "", name = "" });
        var malformed = await api.PostAsync("/api/v1/org-nodes", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));
        var wrongType = await api.PostAsync("/api/v1/org-nodes", new StringContent("{\"parentId\": 12, \"kind\": [] }", System.Text.Encoding.UTF8, "application/json"));
        var huge = await api.PostAsJsonAsync("/api/v1/org-nodes", new { parentId = branch.Id, kind = "SubBranch", code = "H" + Unique(), name = new string('长', 1_000_000) });

        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Contains("parentId", await badKind.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var problem = await missing.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("code", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Moving_a_node_moves_its_subtree_and_its_staff(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();
        var sz = await NodeAsync(app, "GD-SZ");
        var gz = await NodeAsync(app, "GD-GZ");
        var created = await (await api.PostAsJsonAsync("/api/v1/org-nodes", new { parentId = sz.Id, kind = "SubBranch", code = "M-" + Unique(), name = "待迁移支公司" })).Content.ReadFromJsonAsync<OrgNodeDto>(Json);
        var team = await (await api.PostAsJsonAsync("/api/v1/org-nodes", new { parentId = created!.Id, kind = "Team", code = "MT-" + Unique(), name = "柜面组" })).Content.ReadFromJsonAsync<OrgNodeDto>(Json);
        await app.WithDbAsync(async d =>
        {
            d.Staff.Add(Domain.Organisation.Staff.Create("M" + Unique()[..8], "迁移员工", (await d.OrgNodes.FindAsync(team!.Id))!));
            return await d.SaveChangesAsync();
        });

        var moved = await api.PostAsJsonAsync($"/api/v1/org-nodes/{created.Id}/move", new { newParentId = gz.Id, version = created.Version });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var teamAfter = await api.GetFromJsonAsync<OrgNodeDto>($"/api/v1/org-nodes/{team!.Id}", Json);
        Assert.StartsWith(gz.Path, teamAfter!.Path, StringComparison.Ordinal);
        Assert.Equal(gz.Depth + 2, teamAfter.Depth);
        var staffPath = await app.WithDbAsync(d => d.Staff.Where(s => s.OrgNodeId == team.Id).Select(s => s.OrgPath).SingleAsync());
        Assert.Equal(teamAfter.Path, staffPath);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_node_cannot_move_under_its_own_descendant(Db db)
    {
        var app = apps.For(db);
        var gd = await NodeAsync(app, "GD");
        var ns = await NodeAsync(app, "GD-SZ-NS");

        var response = await app.Api().PostAsJsonAsync($"/api/v1/org-nodes/{gd.Id}/move", new { newParentId = ns.Id, version = gd.Version });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("不能移动到自己或自己的下级之下", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Editing_with_a_stale_version_is_a_conflict_not_an_overwrite(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();
        var node = await (await api.PostAsJsonAsync("/api/v1/org-nodes", new { parentId = (await NodeAsync(app, "ZJ-HZ")).Id, kind = "SubBranch", code = "C-" + Unique(), name = "并发支公司" })).Content.ReadFromJsonAsync<OrgNodeDto>(Json);

        var first = await api.PutAsJsonAsync($"/api/v1/org-nodes/{node!.Id}", new { code = node.Code, name = "第一次修改", isActive = true, version = node.Version });
        var second = await api.PutAsJsonAsync($"/api/v1/org-nodes/{node.Id}", new { code = node.Code, name = "第二次修改", isActive = true, version = node.Version });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("第一次修改", (await api.GetFromJsonAsync<OrgNodeDto>($"/api/v1/org-nodes/{node.Id}", Json))!.Name);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Sub_branch_user_sees_only_their_subtree_in_page_and_api(Db db)
    {
        var app = apps.For(db);
        var client = await app.SignInAsync("nsteller");
        var ft = await NodeAsync(app, "GD-SZ-FT");

        var page = await client.GetPageAsync("/admin/org");
        var codes = page.QuerySelectorAll("[data-node-code]").Select(e => e.GetAttribute("data-node-code")).ToList();
        var list = await client.GetFromJsonAsync<List<OrgNodeDto>>("/api/v1/org-nodes", Json);
        var other = await client.GetAsync($"/api/v1/org-nodes/{ft.Id}");

        Assert.Equal(["GD-SZ-NS"], codes);
        Assert.Equal(["GD-SZ-NS"], list!.Select(n => n.Code));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Org_management_needs_the_permission(Db db)
    {
        var app = apps.For(db);
        var client = await app.SignInAsync("nsteller");

        var response = await client.PostAsJsonAsync("/api/v1/org-nodes", new { parentId = (await NodeAsync(app, "GD-SZ-NS")).Id, kind = "Team", code = "NO-" + Unique(), name = "无权" });
        var page = await client.GetAsync("/admin/org/new");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/denied", page.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Administrator_creates_a_node_through_the_page(Db db)
    {
        var app = apps.For(db);
        var client = await app.SignInAsync("admin");
        var code = "P-" + Unique();

        var response = await client.PostFormAsync("/admin/org/new", new()
        {
            ["Input.ParentId"] = (await NodeAsync(app, "ZJ-HZ")).Id.ToString(), ["Input.Kind"] = "SubBranch", ["Input.Code"] = code, ["Input.Name"] = "杭州滨江支公司",
        });
        var invalid = await client.PostFormAsync("/admin/org/new", new()
        {
            ["Input.ParentId"] = (await NodeAsync(app, "ZJ-HZ")).Id.ToString(), ["Input.Kind"] = "SubBranch", ["Input.Code"] = code, ["Input.Name"] = "重复编码",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var tree = await client.GetPageAsync("/admin/org");
        Assert.NotNull(tree.QuerySelector($"[data-node-code='{code}']"));
        var form = await invalid.ReadHtmlAsync();
        Assert.Contains("该编码已被其他机构使用", form.QuerySelector("[data-valmsg-for='Input.Code']")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("重复编码", form.QuerySelector("input[name='Input.Name']")?.GetAttribute("value"));
    }

    private static Task<OrgNodeDto> NodeAsync(AnxinAppFactory app, string code) =>
        app.WithDbAsync(d => d.OrgNodes.Where(n => n.Code == code).Select(n => OrgNodeDto.From(n)).SingleAsync());

    private static string Unique() => Guid.NewGuid().ToString("N")[..10];
}
