using System.Text.Json;
using Anxin.Domain.Claims;
using Anxin.Domain.Clocks;
using Anxin.Web.Tests.Clocks;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Claims;

/// <summary>The statutory claim clocks (RULES.md, arts. 22–25) as the use cases drive them, on a hand-moved clock.</summary>
public sealed class ClaimClockTests(Apps apps) : IClassFixture<Apps>
{
    private static readonly WorkingCalendar Calendar = new(WorkingCalendar.StandardHours, ChinaHolidays2026.Days);

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_decision_clock_does_not_count_the_days_spent_waiting_for_missing_documents(Db db)
    {
        var app = apps.For(db);
        var time = new FakeTime(DateTimeOffset.UtcNow.AddMinutes(5));
        var node = app.WithTime(time);
        var policy = await app.SeedPolicyAsync();
        var @case = await app.ReportCaseAsync(policy.Number);
        var handler = await node.LogInAsync("claims1");
        var claim = await handler.OpenFromCaseAsync(@case.GetProperty("id").GetGuid());
        var id = claim.Id();
        var claimedAt = claim.GetProperty("claimedAt").GetDateTimeOffset();
        var before = await DecisionClockAsync(app, id);
        Assert.Equal(ClaimDeadlines.Decision(claimedAt, [], Calendar), DueDecision(claim));

        time.Advance(TimeSpan.FromDays(1));
        handler = await node.LogInAsync("claims1");
        claim = await handler.StepAsync(id, "notices");
        var noticeAt = time.GetUtcNow();
        Assert.Null(DueDecision(claim));
        Assert.Equal(ClockState.Paused, (await DecisionClockAsync(app, id)).State);

        time.Advance(TimeSpan.FromDays(10));
        handler = await node.LogInAsync("claims1");
        claim = await handler.ReceiveAllAsync(claim);
        var receivedAt = time.GetUtcNow();

        var after = await DecisionClockAsync(app, id);
        Assert.Equal(ClockState.Running, after.State);
        Assert.Equal(before.DeadlineAt.AddDays(10), after.DeadlineAt);
        Assert.Equal(ClaimDeadlines.Decision(claimedAt, [new WaitInterval(noticeAt, receivedAt)], Calendar), DueDecision(claim));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_refusal_starts_the_three_day_notice_clock_and_sending_the_notice_stops_it_in_time(Db db)
    {
        var app = apps.For(db);
        var handler = await app.SignInAsync("claims1");
        var claim = await handler.ReceiveAllAsync(await app.OpenClaimAsync(handler));
        claim = await handler.StepAsync(claim.Id(), "refuse", new { reasons = new[] { "驾驶人无有效驾驶证，属责任免除" } });
        Assert.Equal("Refused", claim.Status());
        Assert.NotNull(claim.GetProperty("dueDates").GetProperty("refusalNotice").GetString());
        var closing = await handler.ActAsync(claim.Id(), "close");
        Assert.Contains("Claim.RefusalNoticeNotSent", (await closing.CodesAsync()).Values.SelectMany(v => v));

        claim = await handler.StepAsync(claim.Id(), "refusal-notice");
        var id = claim.Id().ToString();
        var clock = await app.WithDbAsync(d => d.ServiceClocks.SingleAsync(c => c.SubjectId == id && c.RuleCode == DefaultClockRules.RefusalNotice.Code));
        Assert.Equal((ClockState.Stopped, ClockOutcome.Met), (clock.State, clock.Outcome));
        var sms = await app.WithDbAsync(d => d.Outbox.SingleAsync(m => m.TemplateCode == "Claim.Refused" && m.Parameters.Contains(claim.GetProperty("number").GetString()!)));
        Assert.Contains("驾驶证", JsonDocument.Parse(sms.Parameters).RootElement.GetProperty("reasons").GetString(), StringComparison.Ordinal);
        claim = await handler.StepAsync(claim.Id(), "close");
        Assert.Equal("Refused", claim.GetProperty("outcome").GetString());
    }

    private static DateTimeOffset? DueDecision(JsonElement claim) =>
        claim.GetProperty("dueDates").GetProperty("decision") is { ValueKind: JsonValueKind.String } due ? due.GetDateTimeOffset() : null;

    private static async Task<ServiceClock> DecisionClockAsync(AnxinAppFactory app, Guid claimId)
    {
        var id = claimId.ToString();
        return await app.WithDbAsync(d => d.ServiceClocks.SingleAsync(c => c.SubjectType == Claim.SubjectType && c.SubjectId == id
            && c.RuleCode == DefaultClockRules.ClaimDecision.Code));
    }
}
