using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Anxin.Web.Tests.Clocks;

public sealed class BusinessCalendarTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_node_make_up_day_and_hours_apply_to_its_subtree_only(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();
        var shenzhen = await app.NodeIdAsync("GD-SZ");
        var nanshan = await app.NodeIdAsync("GD-SZ-NS");

        var add = await api.PostAsJsonAsync($"/api/v1/calendars/{shenzhen}/days", new { date = "2026-03-07", kind = "MakeUpWorkday", name = "深圳调休" });
        Assert.Equal(HttpStatusCode.Created, add.StatusCode);
        var hours = await api.PutAsJsonAsync($"/api/v1/calendars/{shenzhen}/hours", new { hours = "08:30-12:00;13:00-18:00" });
        Assert.Equal(HttpStatusCode.OK, hours.StatusCode);

        var calendars = app.Services.GetRequiredService<ICalendarProvider>();
        var inside = await calendars.ForNodeAsync(await app.NodePathAsync("GD-SZ-NS"));
        var outside = await calendars.ForNodeAsync(await app.NodePathAsync("GD-GZ"));
        var saturday = new DateOnly(2026, 3, 7);
        Assert.True(inside.IsWorkingDay(saturday));
        Assert.False(outside.IsWorkingDay(saturday));
        Assert.Equal(new TimeOnly(8, 30), inside.Hours[0].Start);
        Assert.Equal(new TimeOnly(9, 0), outside.Hours[0].Start);
        Assert.True(inside.IsHoliday(new DateOnly(2026, 10, 1))); // the seeded national holidays apply everywhere
        Assert.True(outside.IsWorkingDay(new DateOnly(2026, 2, 28))); // and so do their make-up days

        var view = await (await api.GetAsync($"/api/v1/calendars/{nanshan}?year=2026")).ReadJsonAsync<JsonElement>();
        Assert.Equal("深圳中心支公司", view.GetProperty("hoursFrom").GetString());
        Assert.False(view.GetProperty("ownHours").GetBoolean());
        var day = view.GetProperty("days").EnumerateArray().Single(d => d.GetProperty("date").GetString() == "2026-03-07");
        Assert.Equal("MakeUpWorkday", day.GetProperty("kind").GetString());
        Assert.False(day.GetProperty("own").GetBoolean());

        var duplicate = await api.PostAsJsonAsync($"/api/v1/calendars/{shenzhen}/days", new { date = "2026-03-07", kind = "Holiday", name = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var removed = await api.DeleteAsync($"/api/v1/calendars/{shenzhen}/days?date=2026-03-07");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.False((await calendars.ForNodeAsync(await app.NodePathAsync("GD-SZ-NS"))).IsWorkingDay(saturday));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Global_2026_holidays_are_seeded_once_and_the_admin_pages_render(Db db)
    {
        var app = apps.For(db);
        var global = await (await app.Api().GetAsync($"/api/v1/calendars/{Guid.Empty}?year=2026")).ReadJsonAsync<JsonElement>();
        Assert.Equal(Anxin.Domain.Clocks.ChinaHolidays2026.Days.Count, global.GetProperty("days").GetArrayLength());

        var admin = await app.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/calendar")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/admin/calendar?Node={await app.NodeIdAsync("GD")}&Year=2026")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/clock-rules")).StatusCode);
        var agent = await app.SignInAsync("agent2");
        var denied = await agent.GetAsync("/admin/calendar");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/denied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
