using Anxin.Domain.Claims;
using Anxin.Domain.Common;

namespace Anxin.Domain.Tests.Claims;

/// <summary>Claim review sampling (CLM-10): value threshold plus a reproducible random percentage of closed claims.</summary>
public sealed class ReviewSamplingTests
{
    private static List<SamplingCandidate> Closed(int count, decimal paid = 1_000m) =>
        Enumerable.Range(0, count).Select(_ => new SamplingCandidate(Guid.CreateVersion7(), ClaimStatus.Closed, paid)).ToList();

    [Fact]
    public void Every_claim_paid_at_or_above_the_threshold_is_picked()
    {
        var big = new[] { new SamplingCandidate(Guid.CreateVersion7(), ClaimStatus.Closed, 50_000m), new SamplingCandidate(Guid.CreateVersion7(), ClaimStatus.Closed, 80_000m) };

        var picked = ReviewSampling.Pick([.. Closed(20), .. big], SamplingSettings.Create(0m, 50_000m), new Random(1));

        Assert.Equal(big.Select(b => b.ClaimId).Order(), picked.Select(p => p.ClaimId).Order());
        Assert.All(picked, p => Assert.Equal(SampleReason.ValueThreshold, p.Reason));
    }

    [Fact]
    public void The_random_share_is_the_percentage_of_the_other_closed_claims_rounded_half_away_from_zero()
    {
        // 10% of 25 = 2.5 → 3.
        var picked = ReviewSampling.Pick(Closed(25), SamplingSettings.Create(10m, null), new Random(7));

        Assert.Equal(3, picked.Count);
        Assert.All(picked, p => Assert.Equal(SampleReason.Random, p.Reason));
    }

    [Fact]
    public void Only_closed_claims_are_sampled()
    {
        var open = new SamplingCandidate(Guid.CreateVersion7(), ClaimStatus.Paid, 90_000m);

        var picked = ReviewSampling.Pick([open, .. Closed(4)], SamplingSettings.Create(100m, 50_000m), new Random(3));

        Assert.Equal(4, picked.Count);
        Assert.DoesNotContain(picked, p => p.ClaimId == open.ClaimId);
    }

    [Fact]
    public void The_same_seed_draws_the_same_claims_whatever_the_input_order()
    {
        var claims = Closed(40);
        var settings = SamplingSettings.Create(20m, null);

        var first = ReviewSampling.Pick(claims, settings, new Random(42));
        var again = ReviewSampling.Pick(Enumerable.Reverse(claims), settings, new Random(42));
        var other = ReviewSampling.Pick(claims, settings, new Random(43));

        Assert.Equal(first, again);
        Assert.NotEqual(first.Select(p => p.ClaimId), other.Select(p => p.ClaimId));
    }

    [Fact]
    public void A_percentage_outside_zero_to_a_hundred_is_refused()
    {
        Assert.Throws<DomainException>(() => SamplingSettings.Create(101m, null));
    }
}
