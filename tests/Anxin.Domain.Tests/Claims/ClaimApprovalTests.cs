using Anxin.Domain.Claims;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using static Anxin.Domain.Tests.Claims.ClaimKit;

namespace Anxin.Domain.Tests.Claims;

/// <summary>Adjudication, tiered approval (CLM-05) and the reserve.</summary>
public sealed class ClaimApprovalTests
{
    [Fact]
    public void Accepting_needs_complete_documents()
    {
        var claim = Open();
        claim.RequireDocuments([ClaimForm], Local(11, 2, 11));

        Assert.Equal("Claim.DocumentsMissing", Assert.Throws<DomainException>(() => claim.Accept(1_000m, Handler, Local(11, 3))).Code);
    }

    [Fact]
    public void Accepting_stops_the_decision_and_advance_payment_clocks()
    {
        var claim = Complete();
        claim.TakeClockActions();

        claim.Accept(8_000m, Handler, Local(11, 5));

        Assert.Equal((ClaimStatus.Accepted, 8_000m), (claim.Status, claim.AcceptedAmount));
        Assert.Equal(
            [(DefaultClockRules.ClaimDecision.Code, ClockActionKind.Stop), (DefaultClockRules.AdvancePayment.Code, ClockActionKind.Stop)],
            claim.TakeClockActions().Select(a => (a.RuleCode, a.Kind)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void An_accepted_amount_must_be_positive(int amount)
    {
        Assert.Equal("Claim.AmountNotPositive", Assert.Throws<DomainException>(() => Complete().Accept(amount, Handler, Local(11, 5))).Code);
    }

    [Fact]
    public void The_handlers_own_request_goes_to_pending_approval_not_a_refusal()
    {
        var claim = Accepted(8_000m);

        var step = claim.SubmitForApproval(Route(claim, Handler, HandlerLimits, AuthorityKind.Payment, 8_000m), Local(11, 5, 11));

        Assert.Equal(ClaimStatus.PendingApproval, claim.Status);
        Assert.Equal((1, Supervisor, ApprovalDecision.Pending), (step.RoutedLevel, step.RoutedToStaffId!.Value, step.Decision));
    }

    [Fact]
    public void A_requester_within_their_own_limit_who_is_not_the_handler_approves_at_once()
    {
        var claim = Accepted(30_000m);

        var step = claim.SubmitForApproval(Route(claim, Supervisor, SupervisorLimits, AuthorityKind.Payment, 30_000m), Local(11, 5, 11));

        Assert.Equal(ClaimStatus.Approved, claim.Status);
        Assert.Equal((ApprovalDecision.Approved, Supervisor, 0), (step.Decision, step.DecidedBy!.Value, step.RoutedLevel));
    }

    [Fact]
    public void The_approver_up_the_chain_approves()
    {
        var claim = Accepted(120_000m);
        var step = claim.SubmitForApproval(Route(claim, Handler, HandlerLimits, AuthorityKind.Payment, 120_000m), Local(11, 5, 11));
        Assert.Equal((2, Manager), (step.RoutedLevel, step.RoutedToStaffId!.Value));

        claim.Approve(Manager, ManagerLimits, Local(11, 6), "同意");

        Assert.Equal(ClaimStatus.Approved, claim.Status);
        Assert.Equal((ApprovalDecision.Approved, Manager, "同意"), (step.Decision, step.DecidedBy!.Value, step.DecisionNote));
    }

    [Fact]
    public void The_handler_cannot_approve_their_own_claim()
    {
        var claim = Accepted(8_000m);
        var supervisorRoute = Route(claim, Supervisor, EffectiveAuthority.None, AuthorityKind.Payment, 8_000m);
        claim.SubmitForApproval(supervisorRoute, Local(11, 5, 11));

        var e = Assert.Throws<DomainException>(() => claim.Approve(Handler, ManagerLimits, Local(11, 6)));

        Assert.Equal("Claim.SelfApproval", e.Code);
        Assert.Equal(ClaimStatus.PendingApproval, claim.Status);
    }

    [Fact]
    public void The_requester_cannot_approve_their_own_request()
    {
        var claim = Accepted(120_000m);
        claim.SubmitForApproval(Route(claim, Supervisor, SupervisorLimits, AuthorityKind.Payment, 120_000m), Local(11, 5, 11));

        Assert.Equal("Claim.SelfApproval", Assert.Throws<DomainException>(() => claim.Approve(Supervisor, ManagerLimits, Local(11, 6))).Code);
    }

    [Fact]
    public void A_route_that_says_the_handler_approves_directly_is_refused()
    {
        var claim = Accepted(8_000m);
        var forged = new ApprovalRoute(RouteOutcome.ApproveDirectly, 0, [Handler], Handler, Handler, claim.Line, AuthorityKind.Payment, 8_000m);

        Assert.Equal("Claim.SelfApproval", Assert.Throws<DomainException>(() => claim.SubmitForApproval(forged, Local(11, 5, 11))).Code);
    }

    [Fact]
    public void An_approver_whose_limit_does_not_cover_the_amount_is_refused()
    {
        var claim = Accepted(120_000m);
        claim.SubmitForApproval(Route(claim, Handler, HandlerLimits, AuthorityKind.Payment, 120_000m), Local(11, 5, 11));

        Assert.Equal("Claim.AboveAuthority", Assert.Throws<DomainException>(() => claim.Approve(Supervisor, SupervisorLimits, Local(11, 6))).Code);
    }

    [Fact]
    public void When_nobody_can_approve_the_submission_is_refused_and_the_claim_stays_accepted()
    {
        var claim = Accepted(900_000m);

        var e = Assert.Throws<DomainException>(() => claim.SubmitForApproval(Route(claim, Handler, HandlerLimits, AuthorityKind.Payment, 900_000m), Local(11, 5, 11)));

        Assert.Equal("Claim.NoApprover", e.Code);
        Assert.Equal(ClaimStatus.Accepted, claim.Status);
        Assert.Empty(claim.Approvals);
    }

    [Fact]
    public void A_rejected_payment_goes_back_to_the_adjudicator_and_every_step_is_kept()
    {
        var claim = Accepted(8_000m);
        claim.SubmitForApproval(Route(claim, Handler, HandlerLimits, AuthorityKind.Payment, 8_000m), Local(11, 5, 11));

        claim.RejectApproval(Supervisor, SupervisorLimits, "定损偏高", Local(11, 5, 15));
        claim.Accept(7_000m, Handler, Local(11, 6));
        claim.SubmitForApproval(Route(claim, Handler, HandlerLimits, AuthorityKind.Payment, 7_000m), Local(11, 6, 11));
        claim.Approve(Supervisor, SupervisorLimits, Local(11, 6, 14));

        Assert.Equal(ClaimStatus.Approved, claim.Status);
        Assert.Equal(
            [(8_000m, ApprovalDecision.Rejected), (7_000m, ApprovalDecision.Approved)],
            claim.Approvals.Select(a => (a.Amount, a.Decision)));
    }

    [Fact]
    public void A_rerouted_step_is_kept_and_the_new_one_waits()
    {
        var claim = Accepted(8_000m);
        claim.SubmitForApproval(Route(claim, Handler, HandlerLimits, AuthorityKind.Payment, 8_000m), Local(11, 5, 11));
        var other = Guid.CreateVersion7();
        var route = ApprovalRouting.Route(new ApprovalRequest(Handler, HandlerLimits, Handler, claim.Line, AuthorityKind.Payment, 8_000m,
            [[new ApproverCandidate(other, SupervisorLimits)]]));

        var next = claim.Reroute(route, Local(11, 5, 16));

        Assert.Equal([ApprovalDecision.Rerouted, ApprovalDecision.Pending], claim.Approvals.Select(a => a.Decision));
        Assert.Equal(other, next.RoutedToStaffId);
        Assert.Equal(ClaimStatus.PendingApproval, claim.Status);
    }

    [Fact]
    public void A_reserve_within_the_handlers_reserve_limit_applies_at_once_with_history()
    {
        var claim = Open();

        claim.ChangeReserve(20_000m, "初估", Route(claim, Handler, HandlerLimits, AuthorityKind.Reserve, 20_000m), Local(11, 2, 12));
        claim.ChangeReserve(30_000m, "追加", Route(claim, Handler, HandlerLimits, AuthorityKind.Reserve, 30_000m), Local(11, 3));

        Assert.Equal(30_000m, claim.Reserve);
        Assert.Equal([(0m, 20_000m), (20_000m, 30_000m)], claim.ReserveChanges.Select(r => (r.Previous, r.Amount)));
    }

    [Fact]
    public void A_reserve_above_the_handlers_limit_waits_for_approval_then_applies()
    {
        var claim = Open();
        claim.ChangeReserve(120_000m, "重大人伤", Route(claim, Handler, HandlerLimits, AuthorityKind.Reserve, 120_000m), Local(11, 2, 12));
        Assert.Equal(0m, claim.Reserve);
        Assert.Equal(ClaimStatus.Opened, claim.Status);

        claim.Approve(Supervisor, SupervisorLimits, Local(11, 2, 15));

        var change = Assert.Single(claim.ReserveChanges);
        Assert.Equal((120_000m, Supervisor, "重大人伤"), (claim.Reserve, change.ChangedBy, change.Reason));
        Assert.NotNull(change.ApprovalId);
    }

    [Fact]
    public void Only_one_approval_step_waits_at_a_time()
    {
        var claim = Open();
        claim.ChangeReserve(120_000m, "重大人伤", Route(claim, Handler, HandlerLimits, AuthorityKind.Reserve, 120_000m), Local(11, 2, 12));

        Assert.Equal("Claim.ApprovalPending", Assert.Throws<DomainException>(() =>
            claim.ChangeReserve(130_000m, "再追加", Route(claim, Handler, HandlerLimits, AuthorityKind.Reserve, 130_000m), Local(11, 2, 13))).Code);
    }

    [Fact]
    public void A_route_computed_for_another_amount_is_a_programming_error()
    {
        var claim = Accepted(8_000m);

        Assert.Throws<ArgumentException>(() => claim.SubmitForApproval(Route(claim, Handler, HandlerLimits, AuthorityKind.Payment, 7_000m), Local(11, 5, 11)));
    }
}
