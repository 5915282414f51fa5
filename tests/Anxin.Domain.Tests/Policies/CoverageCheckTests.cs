using Anxin.Domain.Policies;

namespace Anxin.Domain.Tests.Policies;

public sealed class CoverageCheckTests
{
    [Fact]
    public void A_collision_inside_the_period_on_a_vehicle_damage_policy_is_covered()
    {
        var policy = PolicyTestData.Motor();

        var result = CoverageCheck.Check(policy, PolicyTestData.Start.AddDays(100), Peril.Collision);

        Assert.Equal(CoverageOutcome.Covered, result.Outcome);
        Assert.Equal(["VD"], result.CoverageCodes);
        Assert.Contains(result.Reasons, r => r.Code == "Coverage.InForce");
        Assert.Contains(result.Reasons, r => r.Code == "Coverage.PerilCovered" && r.Argument!.Contains("VD", StringComparison.Ordinal));
        Assert.True(result.PolicyVerified);
    }

    [Fact]
    public void A_loss_after_the_period_ends_is_not_in_force()
    {
        var policy = PolicyTestData.Motor();

        var result = CoverageCheck.Check(policy, PolicyTestData.Start.AddYears(1).AddMinutes(1), Peril.Collision);

        Assert.Equal(CoverageOutcome.NotInForce, result.Outcome);
        Assert.Contains(result.Reasons, r => r.Code == "Coverage.AfterEnd");
    }

    [Fact]
    public void A_loss_before_cover_starts_is_not_in_force()
    {
        var result = CoverageCheck.Check(PolicyTestData.Motor(), PolicyTestData.Start.AddSeconds(-1), Peril.Collision);

        Assert.Equal(CoverageOutcome.NotInForce, result.Outcome);
        Assert.Contains(result.Reasons, r => r.Code == "Coverage.BeforeStart");
    }

    [Fact]
    public void A_loss_after_the_policy_lapsed_is_not_in_force_though_inside_the_period()
    {
        var policy = PolicyTestData.Motor();
        policy.Terminate(PolicyStatus.Lapsed, PolicyTestData.Start.AddMonths(3));

        var before = CoverageCheck.Check(policy, PolicyTestData.Start.AddMonths(2), Peril.Collision);
        var after = CoverageCheck.Check(policy, PolicyTestData.Start.AddMonths(4), Peril.Collision);

        Assert.Equal(CoverageOutcome.Covered, before.Outcome);
        Assert.Equal(CoverageOutcome.NotInForce, after.Outcome);
        Assert.Contains(after.Reasons, r => r.Code == "Coverage.Lapsed");
    }

    [Fact]
    public void A_peril_no_coverage_names_is_not_covered_even_when_in_force()
    {
        var policy = PolicyTestData.Motor(new CoverageDraft("TPL", null, 1_000_000m));

        var result = CoverageCheck.Check(policy, PolicyTestData.Start.AddDays(10), Peril.Theft);

        Assert.Equal(CoverageOutcome.PerilNotCovered, result.Outcome);
        Assert.Empty(result.CoverageCodes);
        Assert.Contains(result.Reasons, r => r.Code == "Coverage.PerilNotCovered" && r.Argument == "Theft");
    }

    [Fact]
    public void An_unknown_policy_is_accepted_as_unverified()
    {
        var result = CoverageCheck.Check(null, PolicyTestData.Start, Peril.Collision);

        Assert.Equal(CoverageOutcome.PolicyNotFound, result.Outcome);
        Assert.False(result.PolicyVerified);
        Assert.Equal("Coverage.PolicyNotFound", Assert.Single(result.Reasons).Code);
    }

    [Fact]
    public void The_end_of_the_period_is_exclusive_and_the_start_inclusive()
    {
        var policy = PolicyTestData.Motor();

        Assert.True(policy.IsInForceAt(PolicyTestData.Start));
        Assert.False(policy.IsInForceAt(PolicyTestData.Start.AddYears(1)));
    }
}
