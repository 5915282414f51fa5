using System.Globalization;
using Anxin.Domain.Common;
using Anxin.Domain.Dispatch;
using Anxin.Domain.Organisation;

namespace Anxin.Bench;

/// <summary>
/// Surveyors as dispatch sees them: a member of staff (position 查勘员), a
/// <see cref="SurveyorProfile"/> built by the domain (skills, base, load cap, insurers served,
/// presence, open assignments) and for most a last reported <see cref="SurveyorPosition"/>.
/// The mix: nine in ten hold motor, a third property, a fifth liability, one in eight personal
/// injury; 70 % on shift, 10 % on a break, 20 % offline; load 0 to cap; 30 % serve only some
/// insurers; 60 % reported a position just now, 15 % hours ago (stale), the rest never.
/// </summary>
public static class SurveyorData
{
    /// <summary>Where positions are drawn when no box is given: the Pearl River Delta (Guangdong branch's ground).</summary>
    public static readonly (double MinLat, double MaxLat, double MinLng, double MaxLng) PearlRiverDelta = (21.8, 24.2, 112.0, 115.2);

    public sealed record Rows(List<object> Staff, List<object> Profiles, List<object> Positions);

    public static Rows Create(FakeData fake, IReadOnlyList<OrgNode> nodes, int count, IReadOnlyList<Insurer> insurers, DateTimeOffset now,
        (double MinLat, double MaxLat, double MinLng, double MaxLng) box, int numberFrom = 0)
    {
        var rows = new Rows(new List<object>(count), new List<object>(count), new List<object>(count));
        GeoPoint Point() => GeoPoint.Create(box.MinLat + (fake.Random.NextDouble() * (box.MaxLat - box.MinLat)),
            box.MinLng + (fake.Random.NextDouble() * (box.MaxLng - box.MinLng))).Value;

        for (var i = 0; i < count; i++)
        {
            var staff = Staff.Create("S" + (numberFrom + i).ToString("D6", CultureInfo.InvariantCulture), fake.Name(), fake.Pick(nodes));
            staff.UpdateContact("查勘员", MobileNumber.Create(fake.Mobile()).Value, null, null);
            var skills = SurveyorSkills.None;
            skills |= fake.Random.Next(10) < 9 ? SurveyorSkills.Motor : SurveyorSkills.None;
            skills |= fake.Random.Next(3) == 0 ? SurveyorSkills.Property : SurveyorSkills.None;
            skills |= fake.Random.Next(5) == 0 ? SurveyorSkills.Liability : SurveyorSkills.None;
            skills |= fake.Random.Next(8) == 0 ? SurveyorSkills.PersonalInjury : SurveyorSkills.None;
            if (skills == SurveyorSkills.None)
            {
                skills = SurveyorSkills.Property;
            }

            var serves = fake.Random.Next(10) < 3 && insurers.Count > 0
                ? insurers.Where(_ => fake.Random.Next(2) == 0).Select(x => x.Id).ToList()
                : null;
            var cap = 3 + fake.Random.Next(6);
            var profile = SurveyorProfile.Create(staff, skills, Point(), cap, serves);
            var presence = fake.Random.Next(10) switch
            {
                < 7 => SurveyorPresence.OnShift,
                < 8 => SurveyorPresence.OnBreak,
                _ => SurveyorPresence.Offline,
            };
            if (presence != SurveyorPresence.Offline)
            {
                profile.ChangePresence(SurveyorPresence.OnShift, now.AddHours(-fake.Random.Next(1, 8)));
                var load = fake.Random.Next(cap + 1);
                for (var l = 0; l < load; l++)
                {
                    profile.TakeAssignment();
                }

                profile.ChangePresence(presence, now.AddMinutes(-fake.Random.Next(0, 30)));
            }

            rows.Staff.Add(staff);
            rows.Profiles.Add(profile);
            switch (fake.Random.Next(20))
            {
                case < 12:
                    rows.Positions.Add(SurveyorPosition.Create(staff.Id, Point(), now));
                    break;
                case < 15:
                    rows.Positions.Add(SurveyorPosition.Create(staff.Id, Point(), now.AddHours(-3)));
                    break;
            }
        }

        return rows;
    }
}
