using Anxin.Domain.Claims;
using Anxin.Domain.Common;
using Anxin.Domain.Policies;

namespace Anxin.Domain.Tests.Claims;

public sealed class ApprovalRoutingTests
{
    private static readonly Guid Handler = Guid.CreateVersion7();
    private static readonly Guid Supervisor = Guid.CreateVersion7();
    private static readonly Guid Manager = Guid.CreateVersion7();
    private static readonly Guid HeadOffice = Guid.CreateVersion7();

    private static AuthorityProfile Profile(string code, decimal payment, decimal reserve)
    {
        var profile = AuthorityProfile.Create(code, code);
        profile.SetLimit(ProductLine.Motor, AuthorityKind.Payment, payment);
        profile.SetLimit(ProductLine.Motor, AuthorityKind.Reserve, reserve);
        return profile;
    }

    private static readonly AuthorityProfile HandlerLimits = Profile("H", 10_000m, 50_000m);
    private static readonly AuthorityProfile SupervisorLimits = Profile("S", 50_000m, 200_000m);
    private static readonly AuthorityProfile ManagerLimits = Profile("M", 200_000m, 1_000_000m);

    private static IReadOnlyList<IReadOnlyList<ApproverCandidate>> Chain() =>
    [
        [new ApproverCandidate(Supervisor, SupervisorLimits)],
        [new ApproverCandidate(Manager, ManagerLimits)],
    ];

    private static ApprovalRoute Route(Guid acting, IAuthorityLimits limits, decimal amount, AuthorityKind kind = AuthorityKind.Payment,
        IReadOnlyList<IReadOnlyList<ApproverCandidate>>? chain = null, Guid? handler = null) =>
        ApprovalRouting.Route(new ApprovalRequest(acting, limits, handler ?? Handler, ProductLine.Motor, kind, amount, chain ?? Chain()));

    [Fact]
    public void Within_the_acting_persons_own_limit_they_approve_directly()
    {
        var route = Route(Supervisor, SupervisorLimits, 30_000m);

        Assert.Equal((RouteOutcome.ApproveDirectly, 0), (route.Outcome, route.Level));
        Assert.Equal([Supervisor], route.Approvers);
    }

    [Fact]
    public void The_limit_itself_is_within_the_limit()
    {
        Assert.Equal(RouteOutcome.ApproveDirectly, Route(Supervisor, SupervisorLimits, 50_000m).Outcome);
    }

    [Fact]
    public void Above_the_acting_persons_limit_it_goes_one_level_up()
    {
        var route = Route(Guid.CreateVersion7(), HandlerLimits, 30_000m);

        Assert.Equal((RouteOutcome.RouteUp, 1), (route.Outcome, route.Level));
        Assert.Equal([Supervisor], route.Approvers);
    }

    [Fact]
    public void Above_the_next_levels_limit_it_goes_two_levels_up()
    {
        var route = Route(Guid.CreateVersion7(), HandlerLimits, 120_000m);

        Assert.Equal((RouteOutcome.RouteUp, 2), (route.Outcome, route.Level));
        Assert.Equal([Manager], route.Approvers);
    }

    [Fact]
    public void Above_every_limit_in_the_chain_none_can_approve()
    {
        var route = Route(Guid.CreateVersion7(), HandlerLimits, 500_000m);

        Assert.Equal(RouteOutcome.NoneCanApprove, route.Outcome);
        Assert.Empty(route.Approvers);
    }

    [Fact]
    public void The_handler_does_not_approve_a_payment_on_their_own_claim_even_within_their_limit()
    {
        var route = Route(Handler, HandlerLimits, 5_000m);

        Assert.Equal((RouteOutcome.RouteUp, 1), (route.Outcome, route.Level));
        Assert.Equal([Supervisor], route.Approvers);
    }

    [Fact]
    public void The_handler_is_never_a_candidate_up_the_chain()
    {
        // A supervisor who is also the claim's handler is skipped; the manager above decides.
        var route = Route(Guid.CreateVersion7(), HandlerLimits, 30_000m, handler: Supervisor);

        Assert.Equal((RouteOutcome.RouteUp, 2), (route.Outcome, route.Level));
        Assert.Equal([Manager], route.Approvers);
    }

    [Fact]
    public void The_handler_sets_a_reserve_within_their_own_reserve_limit_directly()
    {
        Assert.Equal(RouteOutcome.ApproveDirectly, Route(Handler, HandlerLimits, 40_000m, AuthorityKind.Reserve).Outcome);
        Assert.Equal(1, Route(Handler, HandlerLimits, 60_000m, AuthorityKind.Reserve).Level);
    }

    [Fact]
    public void Every_covering_approver_at_the_nearest_level_is_offered()
    {
        var other = Guid.CreateVersion7();
        IReadOnlyList<IReadOnlyList<ApproverCandidate>> chain =
        [
            [new ApproverCandidate(Supervisor, SupervisorLimits), new ApproverCandidate(other, HandlerLimits), new ApproverCandidate(HeadOffice, ManagerLimits)],
        ];

        var route = Route(Guid.CreateVersion7(), HandlerLimits, 30_000m, chain: chain);

        Assert.Equal([Supervisor, HeadOffice], route.Approvers);
    }

    [Fact]
    public void A_line_without_a_limit_cannot_be_approved_by_that_profile()
    {
        var route = ApprovalRouting.Route(new ApprovalRequest(Supervisor, SupervisorLimits, Handler, ProductLine.Life, AuthorityKind.Payment, 1m, Chain()));

        Assert.Equal(RouteOutcome.NoneCanApprove, route.Outcome);
    }

    [Fact]
    public void An_inactive_profile_grants_nothing()
    {
        var profile = Profile("X", 1_000_000m, 1_000_000m);
        profile.Deactivate();

        Assert.Null(profile.LimitFor(ProductLine.Motor, AuthorityKind.Payment));
    }

    [Fact]
    public void A_personal_assignment_overrides_the_role_ones()
    {
        var staff = Guid.CreateVersion7();
        var profiles = new[] { HandlerLimits, SupervisorLimits, ManagerLimits }.ToDictionary(p => p.Id);
        AuthorityAssignment[] assignments =
        [
            AuthorityAssignment.ForRole(SupervisorLimits, "Supervisor"),
            AuthorityAssignment.ForStaff(HandlerLimits, staff),
        ];

        var authority = EffectiveAuthority.Resolve(staff, "/1/4/", ["Supervisor"], assignments, profiles);

        Assert.Equal(10_000m, authority.LimitFor(ProductLine.Motor, AuthorityKind.Payment));
    }

    [Fact]
    public void The_most_specific_scoped_role_assignment_applies_and_roles_combine_by_the_highest_limit()
    {
        var staff = Guid.CreateVersion7();
        var profiles = new[] { HandlerLimits, SupervisorLimits, ManagerLimits }.ToDictionary(p => p.Id);
        AuthorityAssignment[] assignments =
        [
            AuthorityAssignment.ForRole(ManagerLimits, "Supervisor"),
            AuthorityAssignment.ForRole(HandlerLimits, "Supervisor", "/1/4/"),
            AuthorityAssignment.ForRole(SupervisorLimits, "ClaimsHandler", "/1/"),
            AuthorityAssignment.ForRole(ManagerLimits, "ClaimsHandler", "/2/"),
        ];

        var authority = EffectiveAuthority.Resolve(staff, "/1/4/9/", ["Supervisor", "ClaimsHandler"], assignments, profiles);

        // Supervisor in /1/4/ → H (10,000); ClaimsHandler in /1/ → S (50,000); highest wins.
        Assert.Equal(50_000m, authority.LimitFor(ProductLine.Motor, AuthorityKind.Payment));
        Assert.Null(EffectiveAuthority.Resolve(staff, "/1/", ["Teller"], assignments, profiles).LimitFor(ProductLine.Motor, AuthorityKind.Payment));
    }

    [Fact]
    public void A_limit_is_a_non_negative_amount_with_at_most_two_decimals()
    {
        var profile = AuthorityProfile.Create("P", "P");

        Assert.Equal("Claim.Authority.LimitInvalid", Assert.Throws<DomainException>(() => profile.SetLimit(ProductLine.Motor, AuthorityKind.Payment, -1m)).Code);
        Assert.Equal("Claim.Authority.LimitInvalid", Assert.Throws<DomainException>(() => profile.SetLimit(ProductLine.Motor, AuthorityKind.Payment, 1.001m)).Code);
        profile.SetLimit(ProductLine.Motor, AuthorityKind.Payment, 100m);
        profile.SetLimit(ProductLine.Motor, AuthorityKind.Payment, 200m);
        Assert.Equal(200m, Assert.Single(profile.Limits).MaxAmount);
    }
}
