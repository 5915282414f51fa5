using System.Text.Json;
using Anxin.Data;
using Anxin.Domain.Cases;
using Anxin.Domain.Messaging;
using Anxin.Domain.Organisation;
using Anxin.Domain.Policies;
using Anxin.Web.Features.Cases;
using Anxin.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Infrastructure.Demo;

/// <summary>
/// Two demo cases taken by agent1 (陈晓) so the case list and case page have something to show: a
/// covered PICC motor report on the demo policy, and a PAIC report whose policy is not in the register (unverified).
/// </summary>
public static class DemoCases
{
    public static async Task SeedAsync(AnxinDbContext db, IReadOnlyDictionary<string, OrgNode> nodes, IBusinessNumberGenerator numbers,
        TimeProvider time, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var team = nodes["GD-CC-T1"];
        var agent = await db.Staff.IgnoreQueryFilters().Where(s => s.WorkNumber == "2102").Select(s => s.Id).SingleAsync(ct);
        var insurers = await db.Insurers.IgnoreQueryFilters().ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        var policy = await db.Policies.IgnoreQueryFilters().SingleAsync(p => p.Number == "PDAA202644030000000001", ct);

        var covered = Case.Register(await numbers.NextAsync(Case.NumberPrefix, ct), new LossReport(ProductLine.Motor, "张伟", "13800138001", null,
            null, null, policy.Number, "粤B12345", now.AddHours(-3), "深圳市南山区深南大道与科技园路口", 22.5405, 113.9345, Peril.Collision,
            "等红灯时被后车追尾，后保险杠受损，无人受伤。", "后保险杠、左尾灯破损", false, null, "后车粤B54321，司机承认全责", IntakeChannel.Phone),
            policy, policy.InsurerId, null, null, agent, team, now.AddHours(-2));
        var unverified = Case.Register(await numbers.NextAsync(Case.NumberPrefix, ct), new LossReport(ProductLine.Motor, "王芳", "13900139008", null,
            null, null, "PDZA202644019999999999", "粤A88888", now.AddHours(-1), "广州市天河区天河路 208 号地下停车场", null, null, Peril.Glass,
            "停车时前挡风玻璃被高空坠物砸裂。", "前挡风玻璃", false, null, null, IntakeChannel.Phone),
            null, insurers["PAIC"], null, null, agent, team, now.AddMinutes(-40));
        foreach (var @case in new[] { covered, unverified })
        {
            db.Cases.Add(@case);
            db.AddAuditEvent("CaseReported", nameof(Case), @case.Id,
                $"{@case.Number} {@case.Line} {@case.CoverageOutcome} policyVerified={@case.PolicyVerified}", @case.OrgPath, @case.ReportedAt);
            CaseMessages.Queue(db, @case, OutboxMessage.Create(MessageChannel.Sms, @case.ReporterMobile, "Case.Reported", JsonSerializer.Serialize(new
            {
                caseNumber = @case.Number,
                documents = string.Join("、", RequiredDocumentList.MotorDefaults.Select(d => d.Zh)),
                hotline = "95500",
            }), team.Id, team.Path, @case.ReportedAt), @case.ReportedAt);
        }

        await db.SaveChangesAsync(ct);
    }
}
