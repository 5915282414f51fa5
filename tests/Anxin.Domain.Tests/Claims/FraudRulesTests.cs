using Anxin.Domain.Claims;
using static Anxin.Domain.Tests.Claims.ClaimKit;

namespace Anxin.Domain.Tests.Claims;

/// <summary>Claims fraud indicators (CLM-08) over plain facts.</summary>
public sealed class FraudRulesTests
{
    private static int _sequence;

    private static ClaimFacts Facts(string claimant = "110105194912310021", string? insured = "粤B12345", string? card = null,
        DateTimeOffset? lossAt = null, DateTimeOffset? coverStartsAt = null) =>
        new(Guid.CreateVersion7(), "LP" + Interlocked.Increment(ref _sequence).ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
            claimant, insured, card, lossAt ?? Local(11, 1), coverStartsAt);

    [Fact]
    public void Three_claims_on_one_object_within_a_year_are_flagged_with_the_other_claim_numbers()
    {
        var claim = Facts(lossAt: Local(11, 1));
        var earlier = new[] { Facts(insured: "粤B 12345", lossAt: Local(3, 1)), Facts(insured: "粤b12345", lossAt: Local(6, 1)) };

        var finding = FraudRules.CheckRepeatedClaims(claim, earlier);

        Assert.NotNull(finding);
        Assert.Equal(FraudRules.RepeatedClaims, finding.RuleCode);
        Assert.Equal(earlier[0].ClaimNumber + "," + earlier[1].ClaimNumber, finding.Detail);
        Assert.Equal(earlier.Select(e => e.ClaimId), finding.RelatedClaimIds);
    }

    [Fact]
    public void Claims_outside_the_window_or_on_other_objects_do_not_count()
    {
        var claim = Facts(lossAt: Local(11, 1));
        ClaimFacts[] others = [Facts(lossAt: Local(10, 1, year: 2025)), Facts(insured: "粤B99999", lossAt: Local(6, 1)), Facts(lossAt: Local(7, 1))];

        Assert.Null(FraudRules.CheckRepeatedClaims(claim, others));
        Assert.NotNull(FraudRules.CheckRepeatedClaims(claim, others, FraudSettings.Create(500, 3, 30)));
    }

    [Fact]
    public void The_claim_itself_is_not_counted_twice()
    {
        var claim = Facts();

        Assert.Null(FraudRules.CheckRepeatedClaims(claim, [claim, Facts(lossAt: Local(6, 1))]));
    }

    [Theory]
    [InlineData(5, FraudRules.SoonAfterInception, "5")]
    [InlineData(29, FraudRules.SoonAfterInception, "29")]
    [InlineData(30, null, null)]
    [InlineData(-2, FraudRules.LossBeforeInception, "2")]
    public void A_loss_soon_after_or_before_the_cover_started_is_flagged(int daysAfterStart, string? code, string? detail)
    {
        var start = Local(10, 1, 0);

        var finding = FraudRules.CheckInception(Facts(lossAt: start.AddDays(daysAfterStart).AddHours(3), coverStartsAt: start));

        Assert.Equal((code, detail), (finding?.RuleCode, finding?.Detail));
    }

    [Fact]
    public void The_inception_window_is_configurable()
    {
        var start = Local(10, 1, 0);

        Assert.Null(FraudRules.CheckInception(Facts(lossAt: start.AddDays(10), coverStartsAt: start), FraudSettings.Create(365, 3, 7)));
    }

    [Fact]
    public void One_bank_account_across_unrelated_claimants_is_flagged_with_a_masked_card()
    {
        var claim = Facts(claimant: "A", card: "6222 0202 0011 2233 446");
        ClaimFacts[] others = [Facts(claimant: "B", insured: "粤B00001", card: "6222020200112233446"), Facts(claimant: "A", insured: "粤B00002", card: "6222020200112233446")];

        var finding = FraudRules.CheckSharedBankAccount(claim, others);

        Assert.NotNull(finding);
        Assert.Equal([others[0].ClaimId], finding.RelatedClaimIds);
        Assert.Equal("622202*********3446:" + others[0].ClaimNumber, finding.Detail);
        Assert.DoesNotContain("6222020200112233446", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_claimant_or_a_known_repair_shop_account_is_not_flagged()
    {
        var claim = Facts(claimant: "A", card: "6217000000000000004");

        Assert.Null(FraudRules.CheckSharedBankAccount(claim, [Facts(claimant: "A", card: "6217000000000000004")]));
        Assert.Null(FraudRules.CheckSharedBankAccount(claim, [Facts(claimant: "B", card: "6217000000000000004")], FraudSettings.Create(365, 3, 30, ["6217 0000 0000 0000 004"])));
    }

    [Fact]
    public void Evaluate_returns_every_finding_and_the_claim_raises_them_as_flags()
    {
        var start = Local(10, 28, 0);
        var claim = Facts(claimant: "A", card: "6217000000000000004", lossAt: Local(11, 1), coverStartsAt: start);
        var findings = FraudRules.Evaluate(claim, [Facts(claimant: "B", insured: "x", card: "6217000000000000004")]);
        Assert.Equal([FraudRules.SoonAfterInception, FraudRules.SharedBankAccount], findings.Select(f => f.RuleCode));

        var entity = Open();
        entity.RaiseFraudFlags(findings, Local(11, 2, 11));

        Assert.Equal(2, entity.FraudFlags.Count);
        Assert.True(entity.HasBlockingFraudFlag);
    }
}
