using System.Net;
using System.Text.Json;
using Anxin.Domain.Clocks;
using Anxin.Web.Tests.Infrastructure;

namespace Anxin.Web.Tests.Clocks;

public sealed class ClockListTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Staff_see_their_own_clocks_and_supervisors_their_team(Db db)
    {
        var app = apps.For(db);
        var agent = await app.DemoUserAsync("agent2");
        var clock = await app.StartClockAsync(DefaultClockRules.ConsultationReply, "ZX-" + Guid.NewGuid().ToString("N")[..8], agent.OrgNodeId, agent.StaffId);

        var me = await app.SignInAsync("agent2");
        var response = await me.GetAsync("/api/v1/clocks?scope=my");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mine = await response.ReadJsonAsync<JsonElement>();
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == clock.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await me.GetAsync("/api/v1/clocks?scope=team")).StatusCode);
        var page = await me.GetPageAsync("/clocks/my");
        Assert.NotNull(page.QuerySelector($"[data-clock-id='{clock.Id}']"));

        var other = await app.SignInAsync("agent1");
        var theirs = await (await other.GetAsync("/api/v1/clocks?scope=my")).ReadJsonAsync<JsonElement>();
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == clock.Id);

        var supervisor = await app.SignInAsync("ccsupervisor");
        var team = await (await supervisor.GetAsync("/api/v1/clocks?scope=team&state=Running")).ReadJsonAsync<JsonElement>();
        Assert.Contains(team.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == clock.Id);
        Assert.Contains(team.GetProperty("byOwner").EnumerateArray(), o => o.GetProperty("ownerName").GetString() == "林静");
        var teamPage = await supervisor.GetPageAsync("/clocks/team");
        Assert.NotNull(teamPage.QuerySelector($"[data-clock-id='{clock.Id}']"));

        var claims = await app.SignInAsync("claimslead"); // a supervisor elsewhere
        var elsewhere = await (await claims.GetAsync("/api/v1/clocks?scope=team")).ReadJsonAsync<JsonElement>();
        Assert.DoesNotContain(elsewhere.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == clock.Id);
    }
}
