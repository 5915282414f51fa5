using System.Reflection;
using Anxin.Domain.Claims;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using static Anxin.Domain.Tests.Claims.ClaimKit;

namespace Anxin.Domain.Tests.Claims;

/// <summary>Opening, refusal, closing into a file, read-only closed claims and reopening (CLM-01, CLM-04, CLM-07).</summary>
public sealed class ClaimLifecycleTests
{
    [Fact]
    public void Opening_a_claim_starts_the_decision_and_advance_payment_clocks_at_the_claim_time()
    {
        var claim = Open(Local(11, 2, 9, 30));

        Assert.Equal((ClaimStatus.Opened, "LP20261121000001", Branch.Path), (claim.Status, claim.Number, claim.OrgPath));
        Assert.Equal(
            [(DefaultClockRules.ClaimDecision.Code, ClockActionKind.Start, Local(11, 2, 9, 30)), (DefaultClockRules.AdvancePayment.Code, ClockActionKind.Start, Local(11, 2, 9, 30))],
            claim.TakeClockActions().Select(a => (a.RuleCode, a.Kind, a.At)));
        Assert.Empty(claim.TakeClockActions());
    }

    [Theory]
    [InlineData(2, 0, false)]
    [InlineData(2, 1, true)]
    [InlineData(5, 0, true)]
    public void A_report_more_than_two_days_after_the_loss_is_flagged_late(int days, int minutes, bool late)
    {
        var loss = Local(11, 1, 10);
        var intake = Intake(Local(11, 10)) with { LossAt = loss, ReportedAt = loss.AddDays(days).AddMinutes(minutes) };

        Assert.Equal(late, Claim.Open(intake, Branch, Local(11, 10, 11), Calendar).IsLateReport);
    }

    [Fact]
    public void The_late_report_threshold_is_configurable()
    {
        var loss = Local(11, 1, 10);
        var intake = Intake(Local(11, 10)) with { LossAt = loss, ReportedAt = loss.AddDays(3) };

        Assert.False(Claim.Open(intake, Branch, Local(11, 10, 11), Calendar, ClaimSettings.Create(5)).IsLateReport);
    }

    [Fact]
    public void A_report_before_the_loss_is_a_field_error()
    {
        var intake = Intake() with { ReportedAt = Local(11, 1), LossAt = Local(11, 1, 12) };

        var e = Assert.Throws<DomainException>(() => Claim.Open(intake, Branch, Local(11, 2, 11), Calendar));

        Assert.Equal(("Claim.ReportBeforeLoss", nameof(Claim.ReportedAt)), (e.Code, e.Field));
    }

    [Fact]
    public void A_refusal_needs_reasons_and_starts_the_refusal_notice_clock()
    {
        var claim = Complete();
        claim.TakeClockActions();
        Assert.Equal("Claim.RefusalReasonsRequired", Assert.Throws<DomainException>(() => claim.Refuse([" "], Handler, Local(11, 5))).Code);

        claim.Refuse(["不属于保险责任", "驾驶证过期"], Handler, Local(11, 5));

        Assert.Equal(ClaimStatus.Refused, claim.Status);
        Assert.Equal(["不属于保险责任", "驾驶证过期"], claim.RefusalReasonList());
        Assert.Equal(
            [(DefaultClockRules.ClaimDecision.Code, ClockActionKind.Stop), (DefaultClockRules.AdvancePayment.Code, ClockActionKind.Stop), (DefaultClockRules.RefusalNotice.Code, ClockActionKind.Start)],
            claim.TakeClockActions().Select(a => (a.RuleCode, a.Kind)));
    }

    [Fact]
    public void A_refused_claim_closes_only_after_the_refusal_notice_went_out()
    {
        var claim = Complete();
        claim.Refuse(["不属于保险责任"], Handler, Local(11, 5));

        Assert.Equal("Claim.RefusalNoticeNotSent", Assert.Throws<DomainException>(() => claim.Close("JA1", Handler, Local(11, 6))).Code);

        claim.RecordRefusalNoticeSent(Local(11, 6));
        claim.Close("JA1", Handler, Local(11, 6, 11));
        Assert.Equal((ClaimStatus.Closed, ClaimOutcome.Refused), (claim.Status, claim.Outcome!.Value));
    }

    [Fact]
    public void Closing_needs_a_file_number_and_releases_the_reserve()
    {
        var claim = Agreed();
        claim.ChangeReserve(9_000m, "估损", Route(claim, Handler, HandlerLimits, AuthorityKind.Reserve, 9_000m), Local(11, 6, 11));
        claim.Pay(Payee(), new DateOnly(2026, 11, 9), Handler, Local(11, 7));

        Assert.Equal((ValidationCodes.Required, nameof(Claim.ArchiveNumber)), ErrorOf(() => claim.Close(" ", Handler, Local(11, 10))));
        claim.Close("JA2026-000123", Handler, Local(11, 10));

        Assert.Equal((ClaimStatus.Closed, ClaimOutcome.Paid, "JA2026-000123"), (claim.Status, claim.Outcome!.Value, claim.ArchiveNumber));
        Assert.Equal((0m, Claim.ReserveReleasedReason), (claim.Reserve, claim.ReserveChanges[^1].Reason));
    }

    [Fact]
    public void Only_a_paid_or_refused_claim_closes()
    {
        Assert.Equal("Claim.InvalidTransition", Assert.Throws<DomainException>(() => Approved().Close("JA1", Handler, Local(11, 10))).Code);
    }

    [Fact]
    public void A_claimant_may_withdraw_before_the_decision()
    {
        var claim = Complete();
        claim.TakeClockActions();

        claim.Withdraw("客户自行协商解决", "JA9", Handler, Local(11, 3));

        Assert.Equal((ClaimStatus.Closed, ClaimOutcome.Withdrawn, "客户自行协商解决"), (claim.Status, claim.Outcome!.Value, claim.CloseReason));
        Assert.All(claim.TakeClockActions(), a => Assert.Equal(ClockActionKind.Stop, a.Kind));
    }

    public static TheoryData<string> Mutators() => new(ClosedClaimEdits.Keys);

    private static readonly Dictionary<string, Action<Claim>> ClosedClaimEdits = new()
    {
        [nameof(Claim.VerifyPolicy)] = c => c.VerifyPolicy(Guid.CreateVersion7(), null, Handler, Local(12, 1)),
        [nameof(Claim.AssignHandler)] = c => c.AssignHandler(Supervisor),
        [nameof(Claim.AuthorisePayee)] = c => c.AuthorisePayee("李四"),
        [nameof(Claim.RequireDocuments)] = c => c.RequireDocuments([Medical], Local(12, 1)),
        [nameof(Claim.ReceiveDocuments)] = c => c.ReceiveDocuments([new ReceivedDocument(Medical.Code, Medical.Name)], Local(12, 1)),
        [nameof(Claim.WaiveDocument)] = c => c.WaiveDocument(ClaimForm.Code, "x", Local(12, 1)),
        [nameof(Claim.SendMissingDocumentsNotice)] = c => c.SendMissingDocumentsNotice(Handler, Local(12, 1)),
        [nameof(Claim.StartInvestigation)] = c => c.StartInvestigation(InvestigationMethod.Phone, Local(12, 1)),
        [nameof(Claim.CompleteInvestigation)] = c => c.CompleteInvestigation("x", Local(12, 1)),
        [nameof(Claim.ChangeReserve)] = c => c.ChangeReserve(1m, "x", Route(c, Handler, HandlerLimits, AuthorityKind.Reserve, 1m), Local(12, 1)),
        [nameof(Claim.Accept)] = c => c.Accept(9_000m, Handler, Local(12, 1)),
        [nameof(Claim.Refuse)] = c => c.Refuse(["x"], Handler, Local(12, 1)),
        [nameof(Claim.RecordRefusalNoticeSent)] = c => c.RecordRefusalNoticeSent(Local(12, 1)),
        [nameof(Claim.SubmitForApproval)] = c => c.SubmitForApproval(Route(c, Supervisor, SupervisorLimits, AuthorityKind.Payment, 8_000m), Local(12, 1)),
        [nameof(Claim.RequestAdvancePayment)] = c => c.RequestAdvancePayment(1m, Route(c, Supervisor, SupervisorLimits, AuthorityKind.Payment, 1m), Local(12, 1)),
        [nameof(Claim.Approve)] = c => c.Approve(Manager, ManagerLimits, Local(12, 1)),
        [nameof(Claim.RejectApproval)] = c => c.RejectApproval(Manager, ManagerLimits, "x", Local(12, 1)),
        [nameof(Claim.Reroute)] = c => c.Reroute(Route(c, Handler, HandlerLimits, AuthorityKind.Payment, 8_000m), Local(12, 1)),
        [nameof(Claim.RecordAgreement)] = c => c.RecordAgreement(Local(12, 1)),
        [nameof(Claim.PayAdvance)] = c => c.PayAdvance(Payee(), new DateOnly(2026, 12, 2), Handler, Local(12, 1)),
        [nameof(Claim.Pay)] = c => c.Pay(Payee(), new DateOnly(2026, 12, 2), Handler, Local(12, 1)),
        [nameof(Claim.RaiseFraudFlag)] = c => c.RaiseFraudFlag("Fraud.Manual", "x", Handler, Local(12, 1)),
        [nameof(Claim.RaiseFraudFlags)] = c => c.RaiseFraudFlags([new FraudFinding("Fraud.Manual", "y", [])], Local(12, 1)),
        [nameof(Claim.ClearFraudFlag)] = c => c.ClearFraudFlag(Guid.CreateVersion7(), Reviewer, "x", Local(12, 1)),
        [nameof(Claim.ConfirmFraudFlag)] = c => c.ConfirmFraudFlag(Guid.CreateVersion7(), Reviewer, "x", Local(12, 1)),
        [nameof(Claim.Close)] = c => c.Close(null, Handler, Local(12, 1)),
        [nameof(Claim.Withdraw)] = c => c.Withdraw("x", null, Handler, Local(12, 1)),
    };

    [Theory]
    [MemberData(nameof(Mutators))]
    public void A_closed_claim_refuses_every_edit(string mutator)
    {
        var claim = Closed();
        var version = (claim.Status, claim.Reserve, claim.Documents.Count, claim.Approvals.Count, claim.Payments.Count, claim.FraudFlags.Count, claim.HandlerStaffId);

        Assert.Equal("Claim.Closed", Assert.Throws<DomainException>(() => ClosedClaimEdits[mutator](claim)).Code);
        Assert.Equal(version, (claim.Status, claim.Reserve, claim.Documents.Count, claim.Approvals.Count, claim.Payments.Count, claim.FraudFlags.Count, claim.HandlerStaffId));
    }

    [Fact]
    public void The_closed_claim_test_covers_every_public_state_change()
    {
        string[] notEdits = [nameof(Claim.Reopen), nameof(Claim.TakeClockActions), nameof(Claim.BumpVersion), nameof(Claim.MissingDocuments),
            nameof(Claim.DocumentWaits), nameof(Claim.PendingApproval), nameof(Claim.PaymentBlocker), nameof(Claim.RefusalReasonList)];
        var methods = typeof(Claim).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName)
            .Select(m => m.Name)
            .Except(notEdits)
            .ToHashSet();

        Assert.Empty(methods.Except(ClosedClaimEdits.Keys));
    }

    [Fact]
    public void Reopening_needs_a_reason()
    {
        var claim = Closed();

        var e = Assert.Throws<DomainException>(() => claim.Reopen("  ", Manager, Local(12, 1)));

        Assert.Equal(("Claim.ReopenReasonRequired", nameof(Claim.ReopenReason)), (e.Code, e.Field));
        Assert.Equal(ClaimStatus.Closed, claim.Status);
    }

    [Fact]
    public void A_reopened_claim_is_adjudicated_again_into_the_same_file()
    {
        var claim = Closed();

        claim.Reopen("客户补充后续治疗费用", Manager, Local(12, 1));

        Assert.Equal((ClaimStatus.DocumentsComplete, 1, (decimal?)null), (claim.Status, claim.ReopenCount, claim.AcceptedAmount));
        Assert.Equal("Claim.AmountNotAbovePaid", Assert.Throws<DomainException>(() => claim.Accept(8_000m, Handler, Local(12, 2))).Code);
        claim.Accept(9_500m, Handler, Local(12, 2));
        claim.SubmitForApproval(Route(claim, Supervisor, SupervisorLimits, AuthorityKind.Payment, 9_500m), Local(12, 2, 11));
        claim.RecordAgreement(Local(12, 3));
        Assert.Equal(1_500m, claim.Pay(Payee(), new DateOnly(2026, 12, 4), Handler, Local(12, 3, 11)).Amount);
        Assert.Equal("Claim.ArchiveNumberChanged", Assert.Throws<DomainException>(() => claim.Close("JA-OTHER", Handler, Local(12, 5))).Code);
        claim.Close(null, Handler, Local(12, 5));
        Assert.Equal("JA2026-000123", claim.ArchiveNumber);
    }

    [Fact]
    public void Only_a_closed_claim_reopens()
    {
        Assert.Equal("Claim.NotClosed", Assert.Throws<DomainException>(() => Paid().Reopen("x", Manager, Local(12, 1))).Code);
    }

    [Fact]
    public void An_investigation_returns_the_claim_to_its_document_state()
    {
        var claim = Complete();
        claim.StartInvestigation(InvestigationMethod.SiteVisit, Local(11, 3));
        Assert.Equal(ClaimStatus.UnderInvestigation, claim.Status);
        Assert.Equal("Claim.DocumentsMissing", Assert.Throws<DomainException>(() => claim.Accept(1_000m, Handler, Local(11, 4))).Code);

        claim.CompleteInvestigation("现场查勘属实", Local(11, 4));

        Assert.Equal((ClaimStatus.DocumentsComplete, "现场查勘属实"), (claim.Status, claim.InvestigationFindings));
    }

    [Fact]
    public void The_transitions_are_listed_in_one_place()
    {
        Assert.True(ClaimTransitions.CanMove(ClaimStatus.Paid, ClaimStatus.Closed));
        Assert.False(ClaimTransitions.CanMove(ClaimStatus.Opened, ClaimStatus.Paid));
        Assert.Equal([ClaimStatus.AwaitingDocuments, ClaimStatus.DocumentsComplete], ClaimTransitions.Next(ClaimStatus.Closed));
    }

    private static (string Code, string? Field) ErrorOf(Action action)
    {
        var e = Assert.Throws<DomainException>(action);
        return (e.Code, e.Field);
    }
}
