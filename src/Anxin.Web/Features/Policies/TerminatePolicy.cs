using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Policies;

/// <summary>Ends cover early: <see cref="Status"/> Cancelled (cancellation, surrender) or Lapsed, at <see cref="At"/>.</summary>
public sealed record TerminatePolicyRequest(PolicyStatus? Status = null, DateTimeOffset? At = null, string? Reason = null, long? Version = null);

/// <summary>
/// Cancels or lapses a policy in force (<see cref="Policy.Terminate"/>); a loss after the date is
/// then "not in force" at intake (CC-03). Writes a "PolicyTerminated" audit event. With
/// <see cref="TerminatePolicyRequest.Version"/>, someone else's change in between is a conflict.
/// </summary>
public sealed class TerminatePolicyHandler(AnxinDbContext db, TimeProvider time)
{
    public const string EventName = "PolicyTerminated";
    public const int MaxReasonLength = 200;

    public async Task<Result<PolicyDetail>> HandleAsync(Guid id, TerminatePolicyRequest request, CancellationToken ct)
    {
        var policy = await db.Policies.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (policy is null)
        {
            return Result<PolicyDetail>.NotFound();
        }

        var errors = new FieldErrors();
        if (request.Status is not (PolicyStatus.Cancelled or PolicyStatus.Lapsed))
        {
            errors.Add(nameof(request.Status), ValidationCodes.Required);
        }

        if (request.At is null)
        {
            errors.Add(nameof(request.At), ValidationCodes.Required);
        }

        if (request.Reason is { Length: > MaxReasonLength })
        {
            errors.Add(nameof(request.Reason), "Validation.TooLong");
        }

        if (errors.Any)
        {
            return Result<PolicyDetail>.Invalid(errors.All);
        }

        if (request.Version is { } version && !db.IsAtVersion(policy, version))
        {
            return Result<PolicyDetail>.Conflict();
        }

        try
        {
            policy.Terminate(request.Status!.Value, request.At!.Value);
        }
        catch (DomainException e)
        {
            return Result<PolicyDetail>.Invalid([new FieldError(e.Field == nameof(Policy.TerminatedAt) ? nameof(request.At) : nameof(request.Status), e.Code)]);
        }

        db.AddAuditEvent(EventName, nameof(Policy), policy.Id,
            $"{policy.Number} {policy.Status} {PolicyColumns.Time(request.At.Value)} {request.Reason?.Trim()}".TrimEnd(), policy.OrgPath, time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<PolicyDetail>.Conflict();
        }

        return (await PolicyDetail.LoadAsync(db, id, ct))!;
    }
}
