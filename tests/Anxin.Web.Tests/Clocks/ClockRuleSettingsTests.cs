using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Web.Tests.Infrastructure;

namespace Anxin.Web.Tests.Clocks;

public sealed class ClockRuleSettingsTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_statutory_rule_cannot_be_made_longer_than_the_statute(Db db)
    {
        var app = apps.For(db);
        var gd = await app.NodeIdAsync("GD");

        var longer = await app.Api().PutAsJsonAsync($"/api/v1/clock-rules/{gd}/Claim.Decision", new { amount = 45, unit = "CalendarDays", warnPercent = 80 });

        Assert.Equal(HttpStatusCode.BadRequest, longer.StatusCode);
        var problem = await longer.ReadJsonAsync<JsonElement>();
        Assert.Equal("Clock.StatutoryLonger", problem.GetProperty("codes").GetProperty("amount")[0].GetString());
        var otherUnit = await app.Api().PutAsJsonAsync($"/api/v1/clock-rules/{gd}/Claim.Decision", new { amount = 20, unit = "WorkingDays", warnPercent = 80 });
        Assert.Equal(HttpStatusCode.BadRequest, otherUnit.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_shorter_rule_at_a_node_applies_there_and_not_at_its_siblings(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();
        var shorter = await api.PutAsJsonAsync($"/api/v1/clock-rules/{await app.NodeIdAsync("GD-CLM")}/Claim.Payment", new { amount = 7, unit = "CalendarDays", warnPercent = 60 });
        Assert.Equal(HttpStatusCode.OK, shorter.StatusCode);

        var own = (await shorter.ReadJsonAsync<JsonElement>());
        Assert.Equal("Own", own.GetProperty("source").GetString());
        var elsewhere = await (await api.GetAsync($"/api/v1/clock-rules/{await app.NodeIdAsync("GD-CC")}")).ReadJsonAsync<JsonElement>();
        Assert.Equal(10, elsewhere.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "Claim.Payment").GetProperty("amount").GetInt32());

        var unknown = await api.PutAsJsonAsync($"/api/v1/clock-rules/{await app.NodeIdAsync("GD")}/No.Such", new { amount = 1, unit = "Hours", warnPercent = 50 });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
