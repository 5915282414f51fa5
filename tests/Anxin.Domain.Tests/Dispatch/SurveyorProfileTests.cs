using Anxin.Domain.Common;
using Anxin.Domain.Dispatch;
using Anxin.Domain.Organisation;

namespace Anxin.Domain.Tests.Dispatch;

public sealed class SurveyorProfileTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly OrgNode Node = OrgNode.Create(null, 1, OrgNodeKind.HeadOffice, "HO", "总公司");
    private static readonly GeoPoint Shenzhen = GeoPoint.Create(22.5431, 114.0579).Value;

    [Fact]
    public void A_new_profile_is_offline_with_no_load_and_serves_every_insurer()
    {
        var profile = NewProfile();

        Assert.Equal(SurveyorPresence.Offline, profile.Presence);
        Assert.Equal(0, profile.ActiveLoad);
        Assert.True(profile.Serves(Guid.NewGuid()));
        Assert.Equal(Node.Path, profile.OrgPath);
    }

    [Fact]
    public void A_break_is_taken_only_from_a_shift_and_repeating_a_state_changes_nothing()
    {
        var profile = NewProfile();

        var e = Assert.Throws<DomainException>(() => profile.ChangePresence(SurveyorPresence.OnBreak, Now));
        Assert.Equal("Dispatch.Presence.BreakNeedsShift", e.Code);
        Assert.True(profile.ChangePresence(SurveyorPresence.OnShift, Now));
        Assert.False(profile.ChangePresence(SurveyorPresence.OnShift, Now.AddMinutes(1)));
        Assert.Equal(Now, profile.PresenceChangedAt);
        Assert.True(profile.ChangePresence(SurveyorPresence.OnBreak, Now.AddMinutes(2)));
        Assert.True(profile.ChangePresence(SurveyorPresence.Offline, Now.AddMinutes(3)));
    }

    [Fact]
    public void Assignments_are_refused_when_offline_or_at_the_cap_and_released_ones_free_capacity()
    {
        var profile = NewProfile(cap: 2);

        Assert.Equal("Dispatch.Surveyor.Offline", Assert.Throws<DomainException>(profile.TakeAssignment).Code);
        profile.ChangePresence(SurveyorPresence.OnShift, Now);
        profile.TakeAssignment();
        profile.TakeAssignment();
        Assert.True(profile.IsAtCapacity);
        Assert.Equal("Dispatch.Surveyor.AtCapacity", Assert.Throws<DomainException>(profile.TakeAssignment).Code);
        profile.ReleaseAssignment();
        profile.TakeAssignment();
        Assert.Equal(2, profile.ActiveLoad);
    }

    [Theory]
    [InlineData(SurveyorSkills.None, 5, "Dispatch.Skills.Required")]
    [InlineData((SurveyorSkills)64, 5, "Dispatch.Skills.Unknown")]
    [InlineData(SurveyorSkills.Motor, 0, "Dispatch.LoadCap.Range")]
    [InlineData(SurveyorSkills.Motor, SurveyorProfile.MaxLoadCap + 1, "Dispatch.LoadCap.Range")]
    public void Bad_profile_values_are_field_errors(SurveyorSkills skills, int cap, string code)
    {
        Assert.Equal(code, Assert.Throws<DomainException>(() => NewProfile(skills, cap)).Code);
    }

    [Fact]
    public void An_insurer_list_limits_whom_the_surveyor_serves_but_not_our_own_cases()
    {
        var picc = Guid.NewGuid();
        var profile = NewProfile();

        profile.Change(SurveyorSkills.Motor, Shenzhen, 5, [picc, picc, Guid.Empty]);

        Assert.Equal([picc], profile.InsurerIds);
        Assert.True(profile.Serves(picc));
        Assert.False(profile.Serves(Guid.NewGuid()));
        Assert.True(profile.Serves(null));
    }

    [Theory]
    [InlineData(91, 114, GeoPoint.LatitudeRange)]
    [InlineData(22, 181, GeoPoint.LongitudeRange)]
    [InlineData(double.NaN, 114, GeoPoint.LatitudeRange)]
    public void Coordinates_out_of_range_are_refused(double lat, double lng, string code)
    {
        Assert.Equal(code, GeoPoint.Create(lat, lng).ErrorCode);
        Assert.Equal(ValidationCodes.Required, GeoPoint.Create(null, lng).ErrorCode);
    }

    [Fact]
    public void Haversine_distance_matches_a_known_city_pair()
    {
        var guangzhou = GeoPoint.Create(23.1291, 113.2644).Value;

        Assert.InRange(Shenzhen.DistanceKmTo(guangzhou), 103, 107);
        Assert.Equal(0, Shenzhen.DistanceKmTo(Shenzhen), 6);
    }

    private static SurveyorProfile NewProfile(SurveyorSkills skills = SurveyorSkills.Motor, int cap = 5) =>
        SurveyorProfile.Create(Staff.Create("2201", "刘勘", Node), skills, Shenzhen, cap, null);
}
