using Anxin.Domain.Common;
using Anxin.Domain.Policies;

namespace Anxin.Domain.Tests.Policies;

public sealed class PolicyDraftTests
{
    [Fact]
    public void A_complete_motor_draft_has_no_errors_and_registers_with_catalogue_perils()
    {
        var draft = PolicyTestData.MotorDraft();

        Assert.Empty(draft.Validate());
        var policy = Policy.Register(draft, null, null, PolicyTestData.Node);
        Assert.Equal("粤B12345", policy.Plate);
        Assert.Contains(Peril.Collision, policy.Coverages.Single(c => c.Code == "VD").CoveredPerils);
        Assert.Equal(PolicyStatus.InForce, policy.Status);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_field()
    {
        var draft = new PolicyDraft("BAD NUMBER!", ProductLine.Motor, "", "123", "李四", "11010519491231002Y",
            PolicyTestData.Start, PolicyTestData.Start.AddDays(-1), -1m, "XX12345", "ABC", null, null,
            [new("VD", null, 0m), new("VD", null, 100m)]);

        var fields = draft.Validate().Select(e => e.Field).ToHashSet();

        Assert.Superset(new HashSet<string> { "Number", "HolderName", "HolderMobile", "InsuredIdNumber", "EndsAt", "Premium", "Plate", "Vin", "Coverages[0].SumInsured", "Coverages" }, fields);
    }

    [Fact]
    public void A_motor_policy_needs_a_plate_or_vin_and_property_an_address()
    {
        var motor = PolicyTestData.MotorDraft() with { Plate = null, Vin = null };
        var property = PolicyTestData.MotorDraft() with { Line = ProductLine.Property, Plate = null, Coverages = [new("PROP", null, 500_000m)] };

        Assert.Contains(motor.Validate(), e => e.Code == "Policy.MotorNeedsVehicle");
        Assert.Contains(property.Validate(), e => e.Code == "Policy.PropertyNeedsAddress");
    }

    [Fact]
    public void An_unknown_coverage_code_needs_its_perils_named()
    {
        var ex = Assert.Throws<DomainException>(() => Coverage.Create("XYZ", "自定义", 1000m));
        var named = Coverage.Create("XYZ", "自定义", 1000m, perils: [Peril.Fire]);

        Assert.Equal("Policy.CoverageUnknown", ex.Code);
        Assert.True(named.Covers(Peril.Fire));
    }

    [Theory]
    [InlineData("LVSHCAMB1CE012345", true)]
    [InlineData("LVSHCAMB1CE01234", false)]
    [InlineData("LVSHCAMB1CE01234O", false)]
    public void A_vin_has_17_characters_without_I_O_Q(string vin, bool valid) => Assert.Equal(valid, PolicyDraft.IsVin(vin));

    [Fact]
    public void Termination_outside_the_period_is_refused()
    {
        var policy = PolicyTestData.Motor();

        var ex = Assert.Throws<DomainException>(() => policy.Terminate(PolicyStatus.Cancelled, PolicyTestData.Start.AddYears(2)));

        Assert.Equal("Policy.TerminationOutsidePeriod", ex.Code);
    }
}
