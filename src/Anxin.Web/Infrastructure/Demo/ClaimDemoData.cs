using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Cases;
using Anxin.Domain.Claims;
using Anxin.Domain.Common;
using Anxin.Domain.Dispatch;
using Anxin.Domain.Organisation;
using Anxin.Domain.Policies;
using Anxin.Web.Features.Claims;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Infrastructure.Demo;

/// <summary>
/// Demo claims data: authority profiles (handler small, claims lead larger, branch manager larger,
/// head office largest; per line, reserves above payments) held by roles and the head-office
/// administrator, four claims in different states for 罗赔 (claims1) and 梁赔 (claims2), a hotline
/// case assessed by a surveyor and waiting for its claim, and the review sampling rules with one callback.
/// </summary>
public static class ClaimDemoData
{
    /// <summary>(code, name, payment limit, reserve limit) for motor; other lines scale from these.</summary>
    private static readonly (string Code, string Name, decimal Payment, decimal Reserve)[] Profiles =
    [
        ("CLM-HANDLER", "理赔员权限", 5_000m, 20_000m),
        ("CLM-LEAD", "理赔主管权限", 20_000m, 100_000m),
        ("CLM-BRANCH", "分公司理赔权限", 100_000m, 500_000m),
        ("CLM-HO", "总公司理赔权限", 1_000_000m, 5_000_000m),
    ];

    /// <summary>Line factors: life and health are decided more conservatively, property and liability with more room.</summary>
    private static readonly Dictionary<ProductLine, decimal> LineFactor = new()
    {
        [ProductLine.Motor] = 1m,
        [ProductLine.Property] = 2m,
        [ProductLine.Liability] = 1m,
        [ProductLine.Accident] = 1m,
        [ProductLine.Health] = 0.5m,
        [ProductLine.Life] = 0.5m,
        [ProductLine.ExtendedWarranty] = 0.2m,
    };

    public static async Task SeedAsync(AnxinDbContext db, IServiceProvider services, IReadOnlyDictionary<string, OrgNode> nodes)
    {
        var profiles = new Dictionary<string, AuthorityProfile>();
        foreach (var (code, name, payment, reserve) in Profiles)
        {
            var profile = AuthorityProfile.Create(code, name);
            foreach (var (line, factor) in LineFactor)
            {
                profile.SetLimit(line, AuthorityKind.Payment, payment * factor);
                profile.SetLimit(line, AuthorityKind.Reserve, reserve * factor);
            }

            profiles[code] = profile;
            db.AuthorityProfiles.Add(profile);
        }

        var staff = await (from u in db.Users
                           join s in db.Staff.IgnoreQueryFilters() on u.StaffId equals s.Id
                           select new { u.UserName, s.Id }).ToDictionaryAsync(x => x.UserName!, x => x.Id);
        db.AuthorityAssignments.AddRange(
            AuthorityAssignment.ForRole(profiles["CLM-HANDLER"], RoleCodes.ClaimsHandler),
            AuthorityAssignment.ForRole(profiles["CLM-LEAD"], RoleCodes.Supervisor, nodes["GD-CLM"].Path),
            AuthorityAssignment.ForRole(profiles["CLM-LEAD"], RoleCodes.Supervisor, nodes["ZJ-CLM"].Path),
            AuthorityAssignment.ForRole(profiles["CLM-BRANCH"], RoleCodes.DepartmentManager),
            AuthorityAssignment.ForStaff(profiles["CLM-HO"], staff["admin"]));
        await db.SaveChangesAsync();
        await SeedClaimsAsync(db, services, nodes["GD-CLM"], staff, profiles);
        await SeedSurveyedCaseAsync(db, services, nodes, staff);
        await SeedReviewAsync(db, services, nodes);
        await SeedVendorsAsync(db, services, staff);
    }

    /// <summary>
    /// Three vendors (a repair shop, a towing company, an appraiser) and, on the claim waiting for documents (张伟, 粤B12345),
    /// a repair request the shop has quoted: 罗赔 (claims1) finds the quote waiting for him.
    /// </summary>
    private static async Task SeedVendorsAsync(AnxinDbContext db, IServiceProvider services, IReadOnlyDictionary<string, Guid> staff)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var shop = Vendor.Register(VendorKind.RepairShop, "深圳南山安达汽车维修有限公司", UnifiedSocialCreditCode.Create("91440300MA5DAAAA1X").Value, "黄师傅",
            MobileNumber.Create("13912340001").Value, "深圳市南山区科技南十二路 18 号");
        var tow = Vendor.Register(VendorKind.Towing, "广州速达道路救援有限公司", UnifiedSocialCreditCode.Create("91440101MA59BBBB2G").Value, "陈调度",
            MobileNumber.Create("13912340002").Value, null);
        var appraiser = Vendor.Register(VendorKind.Appraisal, "深圳公平保险公估有限公司", UnifiedSocialCreditCode.Create("91440300MA5ECCCC32").Value, "林公估",
            MobileNumber.Create("13912340003").Value, "深圳市福田区福华三路 88 号");
        db.Vendors.AddRange(shop, tow, appraiser);

        var claim = await db.Claims.IgnoreQueryFilters().Where(c => c.InsuredObject == "粤B12345" && c.Status != ClaimStatus.Closed)
            .OrderBy(c => c.ClaimedAt).FirstOrDefaultAsync();
        if (claim is not null)
        {
            var request = ServiceRequest.Create(claim, shop, "后保险杠及左尾灯更换，请报价", staff["claims1"], now.AddDays(-2));
            request.Quote(Money.Create(4_280m).Value, "后保险杠 2,600 元，左尾灯 1,380 元，工时 300 元", null, now.AddDays(-1));
            db.ServiceRequests.Add(request);
            db.AddAuditEvent("Service.Requested", nameof(Claim), claim.Id, $"{shop.Name} {request.Description} (demo)", claim.OrgPath, now.AddDays(-2));
            db.AddAuditEvent("Service.Quoted", nameof(Claim), claim.Id, $"{shop.Name} 4,280.00 (demo)", claim.OrgPath, now.AddDays(-1));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Review sampling (CLM-10): in Guangdong 10% of paid claims at random and every claim paid ¥20,000 or more, called back by
    /// 坐席一组 (agent1–agent3); in Zhejiang 5% and ¥20,000, called back by 杭州西湖支公司 (xhservice). The demo claim paid and closed
    /// already waits for its callback.
    /// </summary>
    private static async Task SeedReviewAsync(AnxinDbContext db, IServiceProvider services, IReadOnlyDictionary<string, OrgNode> nodes)
    {
        db.ClaimReviewRules.AddRange(
            ReviewSamplingRule.Create(nodes["GD"].Id, nodes["GD"].Path, null, 10m, 20_000m, nodes["GD-CC-T1"].Id),
            ReviewSamplingRule.Create(nodes["ZJ"].Id, nodes["ZJ"].Path, null, 5m, 20_000m, nodes["ZJ-HZ-XH"].Id));
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var closed = await db.Claims.IgnoreQueryFilters().Include(c => c.Payments)
            .Where(c => c.Status == ClaimStatus.Closed && c.Outcome == ClaimOutcome.Paid).OrderBy(c => c.ClosedAt).FirstOrDefaultAsync();
        if (closed is not null)
        {
            var team = nodes["GD-CC-T1"];
            db.BeneficiaryChecks.Add(BeneficiaryCheck.Create(closed, SampleReason.Random, team.Id, team.Path, closed.ClosedAt ?? now));
            db.AddAuditEvent("ClaimSampledForReview", nameof(Claim), closed.Id, $"{SampleReason.Random} → {team.Path} (demo)", closed.OrgPath,
                closed.ClosedAt ?? now);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>The demo surveyed case: the number of the case reported by the hotline and assessed by 刘勘, with no claim yet.</summary>
    public const string SurveyedPolicyNumber = "PDAA202644030000000005";

    /// <summary>
    /// A case the hotline (陈晓, 坐席一组) took yesterday on a PICC motor policy, surveyed by 刘勘 (surveyor1) with the
    /// loss assessed at 6,820.00 — ready for a claims handler to open the claim from the case page and adjudicate on
    /// the surveyor's figure (CLM-01, CLM-03).
    /// </summary>
    private static async Task SeedSurveyedCaseAsync(AnxinDbContext db, IServiceProvider services, IReadOnlyDictionary<string, OrgNode> nodes,
        IReadOnlyDictionary<string, Guid> staff)
    {
        var numbers = services.GetRequiredService<IBusinessNumberGenerator>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var picc = await db.Insurers.IgnoreQueryFilters().Where(i => i.Code == "PICC").Select(i => i.Id).SingleAsync();
        var start = now.AddMonths(-5);
        var policy = Policy.Register(new PolicyDraft(SurveyedPolicyNumber, ProductLine.Motor, "陈刚", "13800138005", "陈刚", null,
            start, start.AddYears(1), 3_980m, "粤B24680", null, null, null,
            [new("VD", null, 160_000m, 500m), new("TPL", null, 1_000_000m), new("CTPL", null, 200_000m)]), picc, null, nodes["GD"]);
        db.Policies.Add(policy);

        var reportedAt = now.AddDays(-1);
        var @case = Case.Register(await numbers.NextAsync(Case.NumberPrefix, default), new LossReport(ProductLine.Motor, "陈刚", "13800138005", null,
            null, null, policy.Number, "粤B24680", reportedAt.AddMinutes(-40), "深圳市福田区深南中路与华富路口", 22.5431, 114.0858, Peril.Collision,
            "变道时与相邻车道车辆剐蹭，左前部受损，无人受伤。", "前保险杠、左前大灯、左前叶子板", false, null, "对方车辆粤B13579，双方同等责任",
            IntakeChannel.Phone), policy, picc, null, null, staff["agent1"], nodes["GD-CC-T1"], reportedAt);
        db.Cases.Add(@case);
        var assignment = Assignment.Create(new DispatchedCase(@case.Id, @case.Number, @case.InsurerId, @case.OrgNodeId, @case.OrgPath),
            staff["surveyor1"], staff["dispatcher"], "赵调 (2105)", reportedAt.AddMinutes(2));
        @case.MarkDispatched();
        assignment.Acknowledge(reportedAt.AddMinutes(5));
        @case.MarkSurveying();
        assignment.Arrive(reportedAt.AddMinutes(32));
        assignment.Assess(Money.Create(6_820m).Value, "前保险杠、左前大灯更换；左前叶子板钣金喷漆。对方车辆损失另案处理。", reportedAt.AddHours(2));
        @case.MarkAssessed();
        db.Assignments.Add(assignment);
        db.AddAuditEvent("CaseReported", nameof(Case), @case.Id, $"{@case.Number} {@case.Line} (demo)", @case.OrgPath, reportedAt);
        db.AddAuditEvent("LossAssessed", nameof(Assignment), assignment.Id, $"{@case.Number} 6820.00 (demo)", @case.OrgPath, reportedAt.AddHours(2));
        await db.SaveChangesAsync();
    }

    private static async Task SeedClaimsAsync(AnxinDbContext db, IServiceProvider services, OrgNode claimsDept, IReadOnlyDictionary<string, Guid> staff,
        IReadOnlyDictionary<string, AuthorityProfile> profiles)
    {
        var clocks = services.GetRequiredService<ServiceClocks>();
        var numbers = services.GetRequiredService<IBusinessNumberGenerator>();
        var calendar = await services.GetRequiredService<ICalendarProvider>().ForNodeAsync(claimsDept.Path);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var policies = await db.Policies.IgnoreQueryFilters().ToDictionaryAsync(p => p.Number);
        var motorDocuments = RequiredDocumentList.MotorDefaults.Select(d => DocumentCodes.Requirement(d.Zh)).ToList();
        var (claims1, claims2) = (staff["claims1"], staff["claims2"]);
        var lead = (staff["claimslead"], (IAuthorityLimits)profiles["CLM-LEAD"]);
        var manager = (staff["gdmanager"], (IAuthorityLimits)profiles["CLM-BRANCH"]);

        async Task<Claim> OpenAsync(Policy policy, string claimant, string mobile, Guid handler, TimeSpan ago, string? insuredObject)
        {
            var claimedAt = now - ago;
            var claim = Claim.Open(new ClaimIntake
            {
                Number = await numbers.NextAsync(Claim.NumberPrefix, default),
                Line = policy.Line,
                ClaimantName = claimant,
                ClaimantMobile = MobileNumber.Create(mobile).Value,
                LossAt = claimedAt.AddDays(-1),
                ReportedAt = claimedAt.AddHours(-20),
                ClaimedAt = claimedAt,
                HandlerStaffId = handler,
                PolicyId = policy.Id,
                InsurerId = policy.InsurerId,
                InsuredObject = insuredObject,
            }, claimsDept, claimedAt, calendar);
            claim.VerifyPolicy(policy.Id, policy.InsurerId, handler, claimedAt);
            db.Claims.Add(claim);
            return claim;
        }

        IReadOnlyList<IReadOnlyList<ApproverCandidate>> Chain() => [[new ApproverCandidate(lead.Item1, lead.Item2)], [new ApproverCandidate(manager.Item1, manager.Item2)]];
        ApprovalRoute Route(Claim claim, AuthorityKind kind, decimal amount) =>
            ApprovalRouting.Route(new ApprovalRequest(claim.HandlerStaffId, profiles["CLM-HANDLER"], claim.HandlerStaffId, claim.Line, kind, amount, Chain()));

        // 1. Waiting for the claimant: half the documents in, the one-time notice sent, the decision clock paused.
        var waiting = await OpenAsync(policies["PDAA202644030000000001"], "张伟", "13800138001", claims1, TimeSpan.FromDays(3), "粤B12345");
        waiting.RequireDocuments(motorDocuments, waiting.ClaimedAt);
        waiting.ReceiveDocuments(motorDocuments.Take(5).Select(d => new ReceivedDocument(d.Code, d.Name)), waiting.ClaimedAt.AddHours(1));
        waiting.ChangeReserve(8_000m, "初步估损", Route(waiting, AuthorityKind.Reserve, 8_000m), waiting.ClaimedAt.AddHours(2));
        waiting.SendMissingDocumentsNotice(claims1, waiting.ClaimedAt.AddHours(3));
        await ApplyAsync(clocks, waiting);

        // 2. Above the handler's limit and the claims lead's: pending with the branch manager.
        var pending = await OpenAsync(policies["PDZA202644010000000003"], "王强", "13700137003", claims1, TimeSpan.FromDays(6), "粤A11111");
        pending.RequireDocuments(motorDocuments.Take(6), pending.ClaimedAt);
        pending.ReceiveDocuments(motorDocuments.Take(6).Select(d => new ReceivedDocument(d.Code, d.Name)), pending.ClaimedAt.AddDays(1));
        pending.Accept(36_800m, claims1, pending.ClaimedAt.AddDays(2));
        pending.SubmitForApproval(Route(pending, AuthorityKind.Payment, 36_800m), pending.ClaimedAt.AddDays(2));
        await ApplyAsync(clocks, pending);

        // 3. Paid and closed into its file.
        var closed = await OpenAsync(policies["AX-ACC-2026-0001"], "赵敏", "13500135005", claims2, TimeSpan.FromDays(20), null);
        var accidentDocuments = new[] { DocumentCodes.Requirement("索赔申请书"), DocumentCodes.Requirement("病历"), DocumentCodes.Requirement("医疗费用票据") };
        closed.RequireDocuments(accidentDocuments, closed.ClaimedAt);
        closed.ReceiveDocuments(accidentDocuments.Select(d => new ReceivedDocument(d.Code, d.Name)), closed.ClaimedAt.AddDays(2));
        closed.Accept(3_260m, claims2, closed.ClaimedAt.AddDays(4));
        closed.SubmitForApproval(Route(closed, AuthorityKind.Payment, 3_260m), closed.ClaimedAt.AddDays(4));
        closed.Approve(lead.Item1, lead.Item2, closed.ClaimedAt.AddDays(5), "同意");
        closed.RecordAgreement(closed.ClaimedAt.AddDays(5));
        closed.Pay(new ClaimPayee("赵敏", PaymentMethod.BankTransfer, BankCardNumber.Create("6222020200112233446").Value),
            DateOnly.FromDateTime(closed.ClaimedAt.AddDays(9).DateTime), claims2, closed.ClaimedAt.AddDays(6));
        closed.Close(await numbers.NextAsync(ArchiveNumbers.Prefix, default), claims2, closed.ClaimedAt.AddDays(7));
        await ApplyAsync(clocks, closed);

        // 4. Refused; the refusal notice (3 days) is still due.
        var refused = await OpenAsync(policies["AX-PROP-2026-0001"], "深圳南山安信贸易有限公司", "13600136004", claims2, TimeSpan.FromDays(4),
            "广东省深圳市南山区科技园南区 8 栋");
        refused.RequireDocuments([DocumentCodes.Requirement("索赔申请书"), DocumentCodes.Requirement("财产损失清单")], refused.ClaimedAt);
        refused.ReceiveDocuments([new ReceivedDocument(DocumentCodes.For("索赔申请书"), "索赔申请书"), new ReceivedDocument(DocumentCodes.For("财产损失清单"), "财产损失清单")],
            refused.ClaimedAt.AddHours(4));
        refused.Refuse(["损失由地震引起，属保险条款责任免除", "出险时间不在保险期间内的部分不予赔付"], claims2, now.AddHours(-6));
        await ApplyAsync(clocks, refused);

        foreach (var claim in new[] { waiting, pending, closed, refused })
        {
            db.AddAuditEvent("ClaimOpened", nameof(Claim), claim.Id, $"{claim.Number} {claim.Line} (demo)", claim.OrgPath, claim.ClaimedAt);
        }

        await db.SaveChangesAsync();
    }

    private static async Task ApplyAsync(ServiceClocks clocks, Claim claim) => await ClaimClocks.ApplyAsync(clocks, claim, default);
}
