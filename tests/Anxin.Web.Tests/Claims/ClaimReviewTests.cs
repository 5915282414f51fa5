using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Claims;
using Anxin.Domain.Messaging;
using Anxin.Web.Features.Claims;
using Anxin.Web.Tests.Clocks;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anxin.Web.Tests.Claims;

/// <summary>
/// CLM-10 review sampling through HTTP: the draw at closing (fixed by the test), the value threshold, the rules API and page, and the
/// callback team's beneficiary checks — answers, unanswered calls, and the flag on the claim when a problem comes to light.
/// The demo rule for Guangdong: 10% at random, always from ¥20,000, callbacks by 坐席一组 (agent1).
/// </summary>
public sealed class ClaimReviewTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_paid_claim_is_picked_at_closing_when_the_draw_falls_under_the_percentage_and_the_callback_team_sees_it(Db db)
    {
        var app = apps.For(db);
        var missed = await ClosePaidClaimAsync(app, WithDraw(app, 0.10), 3_000m);
        Assert.Equal(JsonValueKind.Null, missed.GetProperty("review").ValueKind);
        Assert.False(await app.WithDbAsync(d => d.BeneficiaryChecks.IgnoreQueryFilters().AnyAsync(b => b.ClaimId == missed.Id())));

        var picked = await ClosePaidClaimAsync(app, WithDraw(app, 0.0999), 3_000m);
        Assert.Equal(("Random", "Open", false), (picked.GetProperty("review").GetProperty("reason").GetString(),
            picked.GetProperty("review").GetProperty("status").GetString(), picked.GetProperty("review").GetProperty("problemFound").GetBoolean()));

        var agent = await app.SignInAsync("agent1");
        var list = await (await agent.GetAsync($"/api/v1/claim-review/checks?q={picked.Number()}")).ReadJsonAsync<JsonElement>();
        var check = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal((3_000m, "Random"), (check.GetProperty("paidAmount").GetDecimal(), check.GetProperty("reason").GetString()));
        Assert.Contains("****", check.GetProperty("beneficiaryMobile").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("claims1")).GetAsync("/api/v1/claim-review/checks")).StatusCode);
        Assert.Empty((await (await (await app.SignInAsync("xhservice")).GetAsync($"/api/v1/claim-review/checks?q={picked.Number()}"))
            .ReadJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray());

        var page = await agent.GetPageAsync("/claims/reviews");
        Assert.NotNull(page.QuerySelector($"[data-testid=review-table] tr[data-claim='{picked.Number()}'] a[href='/claims/reviews/{check.Id()}']"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_claim_paid_at_or_above_the_threshold_is_always_picked_whatever_the_draw(Db db)
    {
        var app = apps.For(db);
        var claim = await ClosePaidClaimAsync(app, WithDraw(app, 0.999), 20_000m);
        Assert.Equal("ValueThreshold", claim.GetProperty("review").GetProperty("reason").GetString());
        var timeline = await (await (await app.SignInAsync("claims1")).GetAsync($"/api/v1/claims/{claim.Id()}/timeline")).ReadJsonAsync<JsonElement>();
        Assert.Contains("ClaimSampledForReview", timeline.EnumerateArray().Select(e => e.GetProperty("type").GetString()));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task An_answer_revealing_a_problem_flags_the_claim_and_tells_its_handler(Db db)
    {
        var app = apps.For(db);
        var claim = await ClosePaidClaimAsync(app, WithDraw(app, 0.0), 2_500m);
        var agent = await app.SignInAsync("agent1");
        var checkId = claim.GetProperty("review").GetProperty("id").GetGuid();
        var check = await (await agent.GetAsync($"/api/v1/claim-review/checks/{checkId}")).ReadJsonAsync<JsonElement>();

        var incomplete = await agent.PostAsJsonAsync($"/api/v1/claim-review/checks/{checkId}/answer", new { repairDone = true });
        Assert.Equal(["Validation.Required"], (await incomplete.CodesAsync())["askedToPay"]);
        var amountWithoutAsk = await agent.PostAsJsonAsync($"/api/v1/claim-review/checks/{checkId}/answer",
            new { repairDone = true, askedToPay = false, amountAskedFor = 100m });
        Assert.Equal(["Claim.Review.AmountAskedInvalid"], (await amountWithoutAsk.CodesAsync())["amountAskedFor"]);

        var answered = await agent.PostAsJsonAsync($"/api/v1/claim-review/checks/{checkId}/answer",
            new { repairDone = true, askedToPay = true, amountAskedFor = 800m, notes = "修理厂要求另付800元工时费", version = check.Version() });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var result = await answered.ReadJsonAsync<JsonElement>();
        Assert.Equal(("Answered", true), (result.GetProperty("status").GetString(), result.GetProperty("problemFound").GetBoolean()));
        var again = await agent.PostAsJsonAsync($"/api/v1/claim-review/checks/{checkId}/answer",
            new { repairDone = true, askedToPay = false, version = check.Version() });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var finished = await agent.PostAsJsonAsync($"/api/v1/claim-review/checks/{checkId}/no-answer", new { notes = "x" });
        Assert.Equal(("Claim.Review.CheckNotOpen", HttpStatusCode.Conflict),
            ((await finished.ReadJsonAsync<JsonElement>()).GetProperty("code").GetString(), finished.StatusCode));

        // The claim is flagged: on its page, in the queue's flagged filter, on its timeline; its handler has a notice.
        var handler = await app.SignInAsync("claims1");
        claim = await handler.GetClaimAsync(claim.Id());
        Assert.True(claim.GetProperty("review").GetProperty("problemFound").GetBoolean());
        Assert.NotNull((await handler.GetPageAsync($"/claims/{claim.Id()}")).QuerySelector("[data-testid=flag-review]"));
        var queue = await (await handler.GetAsync($"/api/v1/claims?queue=Mine&flagged=true&q={claim.Number()}")).ReadJsonAsync<JsonElement>();
        Assert.True(Assert.Single(queue.GetProperty("items").EnumerateArray()).GetProperty("reviewProblem").GetBoolean());
        var timeline = await (await handler.GetAsync($"/api/v1/claims/{claim.Id()}/timeline")).ReadJsonAsync<JsonElement>();
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("type").GetString() == "ClaimReviewProblemFound"
            && e.GetProperty("detail").GetString()!.Contains("被要求支付费用", StringComparison.Ordinal));
        var handlerUser = await app.DemoUserAsync("claims1");
        var notice = await app.WithDbAsync(d => d.Outbox.Where(m => m.TemplateCode == "Claim.ReviewProblem" && m.Recipient == handlerUser.UserId.ToString()
            && m.Channel == MessageChannel.InApp).ToListAsync());
        Assert.Contains(notice, m => JsonDocument.Parse(m.Parameters).RootElement.GetProperty("claimNumber").GetString() == claim.Number());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task On_the_check_page_the_agent_reveals_the_number_and_three_unanswered_calls_make_it_unreachable(Db db)
    {
        var app = apps.For(db);
        var claim = await ClosePaidClaimAsync(app, WithDraw(app, 0.0), 1_800m);
        var checkId = claim.GetProperty("review").GetProperty("id").GetGuid();
        var agent = await app.SignInAsync("agent1");
        var url = $"/claims/reviews/{checkId}";

        var revealed = await (await agent.PostFormAsync($"{url}?handler=Reveal", [], url)).ReadHtmlAsync();
        Assert.Matches(@"^1\d{10}$", revealed.QuerySelector("[data-testid=mobile]")!.TextContent.Trim());
        Assert.True(await app.WithDbAsync(d => d.AuditEntries.AnyAsync(a => a.Action == "PersonalDataRevealed" && a.EntityId == checkId.ToString())));

        for (var call = 1; call <= BeneficiaryCheck.MaxAttempts; call++)
        {
            var page = await agent.GetPageAsync(url);
            var version = page.QuerySelector("[data-testid=no-answer-form] input[name=version]")!.GetAttribute("value")!;
            var posted = await agent.PostFormAsync($"{url}?handler=NoAnswer", new() { ["notes"] = $"第{call}次未接通", ["version"] = version }, url);
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        var done = await agent.GetPageAsync(url);
        Assert.Equal("无法联系", done.QuerySelector("[data-testid=check-status]")!.TextContent.Trim());
        Assert.Null(done.QuerySelector("[data-testid=answer-form]"));
        Assert.Null(done.QuerySelector("[data-testid=check-problem]"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_manager_sets_a_narrower_rule_that_wins_for_its_scope_and_line(Db db)
    {
        var app = apps.For(db);
        var manager = await app.SignInAsync("gdmanager");
        var clm = await app.NodeIdAsync("GD-CLM");
        var team = await app.NodeIdAsync("GD-CC-T1");

        var bad = await manager.PostAsJsonAsync("/api/v1/claim-review/rules", new { scopeNodeId = clm, line = "Motor", percent = 150m, callbackTeamNodeId = team });
        Assert.Equal(["Claim.Review.PercentRange"], (await bad.CodesAsync())["percent"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("claims1")).GetAsync("/api/v1/claim-review/rules")).StatusCode);

        var created = await manager.PostAsJsonAsync("/api/v1/claim-review/rules", new { scopeNodeId = clm, line = "Motor", percent = 0m, valueThreshold = 1_000m, callbackTeamNodeId = team });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rule = await created.ReadJsonAsync<JsonElement>();
        try
        {
            var duplicate = await manager.PostAsJsonAsync("/api/v1/claim-review/rules", new { scopeNodeId = clm, line = "Motor", percent = 1m, callbackTeamNodeId = team });
            Assert.Equal(["Claim.Review.RuleExists"], (await duplicate.CodesAsync())["line"]);

            // 1,500 is under the branch's 20,000 but over this rule's 1,000: picked, whatever the draw.
            var claim = await ClosePaidClaimAsync(app, WithDraw(app, 0.999), 1_500m);
            Assert.Equal("ValueThreshold", claim.GetProperty("review").GetProperty("reason").GetString());

            var changed = await manager.PutAsJsonAsync($"/api/v1/claim-review/rules/{rule.Id()}", new { percent = 2.5m, valueThreshold = 5_000m, callbackTeamNodeId = team, version = rule.Version() });
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            var stale = await manager.PutAsJsonAsync($"/api/v1/claim-review/rules/{rule.Id()}", new { percent = 3m, callbackTeamNodeId = team, version = rule.Version() });
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

            var page = await manager.GetPageAsync("/admin/claim-review");
            Assert.Equal("2.5", page.QuerySelector($"tr[data-rule='{rule.Id()}'] input[name=percent]")!.GetAttribute("value"));
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/claim-review/rules/{rule.Id()}")).StatusCode);
        }
    }

    private static WebApplicationFactory<Program> WithDraw(AnxinAppFactory app, double draw) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IReviewDraw>(new FixedDraw(draw))));

    /// <summary>claims1 takes a fresh claim to payment of <paramref name="amount"/> (approved by the branch manager) and closes it through <paramref name="node"/>.</summary>
    private static async Task<JsonElement> ClosePaidClaimAsync(AnxinAppFactory app, WebApplicationFactory<Program> node, decimal amount)
    {
        var handler = await node.LogInAsync("claims1");
        var claim = await handler.ReceiveAllAsync(await app.OpenClaimAsync(handler));
        var id = claim.Id();
        claim = await handler.StepAsync(id, "accept", new { amount });
        if (claim.Status() == "PendingApproval")
        {
            claim = await (await node.LogInAsync("gdmanager")).StepAsync(id, "approval/approve", new { version = claim.Version() });
        }

        claim = await handler.StepAsync(id, "agreement");
        claim = await handler.StepAsync(id, "payments", new { payeeName = "李报案", method = "BankTransfer", bankCard = ClaimTestKit.NewBankCard() });
        return await handler.StepAsync(id, "close");
    }

    private sealed class FixedDraw(double value) : IReviewDraw
    {
        public double Next() => value;
    }
}
