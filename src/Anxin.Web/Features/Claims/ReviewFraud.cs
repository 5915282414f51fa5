using Anxin.Web.Infrastructure.Http;

namespace Anxin.Web.Features.Claims;

public sealed record RaiseFraudFlagRequest(string? Detail, long? Version = null);

public sealed record ReviewFraudFlagRequest(string? Note, long? Version = null);

/// <summary>
/// Fraud flags (CLM-08): the rules raise them (on opening, on a shared bank account at payment), a
/// handler may raise one by hand; open and confirmed flags block payment until a reviewer who is not
/// the claim's handler clears them with a note.
/// </summary>
public sealed class ReviewFraudFlagHandler(ChangeClaimHandler changes, GetClaimHandler details)
{
    public const string ManualRule = "Fraud.Manual";

    public async Task<Result<ClaimDetail>> RaiseAsync(Guid id, RaiseFraudFlagRequest request, CancellationToken ct)
    {
        var result = await changes.ApplyAsync(id, request.Version, (claim, actor) =>
        {
            if (string.IsNullOrWhiteSpace(request.Detail))
            {
                throw new Domain.Common.DomainException(Domain.Common.ValidationCodes.Required, "Detail");
            }

            var flag = claim.RaiseFraudFlag(ManualRule, request.Detail, actor.StaffId, actor.Now);
            return new ClaimEvent("FraudFlagRaised", $"{flag.RuleCode} {flag.Detail}");
        }, ct);
        return result.IsOk ? await details.DescribeAsync(result.Value!, ct) : Result<ClaimDetail>.Fail(result);
    }

    public async Task<Result<ClaimDetail>> ClearAsync(Guid id, Guid flagId, ReviewFraudFlagRequest request, CancellationToken ct) =>
        await ReviewAsync(id, flagId, request, clear: true, ct);

    public async Task<Result<ClaimDetail>> ConfirmAsync(Guid id, Guid flagId, ReviewFraudFlagRequest request, CancellationToken ct) =>
        await ReviewAsync(id, flagId, request, clear: false, ct);

    private async Task<Result<ClaimDetail>> ReviewAsync(Guid id, Guid flagId, ReviewFraudFlagRequest request, bool clear, CancellationToken ct)
    {
        var result = await changes.ApplyAsync(id, request.Version, (claim, actor) =>
        {
            if (clear)
            {
                claim.ClearFraudFlag(flagId, actor.StaffId, request.Note ?? string.Empty, actor.Now);
            }
            else
            {
                claim.ConfirmFraudFlag(flagId, actor.StaffId, request.Note ?? string.Empty, actor.Now);
            }

            var flag = claim.FraudFlags.First(f => f.Id == flagId);
            return new ClaimEvent(clear ? "FraudFlagCleared" : "FraudFlagConfirmed", $"{flag.RuleCode}: {flag.ReviewNote}");
        }, ct);
        return result.IsOk ? await details.DescribeAsync(result.Value!, ct) : Result<ClaimDetail>.Fail(result);
    }
}
