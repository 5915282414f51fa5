using Anxin.Domain.Common;
using Anxin.Domain.Policies;

namespace Anxin.Domain.Claims;

/// <summary>A possible approver at one level of the organisation chain, with the limits they hold.</summary>
public sealed record ApproverCandidate(Guid StaffId, IAuthorityLimits Authority);

/// <summary>
/// Who should decide an amount (CLM-05). <see cref="ChainUpward"/>[0] are the candidates one level up
/// from the acting person, [1] two levels up, and so on; the caller builds it from the organisation tree.
/// </summary>
public sealed record ApprovalRequest(
    Guid ActingStaffId,
    IAuthorityLimits ActingAuthority,
    Guid HandlerStaffId,
    ProductLine Line,
    AuthorityKind Kind,
    decimal Amount,
    IReadOnlyList<IReadOnlyList<ApproverCandidate>> ChainUpward);

public enum RouteOutcome
{
    /// <summary>The acting person may decide it now.</summary>
    ApproveDirectly = 1,

    /// <summary>It goes to pending approval with the nearest approvers up the chain whose limits cover it.</summary>
    RouteUp = 2,

    /// <summary>Nobody in the chain holds a limit that covers it.</summary>
    NoneCanApprove = 3,
}

/// <summary>
/// Where an amount goes. <see cref="Level"/> is 0 for the acting person, 1 for one level up, …;
/// <see cref="Approvers"/> are everyone at that level who may decide (any one of them suffices).
/// </summary>
public sealed record ApprovalRoute(
    RouteOutcome Outcome,
    int Level,
    IReadOnlyList<Guid> Approvers,
    Guid RequestedBy,
    Guid HandlerStaffId,
    ProductLine Line,
    AuthorityKind Kind,
    decimal Amount);

/// <summary>
/// Tiered approval by authority limits (理赔权限, 逐级审批). The handler of a claim never approves a
/// payment on it: as the acting person they do not approve directly, and they are never a candidate up
/// the chain. Setting a reserve within one's own reserve limit is not an approval, so the handler may
/// do that directly; a reserve above it goes up like a payment.
/// </summary>
public static class ApprovalRouting
{
    public static ApprovalRoute Route(ApprovalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.ActingAuthority);
        ArgumentNullException.ThrowIfNull(request.ChainUpward);
        if (request.Amount < 0m)
        {
            throw new DomainException("Claim.AmountNotPositive", nameof(request.Amount));
        }

        var actingMayDecide = request.Kind == AuthorityKind.Reserve || request.ActingStaffId != request.HandlerStaffId;
        if (actingMayDecide && request.ActingAuthority.Covers(request.Line, request.Kind, request.Amount))
        {
            return Result(request, RouteOutcome.ApproveDirectly, 0, [request.ActingStaffId]);
        }

        for (var level = 0; level < request.ChainUpward.Count; level++)
        {
            var approvers = request.ChainUpward[level]
                .Where(c => c.StaffId != request.HandlerStaffId && c.StaffId != request.ActingStaffId)
                .Where(c => c.Authority.Covers(request.Line, request.Kind, request.Amount))
                .Select(c => c.StaffId)
                .Distinct()
                .ToList();
            if (approvers.Count > 0)
            {
                return Result(request, RouteOutcome.RouteUp, level + 1, approvers);
            }
        }

        return Result(request, RouteOutcome.NoneCanApprove, 0, []);
    }

    private static ApprovalRoute Result(ApprovalRequest request, RouteOutcome outcome, int level, IReadOnlyList<Guid> approvers) =>
        new(outcome, level, approvers, request.ActingStaffId, request.HandlerStaffId, request.Line, request.Kind, request.Amount);
}
