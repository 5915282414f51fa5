using Anxin.Domain.Common;

namespace Anxin.Domain.Claims;

/// <summary>A claim that may be picked for review (CLM-10).</summary>
public sealed record SamplingCandidate(Guid ClaimId, ClaimStatus Status, decimal PaidAmount)
{
    public static SamplingCandidate From(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return new SamplingCandidate(claim.Id, claim.Status, claim.PaidTotal);
    }
}

public enum SampleReason
{
    /// <summary>Paid at least the value threshold: always reviewed.</summary>
    ValueThreshold = 1,

    /// <summary>Drawn at random.</summary>
    Random = 2,
}

public sealed record SampledClaim(Guid ClaimId, SampleReason Reason);

/// <summary>Review sampling settings: a percentage drawn at random, and every claim paid at least <see cref="ValueThreshold"/>.</summary>
public sealed record SamplingSettings(decimal Percent, decimal? ValueThreshold)
{
    public static SamplingSettings Create(decimal percent, decimal? valueThreshold)
    {
        if (percent is < 0m or > 100m)
        {
            throw new DomainException("Claim.Payable.PercentRange", nameof(Percent));
        }

        if (valueThreshold is < 0m)
        {
            throw new DomainException("Claim.AmountInvalid", nameof(ValueThreshold));
        }

        return new SamplingSettings(percent, valueThreshold);
    }
}

/// <summary>
/// Claim review sampling (CLM-10): among closed claims, every one paid at or above the value threshold,
/// plus <see cref="SamplingSettings.Percent"/> of the others (rounded half away from zero) drawn with the
/// injected <see cref="Random"/>, so a seed reproduces a draw.
/// </summary>
public static class ReviewSampling
{
    public static IReadOnlyList<SampledClaim> Pick(IEnumerable<SamplingCandidate> candidates, SamplingSettings settings, Random random)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(random);
        var closed = candidates.Where(c => c.Status == ClaimStatus.Closed).DistinctBy(c => c.ClaimId).OrderBy(c => c.ClaimId).ToList();
        var byValue = closed.Where(c => settings.ValueThreshold is { } threshold && c.PaidAmount >= threshold).ToList();
        var rest = closed.Except(byValue).ToArray();
        var count = (int)decimal.Round(rest.Length * settings.Percent / 100m, MidpointRounding.AwayFromZero);
        random.Shuffle(rest);
        return byValue.Select(c => new SampledClaim(c.ClaimId, SampleReason.ValueThreshold))
            .Concat(rest.Take(count).OrderBy(c => c.ClaimId).Select(c => new SampledClaim(c.ClaimId, SampleReason.Random)))
            .ToList();
    }
}
