using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Web.Tests.Clocks;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Anxin.Web.Tests.Claims;

/// <summary>The claims tiles on the home page: my open claims, approvals waiting for me, my claims past a deadline, vendor steps, callbacks.</summary>
public sealed class ClaimHomeTileTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_handler_and_the_approver_see_what_waits_for_them_on_the_home_page(Db db)
    {
        var app = apps.For(db);
        var time = new FakeTime(DateTimeOffset.UtcNow.AddMinutes(5));
        var node = app.WithTime(time);
        var before = await TilesAsync(node, "claims2");
        var approverBefore = await TilesAsync(node, "gdmanager");
        Assert.Null(Tile(await TilesAsync(node, "agent1"), "我在办的理赔"));
        Assert.NotNull(Tile(await TilesAsync(node, "agent1"), "待回访核实的理赔"));

        // claims2 opens a claim and accepts more than their limit: one more in their queue, one more for the branch manager.
        var handler = await node.LogInAsync("claims2");
        var claim = await handler.ReceiveAllAsync(await app.OpenClaimAsync(handler));
        await handler.StepAsync(claim.Id(), "accept", new { amount = 30_000m });
        var after = await TilesAsync(node, "claims2");
        Assert.Equal(Tile(before, "我在办的理赔") + 1, Tile(after, "我在办的理赔"));
        Assert.Equal(Tile(approverBefore, "待我审批的理赔") + 1, Tile(await TilesAsync(node, "gdmanager"), "待我审批的理赔"));

        // A vendor quotes on a request of theirs.
        var vendor = await (await app.SignInAsync("gdmanager")).PostAsJsonAsync("/api/v1/vendors", new
        {
            kind = "Towing", name = "首页测试拖车", creditCode = "91440300MA5F123452", contactName = "陈", contactMobile = "13912345670",
        });
        var vendorId = (await vendor.ReadJsonAsync<JsonElement>()).Id();
        var request = await (await handler.PostAsJsonAsync($"/api/v1/claims/{claim.Id()}/service-requests", new { vendorId, description = "拖车" }))
            .ReadJsonAsync<JsonElement>();
        await app.Api().PostAsJsonAsync($"/api/v1/service-requests/{request.Id()}/quote", new { amount = 300m });
        Assert.Equal(Tile(before, "供应商消息待我处理") + 1, Tile(await TilesAsync(node, "claims2"), "供应商消息待我处理"));

        // 61 days on, the claim has passed its statutory clocks (the 60-day advance-payment one still runs).
        time.Advance(TimeSpan.FromDays(61));
        var late = await TilesAsync(node, "claims2");
        Assert.True(Tile(late, "我的理赔时效已超期") >= Tile(before, "我的理赔时效已超期") + 1);
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> TilesAsync(WebApplicationFactory<Program> node, string user) =>
        await (await node.LogInAsync(user)).GetPageAsync("/");

    private static int? Tile(AngleSharp.Html.Dom.IHtmlDocument page, string label) =>
        page.QuerySelectorAll("a.card").FirstOrDefault(c => c.TextContent.Contains(label, StringComparison.Ordinal))?.QuerySelector(".fs-3")?.TextContent.Trim()
            is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
}
