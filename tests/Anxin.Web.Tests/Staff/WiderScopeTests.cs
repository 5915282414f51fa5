using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Web.Tests.Infrastructure;

namespace Anxin.Web.Tests.Staff;

public sealed class WiderScopeTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Granting_a_wider_node_lets_a_sub_branch_supervisor_see_that_subtree_and_clearing_it_takes_it_back(Db db)
    {
        var app = apps.For(db);
        var (supervisor, client) = await app.SignInAsNewStaffAsync("GD-SZ-NS", "Supervisor");
        var before = await client.ListAllAsync();
        Assert.DoesNotContain(before, s => s.GetProperty("workNumber").GetString() == "8002");

        var detail = await app.Api().GetFromJsonAsync<JsonElement>($"/api/v1/staff/{supervisor.Id}");
        var grant = await app.Api().PutAsJsonAsync($"/api/v1/staff/{supervisor.Id}", new
        {
            name = supervisor.Name, version = detail.GetProperty("version").GetInt64(), widerScopeNodeId = await app.NodeIdAsync("GD-SZ"),
        });
        Assert.Equal(HttpStatusCode.OK, grant.StatusCode);
        var widened = await client.ListAllAsync();

        var granted = await grant.Content.ReadFromJsonAsync<JsonElement>();
        var clear = await app.Api().PutAsJsonAsync($"/api/v1/staff/{supervisor.Id}", new
        {
            name = supervisor.Name, version = granted.GetProperty("version").GetInt64(), widerScopeNodeId = Guid.Empty,
        });
        Assert.Equal(HttpStatusCode.OK, clear.StatusCode);
        var after = await client.ListAllAsync();

        Assert.Contains(widened, s => s.GetProperty("workNumber").GetString() == "8002");
        Assert.DoesNotContain(widened, s => s.GetProperty("workNumber").GetString() == "2101");
        Assert.DoesNotContain(after, s => s.GetProperty("workNumber").GetString() == "8002");
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_branch_administrator_cannot_grant_a_node_outside_their_own_scope(Db db)
    {
        var app = apps.For(db);
        var target = await app.CreateStaffAsync("GD-SZ-FT", "Teller");
        var gdAdmin = await app.SignInAsync("gdadmin");
        var detail = await gdAdmin.GetFromJsonAsync<JsonElement>($"/api/v1/staff/{target.Id}");

        var response = await gdAdmin.PutAsJsonAsync($"/api/v1/staff/{target.Id}", new
        {
            name = target.Name, version = detail.GetProperty("version").GetInt64(), widerScopeNodeId = await app.NodeIdAsync("ZJ"),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("widerScopeNodeId", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
