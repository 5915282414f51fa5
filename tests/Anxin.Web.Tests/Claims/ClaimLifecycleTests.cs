using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Anxin.Domain.Claims;
using Anxin.Domain.Clocks;
using Anxin.Domain.Messaging;
using Anxin.Web.Tests.Clocks;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Claims;

/// <summary>Issue 5 through the API: open → documents → notice → adjudication → tiered approval → payment → close.</summary>
public sealed partial class ClaimLifecycleTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_claim_goes_from_a_case_to_an_archived_file_through_the_api(Db db)
    {
        var app = apps.For(db);
        var handler = await app.SignInAsync("claims1");
        var manager = await app.SignInAsync("gdmanager");
        var policy = await app.SeedPolicyAsync();
        var @case = await app.ReportCaseAsync(policy.Number);

        // Open: number, checklist told at once by SMS, decision and advance-payment clocks running.
        var claim = await handler.OpenFromCaseAsync(@case.GetProperty("id").GetGuid());
        var id = claim.Id();
        Assert.Matches(LpNumber(), claim.GetProperty("number").GetString());
        Assert.Equal("AwaitingDocuments", claim.Status());
        Assert.True(claim.GetProperty("policyVerified").GetBoolean());
        Assert.Equal(await app.PiccMotorChecklistCountAsync(), claim.Missing().Count);
        var opened = await app.WithDbAsync(d => d.Outbox.SingleAsync(m => m.TemplateCode == "Claim.Opened" && m.Parameters.Contains(claim.GetProperty("number").GetString()!)));
        Assert.Contains("索赔申请书", JsonDocument.Parse(opened.Parameters).RootElement.GetProperty("documents").GetString(), StringComparison.Ordinal);
        Assert.Equal([ClockState.Running, ClockState.Running], await ClockStatesAsync(app, id, DefaultClockRules.ClaimDecision, DefaultClockRules.AdvancePayment));

        // One complete notice; the decision clock waits for the claimant.
        claim = await handler.StepAsync(id, "notices");
        Assert.Single(claim.GetProperty("notices").EnumerateArray());
        Assert.Equal([ClockState.Paused, ClockState.Paused], await ClockStatesAsync(app, id, DefaultClockRules.ClaimDecision, DefaultClockRules.AdvancePayment));

        // Everything arrives: the clock runs again, the documents are complete.
        claim = await handler.ReceiveAllAsync(claim);
        Assert.Equal("DocumentsComplete", claim.Status());
        Assert.Equal([ClockState.Running], await ClockStatesAsync(app, id, DefaultClockRules.ClaimDecision));

        // 32,000 assessed less the 500 deductible: 31,500, above the handler's 5,000 and the claims lead's 20,000.
        claim = await handler.StepAsync(id, "accept", ClaimTestKit.Coverages(32_000m));
        Assert.Equal("PendingApproval", claim.Status());
        Assert.Equal(31_500m, claim.GetProperty("acceptedAmount").GetDecimal());
        var steps = claim.GetProperty("calculation").GetProperty("result").GetProperty("coverages")[0].GetProperty("steps");
        Assert.Equal(["AssessedLoss", "FixedDeductible", "SumInsuredCap"], steps.EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
        var gdmanager = await app.DemoUserAsync("gdmanager");
        var pending = claim.GetProperty("approvals")[0];
        Assert.Equal(gdmanager.StaffId, pending.GetProperty("routedToStaffId").GetGuid());
        Assert.Equal(2, pending.GetProperty("routedLevel").GetInt32());
        Assert.Equal(1, await app.WithDbAsync(d => d.Outbox.CountAsync(m =>
            m.TemplateCode == "Claim.ApprovalPending" && m.Recipient == gdmanager.UserId.ToString() && m.Channel == MessageChannel.InApp && m.Parameters.Contains(id.ToString()))));

        // The handler may not approve their own claim; the branch manager does.
        var own = await handler.ActAsync(id, "approval/approve", new { version = claim.Version() });
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        claim = await manager.StepAsync(id, "approval/approve", new { note = "同意", version = claim.Version() });
        Assert.Equal("Approved", claim.Status());

        // Agreement, then payment to the claimant's verified card: SMS with the expected arrival date.
        claim = await handler.StepAsync(id, "agreement");
        var card = ClaimTestKit.NewBankCard();
        claim = await handler.StepAsync(id, "payments", new { payeeName = "李报案", method = "BankTransfer", bankCard = card });
        Assert.Equal("Paid", claim.Status());
        Assert.Equal(31_500m, claim.GetProperty("paidTotal").GetDecimal());
        var paid = await app.WithDbAsync(d => d.Outbox.SingleAsync(m => m.TemplateCode == "Claim.Paid" && m.Parameters.Contains(claim.GetProperty("number").GetString()!)));
        var sms = JsonDocument.Parse(paid.Parameters).RootElement;
        Assert.Equal(claim.GetProperty("payments")[0].GetProperty("expectedArrivalDate").GetString(), sms.GetProperty("arrivalDate").GetString());
        Assert.DoesNotContain(card, paid.Parameters, StringComparison.Ordinal);
        Assert.DoesNotContain(card, JsonSerializer.Serialize(claim), StringComparison.Ordinal);

        // Closed into its file (paid above the branch's ¥20,000 review threshold: picked for a callback); the timeline tells every step.
        claim = await handler.StepAsync(id, "close");
        Assert.Equal("Closed", claim.Status());
        Assert.Matches(JzNumber(), claim.GetProperty("archiveNumber").GetString());
        Assert.Equal("Paid", claim.GetProperty("outcome").GetString());
        var timeline = await (await handler.GetAsync($"/api/v1/claims/{id}/timeline")).ReadJsonAsync<JsonElement>();
        var types = timeline.EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(
            ["ClaimOpened", "MissingDocumentsNoticeSent", "ClaimDocumentsReceived", "ClaimAccepted", "ClaimApproved",
             "ClaimAgreementRecorded", "ClaimPaid", "ClaimClosed"],
            types.Where(t => !t!.StartsWith("Clock", StringComparison.Ordinal) && t != "ClaimSampledForReview"));
        Assert.Contains("ClaimSampledForReview", types); // written in the same instant as the closing
        Assert.Contains("ClockPaused", types);
        Assert.Contains("ClockResumed", types);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Only_one_complete_missing_documents_notice_per_round_and_never_for_items_the_first_did_not_ask_for(Db db)
    {
        var app = apps.For(db);
        var handler = await app.SignInAsync("claims1");
        var claim = await app.OpenClaimAsync(handler);
        var id = claim.Id();
        var missing = claim.Missing();

        claim = await handler.StepAsync(id, "notices");
        Assert.Equal(missing.Order(), claim.GetProperty("notices")[0].GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).Order());

        // No second notice in the same round.
        var again = await handler.ActAsync(id, "notices");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Claim.NoticeAlreadySent", (await again.CodesAsync()).Values.SelectMany(v => v));

        // The insurer notes a new requirement later: a notice asking for it is refused even after a submission.
        claim = await handler.StepAsync(id, "documents/required", new { name = "车辆照片" });
        claim = await handler.StepAsync(id, "documents", new { documents = new[] { new { code = missing[0] } } });
        var notOneTime = await handler.ActAsync(id, "notices");
        Assert.Equal(HttpStatusCode.BadRequest, notOneTime.StatusCode);
        Assert.Contains("Claim.NoticeNotOneTime", (await notOneTime.CodesAsync()).Values.SelectMany(v => v));

        // Waived, and a submission that raises a new document (injury evidence → medical records): that may be asked for.
        var photos = claim.Missing().Single(c => !missing.Contains(c));
        claim = await handler.StepAsync(id, $"documents/{photos}/waive", new { reason = "初次通知未列明，不再要求" });
        claim = await handler.StepAsync(id, "documents", new { documents = new[] { new { name = "伤情证明", raises = new[] { "病历" } } } });
        claim = await handler.StepAsync(id, "notices");
        var second = claim.GetProperty("notices")[1].GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Contains("病历", second);
        Assert.DoesNotContain("车辆照片", second);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Payment_is_refused_with_a_field_error_for_an_unverified_policy_and_for_an_uncleared_fraud_flag(Db db)
    {
        var app = apps.For(db);
        var handler = await app.SignInAsync("claims1");
        var manager = await app.SignInAsync("gdmanager");
        var lead = await app.SignInAsync("claimslead");
        var policy = await app.SeedPolicyAsync();

        // Reported on a policy number the register does not know (yet): the claim opens unverified.
        var @case = await app.ReportCaseAsync("PX" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(), policy.Plate);
        var claim = await handler.OpenFromCaseAsync(@case.GetProperty("id").GetGuid());
        var id = claim.Id();
        Assert.False(claim.GetProperty("policyVerified").GetBoolean());
        claim = await handler.ReceiveAllAsync(claim);
        claim = await handler.StepAsync(id, "accept", new { amount = 3_000m });
        claim = await manager.StepAsync(id, "approval/approve", new { version = claim.Version() });
        claim = await handler.StepAsync(id, "agreement");
        var pay = new { payeeName = "李报案", method = "BankTransfer", bankCard = ClaimTestKit.NewBankCard() };

        var unverified = await handler.ActAsync(id, "payments", pay);
        Assert.Equal(HttpStatusCode.BadRequest, unverified.StatusCode);
        Assert.Equal(["Claim.PolicyUnverified"], (await unverified.CodesAsync())["policyVerified"]);

        // Verified against the register, but a fraud flag is open: still refused until a reviewer clears it.
        claim = await handler.StepAsync(id, "verify-policy", new { policyNumber = policy.Number });
        claim = await handler.StepAsync(id, "fraud-flags", new { detail = "报案人称车辆此前已有同部位损伤" });
        var flagged = await handler.ActAsync(id, "payments", pay);
        Assert.Equal(HttpStatusCode.BadRequest, flagged.StatusCode);
        Assert.Equal(["Claim.FraudFlagOpen"], (await flagged.CodesAsync())["fraudFlags"]);

        var flagId = claim.GetProperty("fraudFlags")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.ActAsync(id, $"fraud-flags/{flagId}/clear", new { note = "自己复核" })).StatusCode);
        await lead.StepAsync(id, $"fraud-flags/{flagId}/clear", new { note = "已核实维修记录，与本次无关" });
        claim = await handler.StepAsync(id, "payments", pay);
        Assert.Equal("Paid", claim.Status());

        // A bad card number is a field error too.
        var badCard = await handler.ActAsync(id, "payments", pay with { bankCard = "6222020200112233445" });
        Assert.Equal(["Validation.BankCard.Checksum"], (await badCard.CodesAsync())["bankCard"]);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_closed_claim_refuses_every_edit_with_409_until_someone_allowed_to_reopens_it_with_a_reason(Db db)
    {
        var app = apps.For(db);
        var handler = await app.SignInAsync("claims1");
        var manager = await app.SignInAsync("gdmanager");
        var claim = await app.OpenClaimAsync(handler);
        var id = claim.Id();
        await handler.StepAsync(id, "documents", new { documents = new[] { new { name = "撤案申请" } } });
        claim = await handler.StepAsync(id, "withdraw", new { reason = "客户自行与对方协商解决，申请撤案" });
        Assert.Equal(("Closed", "Withdrawn"), (claim.Status(), claim.GetProperty("outcome").GetString()));

        foreach (var (action, body) in new (string, object)[]
                 {
                     ("documents", new { documents = new[] { new { name = "补充材料" } } }),
                     ("notices", new { }),
                     ("accept", new { amount = 1_000m }),
                     ("reserve", new { amount = 1_000m, reason = "调整" }),
                     ("close", new { }),
                 })
        {
            var refused = await handler.ActAsync(id, action, body);
            Assert.True(refused.StatusCode == HttpStatusCode.Conflict, $"{action}: {(int)refused.StatusCode}");
            Assert.Equal("Claim.Closed", (await refused.ReadJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await handler.ActAsync(id, "reopen", new { reason = "客户反悔" })).StatusCode);
        var noReason = await manager.ActAsync(id, "reopen", new { reason = " " });
        Assert.Equal(["Claim.ReopenReasonRequired"], (await noReason.CodesAsync())["reopenReason"]);
        claim = await manager.StepAsync(id, "reopen", new { reason = "客户提供新证据，重新审核" });
        Assert.NotEqual("Closed", claim.Status());
        Assert.Equal(1, claim.GetProperty("reopenCount").GetInt32());
        Assert.NotNull(claim.GetProperty("archiveNumber").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Two_approvers_deciding_one_claim_at_once_one_wins_and_the_other_gets_409(Db db)
    {
        var app = apps.For(db);
        var handler = await app.SignInAsync("claims1");
        var manager = await app.SignInAsync("gdmanager");
        var headOffice = await app.SignInAsync("admin");
        var claim = await handler.ReceiveAllAsync(await app.OpenClaimAsync(handler));
        claim = await handler.StepAsync(claim.Id(), "accept", new { amount = 50_000m });
        Assert.Equal("PendingApproval", claim.Status());

        var version = claim.Version();
        var responses = await Task.WhenAll(
            manager.ActAsync(claim.Id(), "approval/approve", new { note = "分公司同意", version }),
            headOffice.ActAsync(claim.Id(), "approval/approve", new { note = "总公司同意", version }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var approvals = (await handler.GetClaimAsync(claim.Id())).GetProperty("approvals").EnumerateArray().ToList();
        Assert.Single(approvals);
        Assert.Equal("Approved", approvals[0].GetProperty("decision").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task An_amount_above_the_handlers_limit_goes_to_pending_and_to_the_nearest_approver_whose_limit_covers_it(Db db)
    {
        var app = apps.For(db);
        var handler = await app.SignInAsync("claims1");
        var lead = await app.DemoUserAsync("claimslead");
        var gdmanager = await app.DemoUserAsync("gdmanager");

        // 12,000: above the handler's 5,000, within the claims lead's 20,000 (same department, level 1).
        var small = await handler.ReceiveAllAsync(await app.OpenClaimAsync(handler));
        small = await handler.StepAsync(small.Id(), "accept", new { amount = 12_000m });
        Assert.Equal(("PendingApproval", lead.StaffId, 1), (small.Status(), small.GetProperty("approvals")[0].GetProperty("routedToStaffId").GetGuid(),
            small.GetProperty("approvals")[0].GetProperty("routedLevel").GetInt32()));

        // 60,000: nobody in the department; the branch manager one level further up.
        var large = await handler.ReceiveAllAsync(await app.OpenClaimAsync(handler));
        large = await handler.StepAsync(large.Id(), "accept", new { amount = 60_000m });
        Assert.Equal((gdmanager.StaffId, 2), (large.GetProperty("approvals")[0].GetProperty("routedToStaffId").GetGuid(),
            large.GetProperty("approvals")[0].GetProperty("routedLevel").GetInt32()));

        // The claims lead cannot approve what is above their own limit.
        var leadClient = await app.SignInAsync("claimslead");
        var above = await leadClient.ActAsync(large.Id(), "approval/approve", new { });
        Assert.Contains("Claim.AboveAuthority", (await above.CodesAsync()).Values.SelectMany(v => v));
    }

    [GeneratedRegex(@"^LP\d{14}$")]
    private static partial Regex LpNumber();

    [GeneratedRegex(@"^JZ\d{14}$")]
    private static partial Regex JzNumber();

    private static async Task<List<ClockState>> ClockStatesAsync(AnxinAppFactory app, Guid claimId, params ClockRule[] rules)
    {
        var id = claimId.ToString();
        var codes = rules.Select(r => r.Code).ToList();
        var clocks = await app.WithDbAsync(d => d.ServiceClocks.Where(c => c.SubjectType == Claim.SubjectType && c.SubjectId == id && codes.Contains(c.RuleCode))
            .ToListAsync());
        return rules.Select(r => clocks.Single(c => c.RuleCode == r.Code).State).ToList();
    }
}
