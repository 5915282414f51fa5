using Anxin.Data;
using Anxin.Domain.Claims;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Messaging;

namespace Anxin.Web.Features.Claims;

/// <summary>Closes into the claim's file; without an archive number a new one is issued (a reopened claim keeps its own).</summary>
public sealed record CloseClaimRequest(string? ArchiveNumber = null, long? Version = null);

public sealed record WithdrawClaimRequest(string? Reason, string? ArchiveNumber = null, long? Version = null);

public sealed record ReopenClaimRequest(string? Reason, long? Version = null);

/// <summary>
/// Closing and archive (CLM-07): one case, one file (一案一卷) with its archive number (卷号); the
/// outstanding reserve is released and the claim becomes read-only (any change is 409 Claim.Closed).
/// Reopening needs <c>Claims.Reopen</c> and a reason; the claim keeps its file number. A claim closed with
/// a payment may be picked for review (CLM-10, <see cref="SampleClaimForReviewHandler"/>).
/// </summary>
public sealed class CloseClaimHandler(ChangeClaimHandler changes, GetClaimHandler details, IBusinessNumberGenerator numbers, AnxinDbContext db,
    ServiceClocks clocks, SampleClaimForReviewHandler sampling)
{
    public async Task<Result<ClaimDetail>> CloseAsync(Guid id, CloseClaimRequest request, CancellationToken ct)
    {
        var result = await changes.ApplyAsync(id, request.Version, async (claim, actor) =>
        {
            claim.Close(await ArchiveNumberAsync(claim, request.ArchiveNumber, ct), actor.StaffId, actor.Now);
            await InvestigationTaskClocks.CancelOpenAsync(db, clocks, claim, actor.StaffId, actor.Now, ct);
            await sampling.HandleAsync(claim, actor.Now, ct);
            return new ClaimEvent("ClaimClosed", $"{claim.Outcome} {claim.ArchiveNumber}");
        }, ct);
        return result.IsOk ? await details.DescribeAsync(result.Value!, ct) : Result<ClaimDetail>.Fail(result);
    }

    public async Task<Result<ClaimDetail>> WithdrawAsync(Guid id, WithdrawClaimRequest request, CancellationToken ct)
    {
        var result = await changes.ApplyAsync(id, request.Version, async (claim, actor) =>
        {
            claim.Withdraw(request.Reason ?? string.Empty, await ArchiveNumberAsync(claim, request.ArchiveNumber, ct), actor.StaffId, actor.Now);
            await InvestigationTaskClocks.CancelOpenAsync(db, clocks, claim, actor.StaffId, actor.Now, ct);
            return new ClaimEvent("ClaimWithdrawn", $"{claim.ArchiveNumber}: {claim.CloseReason}");
        }, ct);
        return result.IsOk ? await details.DescribeAsync(result.Value!, ct) : Result<ClaimDetail>.Fail(result);
    }

    public async Task<Result<ClaimDetail>> ReopenAsync(Guid id, ReopenClaimRequest request, CancellationToken ct)
    {
        var result = await changes.ApplyAsync(id, request.Version, (claim, actor) =>
        {
            claim.Reopen(request.Reason ?? string.Empty, actor.StaffId, actor.Now);
            return new ClaimEvent("ClaimReopened", claim.ReopenReason ?? string.Empty);
        }, ct);
        return result.IsOk ? await details.DescribeAsync(result.Value!, ct) : Result<ClaimDetail>.Fail(result);
    }

    /// <summary>The given number, the claim's own file number, or a new one — only issued when the claim may close.</summary>
    private async Task<string> ArchiveNumberAsync(Claim claim, string? requested, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(requested) || claim.ArchiveNumber is not null || claim.Status == ClaimStatus.Closed)
        {
            return string.IsNullOrWhiteSpace(requested) ? claim.ArchiveNumber ?? string.Empty : requested;
        }

        return await numbers.NextAsync(ArchiveNumbers.Prefix, ct);
    }
}
