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
/// skills, insurers and presence, a dispatch rule for PAIC, and two more cases waiting for a surveyor
/// with their dispatch clocks (reported by agent1, so the dispatcher sees them on the board at once).
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

        // Two more cases waiting for a surveyor, reported just now (the two of DemoCases are older and have no dispatch clock):
        // a PAIC motor case that only surveyors serving PAIC may take, and our own property case that needs a property adjuster.
        var agent = await StaffOfAsync("agent1");
        var node = await db.OrgNodes.IgnoreQueryFilters().SingleAsync(n => n.Id == agent.OrgNodeId);
        await ReportAsync(new LossReport(ProductLine.Motor, "王强", "13700137003", null, "王强", "13700137003", "PDZA202644010000000003", "粤A11111",
            now.AddMinutes(-15), "深圳市南山区科技园南区高新南七道", 22.5290, 113.9520, Peril.Collision, "倒车时与路边石墩碰撞，后保险杠凹陷。",
            "后保险杠", false, null, null, IntakeChannel.Phone), insurers["PAIC"], agent.Id, node, now);
        await ReportAsync(new LossReport(ProductLine.Property, "刘经理", "13600136004", null, "刘经理", "13600136004", "AX-PROP-2026-0001", null,
            now.AddMinutes(-30), "广东省深圳市南山区科技园南区 8 栋", 22.5350, 113.9500, Peril.WaterDamage, "楼上水管爆裂，仓库货物被水浸泡。",
            "仓库内纸箱包装货物约 200 件", false, null, null, IntakeChannel.Phone), null, agent.Id, node, now);
    }

    private async Task ReportAsync(LossReport report, Guid? insurerId, Guid reportedBy, Domain.Organisation.OrgNode node, DateTimeOffset now)
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
