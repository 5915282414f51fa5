using Anxin.Domain.Claims;
using Anxin.Domain.Common;
using Anxin.Domain.Policies;

namespace Anxin.Domain.Tests.Claims;

/// <summary>CLM-10 at closing: which rule applies, the draw for one claim, and the beneficiary check's answers.</summary>
public sealed class ReviewAtClosingTests
{
    private static readonly Guid Team = Guid.CreateVersion7();

    private static SamplingCandidate Paid(decimal amount) => new(Guid.CreateVersion7(), ClaimStatus.Closed, amount);

    [Theory]
    [InlineData(20_000, 0.99, SampleReason.ValueThreshold)]
    [InlineData(19_999.99, 0.99, null)]
    [InlineData(1_000, 0.0499, SampleReason.Random)]
    [InlineData(1_000, 0.05, null)]
    public void A_claim_is_reviewed_at_or_above_the_threshold_or_when_the_draw_falls_under_the_percentage(double paid, double draw, SampleReason? expected)
    {
        Assert.Equal(expected, ReviewSampling.PickAtClosing(Paid((decimal)paid), SamplingSettings.Create(5m, 20_000m), draw));
    }

    [Fact]
    public void Nothing_is_reviewed_for_a_claim_closed_without_payment_or_still_open()
    {
        var settings = SamplingSettings.Create(100m, 1m);
        Assert.Null(ReviewSampling.PickAtClosing(Paid(0m), settings, 0));
        Assert.Null(ReviewSampling.PickAtClosing(new SamplingCandidate(Guid.CreateVersion7(), ClaimStatus.Paid, 5_000m), settings, 0));
    }

    [Fact]
    public void The_deepest_scope_wins_and_there_a_rule_for_the_line_before_one_for_every_line()
    {
        var global = ReviewSamplingRule.Create(null, null, null, 5m, 50_000m, Team);
        var branch = ReviewSamplingRule.Create(Guid.CreateVersion7(), "/1/2/", null, 10m, 20_000m, Team);
        var branchMotor = ReviewSamplingRule.Create(Guid.CreateVersion7(), "/1/2/", ProductLine.Motor, 15m, 10_000m, Team);
        var other = ReviewSamplingRule.Create(Guid.CreateVersion7(), "/1/3/", ProductLine.Motor, 50m, null, Team);
        var rules = new[] { global, branch, branchMotor, other };

        Assert.Same(branchMotor, ReviewSamplingRule.For(rules, "/1/2/14/", ProductLine.Motor));
        Assert.Same(branch, ReviewSamplingRule.For(rules, "/1/2/14/", ProductLine.Property));
        Assert.Same(global, ReviewSamplingRule.For(rules, "/1/4/", ProductLine.Motor));
        Assert.Null(ReviewSamplingRule.For([branch], "/1/3/", ProductLine.Motor));
    }

    [Theory]
    [InlineData(-1, null, "Claim.Review.PercentRange")]
    [InlineData(100.5, null, "Claim.Review.PercentRange")]
    [InlineData(5.555, null, "Claim.Review.PercentRange")]
    [InlineData(5, 0.0, "Claim.Review.ThresholdInvalid")]
    [InlineData(5, 10.001, "Claim.Review.ThresholdInvalid")]
    public void Bad_settings_are_refused(double percent, double? threshold, string code)
    {
        var e = Assert.Throws<DomainException>(() => ReviewSamplingRule.Create(null, null, null, (decimal)percent, (decimal?)threshold, Team));
        Assert.Equal(code, e.Code);
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, false, true)]
    [InlineData(true, true, true)]
    public void An_answer_is_a_problem_when_the_repair_was_not_done_or_the_beneficiary_was_asked_to_pay(bool repairDone, bool askedToPay, bool problem)
    {
        var check = BeneficiaryCheck.Create(ClaimKit.Closed(), SampleReason.Random, Team, "/1/2/12/", DateTimeOffset.UtcNow);
        check.RecordAnswer(repairDone, askedToPay, askedToPay ? 800m : null, "  客户确认  ", Guid.CreateVersion7(), DateTimeOffset.UtcNow);

        Assert.Equal((BeneficiaryCheckStatus.Answered, problem, "客户确认"), (check.Status, check.ProblemFound, check.Notes));
        Assert.Throws<DomainException>(() => check.RecordNoAnswer(null, Guid.CreateVersion7(), DateTimeOffset.UtcNow));
    }

    [Fact]
    public void Both_answers_are_required_and_an_amount_only_when_asked_to_pay()
    {
        var check = BeneficiaryCheck.Create(ClaimKit.Closed(), SampleReason.Random, Team, "/1/2/12/", DateTimeOffset.UtcNow);
        var by = Guid.CreateVersion7();
        Assert.Equal("RepairDone", Assert.Throws<DomainException>(() => check.RecordAnswer(null, false, null, null, by, DateTimeOffset.UtcNow)).Field);
        Assert.Equal("AskedToPay", Assert.Throws<DomainException>(() => check.RecordAnswer(true, null, null, null, by, DateTimeOffset.UtcNow)).Field);
        Assert.Equal("Claim.Review.AmountAskedInvalid", Assert.Throws<DomainException>(() => check.RecordAnswer(true, false, 100m, null, by, DateTimeOffset.UtcNow)).Code);
        Assert.Equal(BeneficiaryCheckStatus.Open, check.Status);
    }

    [Fact]
    public void Three_calls_without_an_answer_end_the_check_as_unreachable()
    {
        var check = BeneficiaryCheck.Create(ClaimKit.Closed(), SampleReason.Random, Team, "/1/2/12/", DateTimeOffset.UtcNow);
        var by = Guid.CreateVersion7();
        check.RecordNoAnswer("无人接听", by, DateTimeOffset.UtcNow);
        check.RecordNoAnswer(null, by, DateTimeOffset.UtcNow);
        Assert.Equal((BeneficiaryCheckStatus.Open, 2, "无人接听"), (check.Status, check.Attempts, check.Notes));
        check.RecordNoAnswer("关机", by, DateTimeOffset.UtcNow);
        Assert.Equal((BeneficiaryCheckStatus.Unreachable, false), (check.Status, check.ProblemFound));
    }
}
