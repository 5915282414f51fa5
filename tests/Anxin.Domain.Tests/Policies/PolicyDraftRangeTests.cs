using Anxin.Domain.Common;
using Anxin.Domain.Policies;

namespace Anxin.Domain.Tests.Policies;

/// <summary>Input from forms, the API and CSV files can be absurd: it must become field errors, never an overflow.</summary>
public sealed class PolicyDraftRangeTests
{
    [Fact]
    public void Dates_at_the_ends_of_the_calendar_are_field_errors_not_overflows()
    {
        var draft = PolicyTestData.MotorDraft() with { StartsAt = DateTimeOffset.MaxValue, EndsAt = DateTimeOffset.MaxValue };
        var early = PolicyTestData.MotorDraft() with { StartsAt = DateTimeOffset.MinValue };

        var errors = draft.Validate();

        Assert.Contains(("StartsAt", "Policy.DateRange"), errors);
        Assert.Contains(("EndsAt", "Policy.DateRange"), errors);
        Assert.DoesNotContain(errors, e => e.Code is "Policy.PeriodOrder" or "Policy.PeriodTooLong");
        Assert.Contains(("StartsAt", "Policy.DateRange"), early.Validate());
    }

    [Fact]
    public void A_premium_beyond_the_money_range_or_with_fractions_of_a_fen_is_refused()
    {
        var huge = PolicyTestData.MotorDraft() with { Premium = 79_228_162_514_264_337_593_543_950_335m };
        var fraction = PolicyTestData.MotorDraft() with { Premium = 10.005m };

        Assert.Contains(("Premium", ValidationCodes.MoneyRange), huge.Validate());
        Assert.Contains(("Premium", ValidationCodes.MoneyPrecision), fraction.Validate());
    }

    [Fact]
    public void A_sum_insured_beyond_the_money_range_is_a_coverage_field_error()
    {
        var draft = PolicyTestData.MotorDraft("PDAA1", new CoverageDraft("VD", null, 1e20m));

        Assert.Contains(("Coverages[0].SumInsured", ValidationCodes.MoneyRange), draft.Validate());
    }
}
