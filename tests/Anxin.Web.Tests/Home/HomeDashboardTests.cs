using Anxin.Domain.Clocks;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Home;

public sealed class HomeDashboardTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Agent_sees_their_overdue_commitment_and_the_supervisor_sees_it_for_the_team(Db db)
    {
        var app = apps.For(db);
        await app.WithDbAsync(async d =>
        {
            var agent = await d.Staff.SingleAsync(s => s.WorkNumber == "2103");
            var calendar = new WorkingCalendar(WorkingCalendar.StandardHours, []);
            d.ServiceClocks.Add(ServiceClock.Start(DefaultClockRules.DispatchSurveyor, "Case", "HOME-TEST", agent.OrgNodeId, agent.OrgPath,
                agent.Id, DateTimeOffset.UtcNow.AddHours(-1), calendar));
            return await d.SaveChangesAsync();
        });

        var agentHome = await (await app.SignInAsync("agent2")).GetPageAsync("/");
        var supervisorHome = await (await app.SignInAsync("ccsupervisor")).GetPageAsync("/");
        var tellerHome = await (await app.SignInAsync("ftteller")).GetPageAsync("/");

        Assert.Equal("1", Tile(agentHome, "我的已超时事项"));
        Assert.Equal("0", Tile(agentHome, "24小时内到期的事项"));
        Assert.True(int.Parse(Tile(supervisorHome, "团队超时未办结")!, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("0", Tile(tellerHome, "我的已超时事项"));
        Assert.Null(Tile(tellerHome, "团队超时未办结"));
    }

    private static string? Tile(AngleSharp.Html.Dom.IHtmlDocument page, string label) =>
        page.QuerySelectorAll("a.card").FirstOrDefault(c => c.TextContent.Contains(label, StringComparison.Ordinal))
            ?.QuerySelector(".fs-3")?.TextContent.Trim();
}
