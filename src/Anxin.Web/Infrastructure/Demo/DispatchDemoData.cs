using Anxin.Data;
using Anxin.Domain.Cases;
using Anxin.Domain.Clocks;
using Anxin.Domain.Dispatch;
using Anxin.Domain.Policies;
using Anxin.Web.Features.Cases;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Infrastructure.Demo;

/// <summary>
/// Dispatch demo rows: profiles for surveyor1–3 around Shenzhen and Guangzhou with different
/// skills, insurers and presence, a dispatch rule for PAIC, and two cases waiting for a surveyor
/// (reported by agent1, so the dispatcher sees them on the board at once).
/// </summary>
public sealed class DispatchDemoData(AnxinDbContext db, ServiceClocks clocks, IBusinessNumberGenerator numbers, TimeProvider time)
{
    private static readonly (string User, SurveyorSkills Skills, double Lat, double Lng, int Cap, string? Insurer)[] Surveyors =
    [
        // 刘勘, 深圳福田: motor and personal injury, every insurer.
        ("surveyor1", SurveyorSkills.Motor | SurveyorSkills.PersonalInjury, 22.5431, 114.0579, 5, null),
        // 何勘, 广州天河: property and liability adjuster (and motor), every insurer.
        ("surveyor2", SurveyorSkills.Motor | SurveyorSkills.Property | SurveyorSkills.Liability, 23.1291, 113.2644, 4, null),
        // 高勘, 深圳南山: motor only, works for PAIC only.
        ("surveyor3", SurveyorSkills.Motor, 22.5333, 113.9304, 3, "PAIC"),
    ];

    public async Task SeedAsync()
    {
        var now = time.GetUtcNow();
        var insurers = await db.Insurers.IgnoreQueryFilters().ToDictionaryAsync(i => i.Code, i => i.Id);
        foreach (var s in Surveyors)
        {
            var staff = await StaffOfAsync(s.User);
            var profile = SurveyorProfile.Create(staff, s.Skills, GeoPoint.Create(s.Lat, s.Lng).Value, s.Cap,
                s.Insurer is null ? null : [insurers[s.Insurer]]);
            profile.ChangePresence(SurveyorPresence.OnShift, now);
            db.SurveyorProfiles.Add(profile);
        }

        var paicRule = InsurerDispatchRule.Create(insurers["PAIC"]);
        paicRule.Change(80, 45, null, null, null);
        db.InsurerDispatchRules.Add(paicRule);
        await db.SaveChangesAsync();

        var agent = await StaffOfAsync("agent1");
        var node = await db.OrgNodes.IgnoreQueryFilters().SingleAsync(n => n.Id == agent.OrgNodeId);
        await ReportAsync(new LossReport(ProductLine.Motor, "张伟", "13800138001", null, "张伟", "13800138001", "PDAA202644030000000001", "粤B12345",
            now.AddMinutes(-20), "深圳市福田区深南大道与彩田路交叉口", 22.5410, 114.0640, Peril.Collision, "等红灯时被后车追尾，后保险杠受损。",
            "后保险杠、尾灯", false, null, "后车：粤B9X771", IntakeChannel.Phone), insurers["PICC"], agent.Id, node, now);
        await ReportAsync(new LossReport(ProductLine.Motor, "王强", "13700137003", null, "王强", "13700137003", "PDZA202644010000000003", "粤A11111",
            now.AddMinutes(-10), "深圳市南山区科技园南区高新南七道", 22.5290, 113.9520, Peril.Glass, "停放时前挡风玻璃被高空坠物砸裂。",
            "前挡风玻璃", false, null, null, IntakeChannel.Phone), insurers["PAIC"], agent.Id, node, now);
    }

    private async Task ReportAsync(LossReport report, Guid insurerId, Guid reportedBy, Domain.Organisation.OrgNode node, DateTimeOffset now)
    {
        var policy = await db.Policies.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.Number == report.PolicyNumber);
        var @case = Case.Register(await numbers.NextAsync(Case.NumberPrefix, default), report, policy, insurerId, policy?.CustomerId, null,
            reportedBy, node, now);
        db.Cases.Add(@case);
        await clocks.StartAsync(DefaultClockRules.DispatchSurveyor.Code, ReportLossHandler.SubjectType, @case.Id.ToString(), node.Id, null);
        await db.SaveChangesAsync();
    }

    private Task<Domain.Organisation.Staff> StaffOfAsync(string userName) =>
        (from u in db.Users
         join st in db.Staff.IgnoreQueryFilters() on u.StaffId equals st.Id
         where u.UserName == userName
         select st).SingleAsync();
}
