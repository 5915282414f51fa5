using Anxin.Domain.Claims;
using Anxin.Domain.Common;

namespace Anxin.Domain.Tests.Claims;

public sealed class PayableAmountTests
{
    private static CoverageLoss Loss(decimal amount) => new() { Coverage = "车损", AssessedLoss = amount };

    [Fact]
    public void A_fixed_deductible_is_subtracted_from_the_loss()
    {
        var result = PayableAmount.Compute(Loss(10_000m) with { Deductible = Deductible.Fixed(1_000m) });

        Assert.Equal(9_000m, result.Payable);
        Assert.Equal(
            [PayableStepKind.AssessedLoss, PayableStepKind.FixedDeductible],
            result.Steps.Select(s => s.Kind));
        Assert.Equal(-1_000m, result.Steps[1].Adjustment);
        Assert.Equal("Claim.Payable.FixedDeductible", result.Steps[1].ReasonCode);
    }

    [Fact]
    public void A_percentage_deductible_is_taken_from_the_amount_after_the_liability_share()
    {
        var result = PayableAmount.Compute(Loss(10_000m) with { LiabilitySharePercent = 70m, Deductible = Deductible.OfPercent(10m) });

        // 10,000 × 70% = 7,000; × (1 − 10%) = 6,300 (commercial motor formula).
        Assert.Equal(6_300m, result.Payable);
        Assert.Equal(-700m, result.Steps.Single(s => s.Kind == PayableStepKind.PercentDeductible).Adjustment);
    }

    [Theory]
    [InlineData(3_000, 2_500, PayableStepKind.FixedDeductible)]
    [InlineData(8_000, 7_200, PayableStepKind.PercentDeductible)]
    [InlineData(5_000, 4_500, PayableStepKind.FixedDeductible)]
    public void With_greater_of_only_the_larger_deductible_applies(int loss, int payable, PayableStepKind applied)
    {
        var result = PayableAmount.Compute(Loss(loss) with { Deductible = new Deductible(500m, 10m, DeductibleCombination.GreaterOf) });

        Assert.Equal(payable, result.Payable);
        Assert.Equal(applied, Assert.Single(result.Steps, s => s.Kind is PayableStepKind.FixedDeductible or PayableStepKind.PercentDeductible).Kind);
    }

    [Fact]
    public void With_percent_then_fixed_both_deductibles_apply_in_that_order()
    {
        var result = PayableAmount.Compute(Loss(10_000m) with { Deductible = new Deductible(500m, 10m, DeductibleCombination.PercentThenFixed) });

        Assert.Equal(8_500m, result.Payable);
    }

    [Fact]
    public void A_deductible_larger_than_the_loss_leaves_nothing_payable()
    {
        Assert.Equal(0m, PayableAmount.Compute(Loss(800m) with { Deductible = Deductible.Fixed(1_000m) }).Payable);
    }

    [Fact]
    public void The_sum_insured_caps_the_payment_including_what_was_already_paid_on_the_coverage()
    {
        var result = PayableAmount.Compute(Loss(8_000m) with { SumInsured = 50_000m, PaidBeforeOnCoverage = 45_000m });

        Assert.Equal(5_000m, result.Payable);
        var cap = result.Steps.Single(s => s.Kind == PayableStepKind.SumInsuredCap);
        Assert.Equal((-3_000m, 5_000m), (cap.Adjustment, cap.Parameter!.Value));
    }

    [Fact]
    public void The_per_event_limit_caps_the_payment()
    {
        var result = PayableAmount.Compute(Loss(30_000m) with { PerEventLimit = 20_000m, SumInsured = 100_000m });

        Assert.Equal(20_000m, result.Payable);
        Assert.Equal(-10_000m, result.Steps.Single(s => s.Kind == PayableStepKind.PerEventLimit).Adjustment);
        Assert.Equal(0m, result.Steps.Single(s => s.Kind == PayableStepKind.SumInsuredCap).Adjustment);
    }

    [Fact]
    public void Under_insurance_pays_in_proportion_of_sum_insured_to_insured_value()
    {
        var result = PayableAmount.Compute(Loss(100_000m) with { SumInsured = 600_000m, InsuredValue = 1_000_000m, Deductible = Deductible.Fixed(1_000m) });

        // 100,000 × 60% = 60,000; − 1,000 deductible.
        Assert.Equal(59_000m, result.Payable);
        Assert.Equal(60m, result.Steps.Single(s => s.Kind == PayableStepKind.UnderInsurance).Parameter);
    }

    [Fact]
    public void Full_insurance_has_no_proportional_step()
    {
        var result = PayableAmount.Compute(Loss(100_000m) with { SumInsured = 1_000_000m, InsuredValue = 1_000_000m });

        Assert.DoesNotContain(result.Steps, s => s.Kind == PayableStepKind.UnderInsurance);
        Assert.Equal(100_000m, result.Payable);
    }

    [Fact]
    public void Rounding_happens_once_at_the_end()
    {
        // 100 × 33.335% = 33.335; × 90% = 30.0015 → 30.00. Rounding each step would give 33.34 × 90% = 30.006 → 30.01.
        var result = PayableAmount.Compute(Loss(100m) with { LiabilitySharePercent = 33.335m, Deductible = Deductible.OfPercent(10m) });

        Assert.Equal(30.00m, result.Payable);
        Assert.Equal(33.335m, result.Steps.Single(s => s.Kind == PayableStepKind.LiabilityShare).Amount);
        Assert.Equal(PayableStepKind.Rounding, result.Steps[^1].Kind);
    }

    [Fact]
    public void Rounding_is_half_away_from_zero()
    {
        Assert.Equal(0.01m, PayableAmount.Compute(Loss(0.01m) with { LiabilitySharePercent = 50m }).Payable);
        Assert.Equal(2.35m, PayableAmount.Compute(Loss(4.69m) with { LiabilitySharePercent = 50m }).Payable);
    }

    [Fact]
    public void The_total_adds_each_coverage_rounded_once()
    {
        var result = PayableAmount.Compute(
        [
            Loss(10_000m) with { Deductible = Deductible.Fixed(500m) },
            new CoverageLoss { Coverage = "三者", AssessedLoss = 20_000m, LiabilitySharePercent = 70m, PerEventLimit = 10_000m },
        ]);

        Assert.Equal([9_500m, 10_000m], result.Coverages.Select(c => c.Payable));
        Assert.Equal(19_500m, result.Total);
    }

    [Theory]
    [InlineData(-1, 0, 0, nameof(CoverageLoss.AssessedLoss), "Claim.Payable.Negative")]
    [InlineData(100, -5, 0, nameof(Deductible.FixedAmount), "Claim.Payable.Negative")]
    [InlineData(100, 0, 101, nameof(Deductible.Percent), "Claim.Payable.PercentRange")]
    public void Impossible_inputs_are_field_errors(int loss, int fixedDeductible, int percent, string field, string code)
    {
        var e = Assert.Throws<DomainException>(() => PayableAmount.Compute(Loss(loss) with { Deductible = new Deductible(fixedDeductible, percent) }));

        Assert.Equal((code, field), (e.Code, e.Field));
    }
}
