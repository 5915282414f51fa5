using Anxin.Data;
using Anxin.Domain.Dispatch;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Infrastructure.Demo;

/// <summary>
/// Dispatch demo rows: profiles for surveyor1–3 around Shenzhen and Guangzhou with different
/// skills, insurers and presence, so that the dispatch board has someone to recommend.
/// </summary>
public static class DispatchDemoData
{
    private static readonly (string User, SurveyorSkills Skills, double Lat, double Lng, int Cap, SurveyorPresence Presence, string? Insurer)[] Surveyors =
    [
        // 刘勘, 深圳福田: motor and personal injury, every insurer.
        ("surveyor1", SurveyorSkills.Motor | SurveyorSkills.PersonalInjury, 22.5431, 114.0579, 5, SurveyorPresence.OnShift, null),
        // 何勘, 广州天河: property and liability adjuster (and motor), every insurer.
        ("surveyor2", SurveyorSkills.Motor | SurveyorSkills.Property | SurveyorSkills.Liability, 23.1291, 113.2644, 4, SurveyorPresence.OnShift, null),
        // 高勘, 深圳南山: motor only, works for PAIC only.
        ("surveyor3", SurveyorSkills.Motor, 22.5333, 113.9304, 3, SurveyorPresence.OnShift, "PAIC"),
    ];

    public static async Task SeedAsync(AnxinDbContext db, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var insurers = await db.Insurers.IgnoreQueryFilters().ToDictionaryAsync(i => i.Code, i => i.Id);
        foreach (var s in Surveyors)
        {
            var staff = await (from u in db.Users
                               join st in db.Staff.IgnoreQueryFilters() on u.StaffId equals st.Id
                               where u.UserName == s.User
                               select st).SingleAsync();
            var profile = SurveyorProfile.Create(staff, s.Skills, GeoPoint.Create(s.Lat, s.Lng).Value, s.Cap,
                s.Insurer is null ? null : [insurers[s.Insurer]]);
            profile.ChangePresence(s.Presence, now);
            db.SurveyorProfiles.Add(profile);
        }

        await db.SaveChangesAsync();
    }
}
