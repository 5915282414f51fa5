using Anxin.Domain.Common;

namespace Anxin.Domain.Claims;

/// <summary>How a fixed deductible and a percentage deductible on the same coverage combine.</summary>
public enum DeductibleCombination
{
    /// <summary>Only the greater of the two is deducted (免赔额或损失金额的 x%，以高者为准).</summary>
    GreaterOf = 1,

    /// <summary>Both apply: the percentage first, then the fixed amount (commercial motor formula ×(1−免赔率)−免赔额).</summary>
    PercentThenFixed = 2,
}

/// <summary>
/// A coverage's deductible: a fixed amount (绝对免赔额), a percentage (免赔率, 10 means 10%) of the
/// amount it is taken from, or both combined as <see cref="Combination"/> says.
/// </summary>
public sealed record Deductible(decimal FixedAmount, decimal Percent, DeductibleCombination Combination = DeductibleCombination.GreaterOf)
{
    public static Deductible None { get; } = new(0m, 0m);

    public static Deductible Fixed(decimal amount) => new(amount, 0m);

    public static Deductible OfPercent(decimal percent) => new(0m, percent);
}

/// <summary>One coverage's assessed loss and the policy terms that turn it into a payable amount (CLM-04).</summary>
public sealed record CoverageLoss
{
    /// <summary>The coverage's code or name, shown with the breakdown.</summary>
    public required string Coverage { get; init; }

    /// <summary>The assessed loss (核定损失), net of salvage.</summary>
    public required decimal AssessedLoss { get; init; }

    public Deductible Deductible { get; init; } = Deductible.None;

    /// <summary>The coverage's sum insured (保险金额/责任限额); the cap for all payments on the coverage.</summary>
    public decimal? SumInsured { get; init; }

    /// <summary>Already paid on this coverage by earlier claims or payments; reduces what is left of the sum insured.</summary>
    public decimal PaidBeforeOnCoverage { get; init; }

    /// <summary>The limit per event (每次事故赔偿限额).</summary>
    public decimal? PerEventLimit { get; init; }

    /// <summary>The insured value (保险价值); with a smaller sum insured the loss is paid in proportion (比例赔付).</summary>
    public decimal? InsuredValue { get; init; }

    /// <summary>The insured's share of liability in percent (事故责任比例, 70 for 70% at fault); null means 100.</summary>
    public decimal? LiabilitySharePercent { get; init; }
}

/// <summary>A step of the computation, in order. Reason codes are resource keys.</summary>
public enum PayableStepKind
{
    AssessedLoss = 1,
    UnderInsurance = 2,
    LiabilityShare = 3,
    PercentDeductible = 4,
    FixedDeductible = 5,
    PerEventLimit = 6,
    SumInsuredCap = 7,
    Rounding = 8,
}

/// <summary>
/// One step: <see cref="Adjustment"/> is what the step changed (negative for deductions and caps, zero
/// when a configured limit did not bind), <see cref="Amount"/> the running amount after it (unrounded
/// until the last step), <see cref="Parameter"/> the rate in percent or the limit the step applied.
/// </summary>
public sealed record PayableStep(PayableStepKind Kind, decimal Adjustment, decimal Amount, decimal? Parameter)
{
    public string ReasonCode => "Claim.Payable." + Kind;
}

public sealed record CoveragePayable(string Coverage, IReadOnlyList<PayableStep> Steps, decimal Payable);

/// <summary>Each coverage rounded once at its end; the total is the sum of those two-decimal amounts.</summary>
public sealed record PayableResult(IReadOnlyList<CoveragePayable> Coverages, decimal Total);

/// <summary>
/// The payable amount of a claim (CLM-04). The order of the steps is fixed and explicit:
/// assessed loss → under-insurance proportion (sum insured / insured value, only when below 1) →
/// liability share → deductible (percentage of the amount reached so far and/or fixed amount, see
/// <see cref="DeductibleCombination"/>), never below zero → per-event limit → what remains of the sum
/// insured after earlier payments → rounded once, half away from zero, to two decimals. All arithmetic
/// is <see cref="decimal"/>; nothing is rounded before the end.
/// </summary>
public static class PayableAmount
{
    public static PayableResult Compute(IEnumerable<CoverageLoss> coverages)
    {
        ArgumentNullException.ThrowIfNull(coverages);
        var results = coverages.Select(Compute).ToList();
        return new PayableResult(results, results.Sum(r => r.Payable));
    }

    public static CoveragePayable Compute(CoverageLoss loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        Validate(loss);
        var steps = new List<PayableStep>();
        var amount = loss.AssessedLoss;
        steps.Add(new PayableStep(PayableStepKind.AssessedLoss, amount, amount, null));

        if (loss.SumInsured is { } sumInsured && loss.InsuredValue is { } insuredValue && sumInsured < insuredValue)
        {
            var after = amount * sumInsured / insuredValue;
            steps.Add(new PayableStep(PayableStepKind.UnderInsurance, after - amount, after, sumInsured * 100m / insuredValue));
            amount = after;
        }

        if (loss.LiabilitySharePercent is { } share && share != 100m)
        {
            var after = amount * share / 100m;
            steps.Add(new PayableStep(PayableStepKind.LiabilityShare, after - amount, after, share));
            amount = after;
        }

        amount = ApplyDeductible(loss.Deductible, amount, steps);

        if (loss.PerEventLimit is { } limit)
        {
            var after = Math.Min(amount, limit);
            steps.Add(new PayableStep(PayableStepKind.PerEventLimit, after - amount, after, limit));
            amount = after;
        }

        if (loss.SumInsured is { } cap)
        {
            var remaining = Math.Max(0m, cap - loss.PaidBeforeOnCoverage);
            var after = Math.Min(amount, remaining);
            steps.Add(new PayableStep(PayableStepKind.SumInsuredCap, after - amount, after, remaining));
            amount = after;
        }

        var rounded = Money.Round(amount);
        if (rounded != amount)
        {
            steps.Add(new PayableStep(PayableStepKind.Rounding, rounded - amount, rounded, null));
        }

        return new CoveragePayable(loss.Coverage, steps, rounded);
    }

    private static decimal ApplyDeductible(Deductible deductible, decimal amount, List<PayableStep> steps)
    {
        var percentPart = amount * deductible.Percent / 100m;
        var hasPercent = deductible.Percent > 0m;
        var hasFixed = deductible.FixedAmount > 0m;
        if (!hasPercent && !hasFixed)
        {
            return amount;
        }

        if (deductible.Combination == DeductibleCombination.PercentThenFixed || !(hasPercent && hasFixed))
        {
            if (hasPercent)
            {
                amount = Deduct(PayableStepKind.PercentDeductible, amount, percentPart, deductible.Percent, steps);
            }

            if (hasFixed)
            {
                amount = Deduct(PayableStepKind.FixedDeductible, amount, deductible.FixedAmount, deductible.FixedAmount, steps);
            }

            return amount;
        }

        // Greater of the two: the fixed amount wins a tie.
        return percentPart > deductible.FixedAmount
            ? Deduct(PayableStepKind.PercentDeductible, amount, percentPart, deductible.Percent, steps)
            : Deduct(PayableStepKind.FixedDeductible, amount, deductible.FixedAmount, deductible.FixedAmount, steps);
    }

    private static decimal Deduct(PayableStepKind kind, decimal amount, decimal deduction, decimal parameter, List<PayableStep> steps)
    {
        var after = Math.Max(0m, amount - deduction);
        steps.Add(new PayableStep(kind, after - amount, after, parameter));
        return after;
    }

    private static void Validate(CoverageLoss loss)
    {
        if (string.IsNullOrWhiteSpace(loss.Coverage))
        {
            throw new DomainException(ValidationCodes.Required, nameof(CoverageLoss.Coverage));
        }

        NotNegative(loss.AssessedLoss, nameof(CoverageLoss.AssessedLoss));
        NotNegative(loss.Deductible.FixedAmount, nameof(Deductible.FixedAmount));
        NotNegative(loss.PaidBeforeOnCoverage, nameof(CoverageLoss.PaidBeforeOnCoverage));
        NotNegative(loss.SumInsured, nameof(CoverageLoss.SumInsured));
        NotNegative(loss.PerEventLimit, nameof(CoverageLoss.PerEventLimit));
        Percent(loss.Deductible.Percent, nameof(Deductible.Percent));
        Percent(loss.LiabilitySharePercent, nameof(CoverageLoss.LiabilitySharePercent));
        if (loss.InsuredValue is <= 0m)
        {
            throw new DomainException("Claim.Payable.Negative", nameof(CoverageLoss.InsuredValue));
        }

        if (!Enum.IsDefined(loss.Deductible.Combination))
        {
            throw new DomainException(ValidationCodes.Required, nameof(Deductible.Combination));
        }
    }

    private static void NotNegative(decimal? value, string field)
    {
        if (value is < 0m)
        {
            throw new DomainException("Claim.Payable.Negative", field);
        }
    }

    private static void Percent(decimal? value, string field)
    {
        if (value is < 0m or > 100m)
        {
            throw new DomainException("Claim.Payable.PercentRange", field);
        }
    }
}
