using Anxin.Data;
using Anxin.Domain.Cases;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Domain.Consultations;
using Anxin.Domain.Organisation;
using Anxin.Domain.Policies;
using Anxin.Domain.Quality;
using Anxin.Domain.Requests;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Infrastructure.Demo;

/// <summary>
/// Demo consultations, a difficult case and a registration error (issue 4 §7–8): agent1 answered
/// one consultation at once and owns a case flagged as difficult for ccsupervisor, with an open
/// registration error recorded by qa; agent3 owes a caller a reply within a working day.
/// </summary>
public static class DemoRequests
{
    public static async Task SeedAsync(AnxinDbContext db, IServiceProvider services, IReadOnlyDictionary<string, OrgNode> nodes,
        IReadOnlyDictionary<string, Staff> people)
    {
        var numbers = services.GetRequiredService<IBusinessNumberGenerator>();
        var clocks = services.GetRequiredService<ServiceClocks>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var team = nodes["GD-CC-T1"];
        var agent1 = people["agent1"];
        var agent3 = people["agent3"];

        db.Consultations.Add(Consultation.AnsweredAtOnce(await numbers.NextAsync(Consultation.NumberPrefix, default),
            new ConsultationDraft("张伟", MobileNumber.Create("13800138001").Value, ConsultationCategory.Documents, "车险单方事故理赔需要准备哪些材料？"),
            "索赔申请书、保单、行驶证和驾驶证复印件、定损单、维修发票、收款人身份证和银行卡。已告知可到柜面或通过短信链接提交。",
            agent1.Id, team, now.AddHours(-3)));

        var pending = Consultation.RegisterForReply(await numbers.NextAsync(Consultation.NumberPrefix, default),
            new ConsultationDraft("李娜", MobileNumber.Create("13900139002").Value, ConsultationCategory.CaseProgress,
                "上周报案的车损案件什么时候能定损？需要核实公估师排期后回复。"),
            null, Consultation.DefaultReplyBy(now, DefaultClockRules.ConsultationReply, await services.GetRequiredService<ICalendarProvider>().ForNodeAsync(team.Path)),
            agent3.Id, team, now);
        db.Consultations.Add(pending);
        await clocks.StartAsync(DefaultClockRules.ConsultationReply.Code, nameof(Consultation), pending.Id.ToString(), team.Id, agent3.Id);

        var picc = await db.Insurers.IgnoreQueryFilters().Where(i => i.Code == "PICC").Select(i => i.Id).SingleAsync();
        var policy = await db.Policies.IgnoreQueryFilters().SingleAsync(p => p.Number == "PDAA202644030000000001");
        var report = new LossReport(ProductLine.Motor, "张伟", "13800138001", null, null, null, policy.Number, "粤B12345", now.AddHours(-2),
            "深圳市南山区科技园南区停车场", null, null, Peril.Collision, "倒车时与立柱刮擦，后保险杠受损；客户对是否属于保险责任有异议。",
            "后保险杠凹陷", false, null, null, IntakeChannel.Phone);
        var difficult = Case.Register(await numbers.NextAsync(Case.NumberPrefix, default), report, policy, picc, null, null, agent1.Id, team, now.AddMinutes(-90));
        db.Cases.Add(difficult);
        var subject = new RequestRef(RequestKind.Case, difficult.Id, difficult.Number, difficult.OrgNodeId, difficult.OrgPath);
        db.Escalations.Add(Escalation.Raise(subject, "客户坚持要求按全损处理并情绪激动，需要主管回电解释条款。", agent1.Id, team.Id, team.Path, now.AddMinutes(-30)));
        db.RegistrationErrors.Add(RegistrationError.Record(subject, agent1.Id, team.Id, team.Path, RegistrationErrorCategory.WrongLossPlace,
            "出险地点应为科技园北区停车场，登记为南区。", people["qa"].Id, now.AddMinutes(-10)));
        await db.SaveChangesAsync();
    }
}
