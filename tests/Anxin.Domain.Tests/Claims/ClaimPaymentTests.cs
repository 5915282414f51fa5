using Anxin.Domain.Claims;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using static Anxin.Domain.Tests.Claims.ClaimKit;

namespace Anxin.Domain.Tests.Claims;

/// <summary>Payment rules (CLM-06), advance payment (art. 25) and fraud flags blocking payment (CLM-08).</summary>
public sealed class ClaimPaymentTests
{
    private static readonly DateOnly Arrival = new(2026, 11, 9);

    [Fact]
    public void Payment_is_blocked_while_the_policy_is_unverified()
    {
        var claim = Agreed(verified: false);

        var e = Assert.Throws<DomainException>(() => claim.Pay(Payee(), Arrival, Handler, Local(11, 7)));

        Assert.Equal("Claim.PolicyUnverified", e.Code);
        Assert.Empty(claim.Payments);
        Assert.Equal(ClaimStatus.Approved, claim.Status);
    }

    [Fact]
    public void Payment_is_blocked_by_an_uncleared_fraud_flag_and_allowed_once_a_reviewer_clears_it()
    {
        var claim = Agreed();
        var flag = claim.RaiseFraudFlag(FraudRules.SoonAfterInception, "3", null, Local(11, 6, 11));

        Assert.Equal("Claim.FraudFlagOpen", Assert.Throws<DomainException>(() => claim.Pay(Payee(), Arrival, Handler, Local(11, 7))).Code);

        claim.ClearFraudFlag(flag.Id, Reviewer, "核实为新车首保，正常", Local(11, 7, 9));
        var payment = claim.Pay(Payee(), Arrival, Handler, Local(11, 7));

        Assert.Equal((ClaimStatus.Paid, 8_000m), (claim.Status, payment.Amount));
        Assert.Equal((FraudFlagStatus.Cleared, Reviewer), (flag.Status, flag.ReviewedBy!.Value));
    }

    [Fact]
    public void A_confirmed_fraud_flag_keeps_blocking_payment()
    {
        var claim = Agreed();
        var flag = claim.RaiseFraudFlag(FraudRules.RepeatedClaims, "LP1,LP2", null, Local(11, 6, 11));

        claim.ConfirmFraudFlag(flag.Id, Reviewer, "同一车辆多次出险，移交调查", Local(11, 7, 9));

        Assert.Equal("Claim.FraudFlagOpen", Assert.Throws<DomainException>(() => claim.Pay(Payee(), Arrival, Handler, Local(11, 7))).Code);
    }

    [Fact]
    public void The_handler_cannot_review_a_fraud_flag_on_their_own_claim()
    {
        var claim = Agreed();
        var flag = claim.RaiseFraudFlag(FraudRules.SoonAfterInception, "3", null, Local(11, 6, 11));

        Assert.Equal("Claim.SelfReview", Assert.Throws<DomainException>(() => claim.ClearFraudFlag(flag.Id, Handler, "ok", Local(11, 7))).Code);
    }

    [Fact]
    public void The_same_finding_is_not_flagged_twice()
    {
        var claim = Open();
        var first = claim.RaiseFraudFlag(FraudRules.SoonAfterInception, "3", null, Local(11, 2, 11));

        Assert.Same(first, claim.RaiseFraudFlag(FraudRules.SoonAfterInception, "3", null, Local(11, 2, 12)));
        Assert.Single(claim.FraudFlags);
    }

    [Fact]
    public void The_payee_must_be_the_claimant_or_the_authorised_payee()
    {
        var claim = Agreed();

        var e = Assert.Throws<DomainException>(() => claim.Pay(Payee("李四"), Arrival, Handler, Local(11, 7)));
        Assert.Equal(("Claim.PayeeMismatch", nameof(ClaimPayment.PayeeName)), (e.Code, e.Field));

        claim.AuthorisePayee("某某汽修厂");
        var payment = claim.Pay(Payee("某某汽修厂"), Arrival, Handler, Local(11, 7));
        Assert.Equal(("某某汽修厂", Card.Value), (payment.PayeeName, payment.BankCard));
    }

    [Fact]
    public void A_bank_transfer_needs_a_card()
    {
        var e = Assert.Throws<DomainException>(() => Agreed().Pay(new ClaimPayee(Claimant, PaymentMethod.BankTransfer, null), Arrival, Handler, Local(11, 7)));

        Assert.Equal((ValidationCodes.Required, nameof(ClaimPayment.BankCard)), (e.Code, e.Field));
    }

    [Fact]
    public void Payment_waits_for_the_agreement_which_starts_the_payment_clock()
    {
        var claim = Approved();
        Assert.Equal("Claim.NoAgreement", Assert.Throws<DomainException>(() => claim.Pay(Payee(), Arrival, Handler, Local(11, 7))).Code);
        claim.TakeClockActions();

        claim.RecordAgreement(Local(11, 6));
        Assert.Equal(new ClaimClockAction(DefaultClockRules.ClaimPayment.Code, ClockActionKind.Start, Local(11, 6)), Assert.Single(claim.TakeClockActions()));

        claim.Pay(Payee(), Arrival, Handler, Local(11, 7));
        Assert.Equal(new ClaimClockAction(DefaultClockRules.ClaimPayment.Code, ClockActionKind.Stop, Local(11, 7)), Assert.Single(claim.TakeClockActions()));
    }

    [Fact]
    public void The_expected_arrival_cannot_precede_the_payment()
    {
        Assert.Equal("Claim.ArrivalBeforePayment", Assert.Throws<DomainException>(() => Agreed().Pay(Payee(), new DateOnly(2026, 11, 6), Handler, Local(11, 7))).Code);
    }

    [Fact]
    public void An_advance_payment_is_paid_before_adjudication_and_the_settlement_pays_the_rest()
    {
        var claim = Complete();
        claim.VerifyPolicy(Guid.CreateVersion7(), null, Handler, Local(11, 3));
        claim.TakeClockActions();

        var step = claim.RequestAdvancePayment(5_000m, Route(claim, Handler, HandlerLimits, AuthorityKind.Payment, 5_000m), Local(11, 4));
        Assert.Equal(ApprovalDecision.Pending, step.Decision);
        claim.Approve(Supervisor, SupervisorLimits, Local(11, 4, 11));
        var advance = claim.PayAdvance(Payee(), new DateOnly(2026, 11, 6), Handler, Local(11, 4, 15));

        Assert.Equal((PaymentKind.Advance, 5_000m), (advance.Kind, advance.Amount));
        Assert.Equal(ClaimStatus.DocumentsComplete, claim.Status);
        Assert.Equal(new ClaimClockAction(DefaultClockRules.AdvancePayment.Code, ClockActionKind.Stop, Local(11, 4, 15)), Assert.Single(claim.TakeClockActions()));

        claim.Accept(12_000m, Handler, Local(11, 10));
        claim.SubmitForApproval(Route(claim, Supervisor, SupervisorLimits, AuthorityKind.Payment, 12_000m), Local(11, 10, 11));
        claim.RecordAgreement(Local(11, 11));
        var settlement = claim.Pay(Payee(), new DateOnly(2026, 11, 13), Handler, Local(11, 12));

        Assert.Equal((PaymentKind.Settlement, 7_000m), (settlement.Kind, settlement.Amount));
        Assert.Equal(12_000m, claim.PaidTotal);
    }

    [Fact]
    public void An_accepted_amount_must_exceed_what_the_advance_already_paid()
    {
        var claim = Complete();
        claim.VerifyPolicy(Guid.CreateVersion7(), null, Handler, Local(11, 3));
        claim.RequestAdvancePayment(5_000m, Route(claim, Supervisor, SupervisorLimits, AuthorityKind.Payment, 5_000m), Local(11, 4));
        claim.PayAdvance(Payee(), new DateOnly(2026, 11, 6), Handler, Local(11, 4, 15));

        Assert.Equal("Claim.AmountNotAbovePaid", Assert.Throws<DomainException>(() => claim.Accept(5_000m, Handler, Local(11, 10))).Code);
    }

    [Fact]
    public void An_advance_payment_is_blocked_by_the_same_rules()
    {
        var claim = Complete();
        claim.RequestAdvancePayment(5_000m, Route(claim, Supervisor, SupervisorLimits, AuthorityKind.Payment, 5_000m), Local(11, 4));

        Assert.Equal("Claim.PolicyUnverified", Assert.Throws<DomainException>(() => claim.PayAdvance(Payee(), new DateOnly(2026, 11, 6), Handler, Local(11, 4, 15))).Code);
    }

    [Fact]
    public void Payment_blocker_says_why_without_throwing()
    {
        Assert.Equal("Claim.PolicyUnverified", Agreed(verified: false).PaymentBlocker(Payee())!.Code);
        Assert.Null(Agreed().PaymentBlocker(Payee()));
    }
}
