using Anxin.Domain.Common;

namespace Anxin.Domain.Claims;

/// <summary>
/// The facts the fraud rules look at for one claim. <see cref="ClaimantKey"/> identifies the claimant
/// (ID number or customer id): claims with different keys are from unrelated claimants.
/// </summary>
public sealed record ClaimFacts(
    Guid ClaimId,
    string ClaimNumber,
    string ClaimantKey,
    string? InsuredObject,
    string? BankCard,
    DateTimeOffset LossAt,
    DateTimeOffset? CoverStartsAt);

/// <summary>A rule that fired: the code (a resource key) and a language-neutral detail (related claim numbers, days).</summary>
public sealed record FraudFinding(string RuleCode, string Detail, IReadOnlyList<Guid> RelatedClaimIds);

/// <summary>Thresholds of the fraud rules (configurable defaults).</summary>
public sealed record FraudSettings
{
    public static FraudSettings Default { get; } = new();

    /// <summary>Claims on one insured object are counted within this many days of each other's loss.</summary>
    public int RepeatedClaimsWindowDays { get; init; } = 365;

    /// <summary>This many claims (this one included) on one object within the window raise a flag.</summary>
    public int RepeatedClaimsCount { get; init; } = 3;

    /// <summary>A loss within this many days of the cover starting raises a flag.</summary>
    public int SoonAfterInceptionDays { get; init; } = 30;

    /// <summary>Accounts expected to receive payments for many claimants (repair shops, hospitals): never flagged as shared.</summary>
    public IReadOnlySet<string> KnownPayeeAccounts { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public static FraudSettings Create(int windowDays, int count, int soonAfterInceptionDays, IEnumerable<string>? knownPayeeAccounts = null)
    {
        if (windowDays is < 1 or > 3660)
        {
            throw new DomainException("Claim.Settings.Range", nameof(RepeatedClaimsWindowDays));
        }

        if (count is < 2 or > 100)
        {
            throw new DomainException("Claim.Settings.Range", nameof(RepeatedClaimsCount));
        }

        if (soonAfterInceptionDays is < 0 or > 366)
        {
            throw new DomainException("Claim.Settings.Range", nameof(SoonAfterInceptionDays));
        }

        return new FraudSettings
        {
            RepeatedClaimsWindowDays = windowDays,
            RepeatedClaimsCount = count,
            SoonAfterInceptionDays = soonAfterInceptionDays,
            KnownPayeeAccounts = (knownPayeeAccounts ?? []).Select(FraudRules.NormalizeCard).Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal),
        };
    }
}

/// <summary>Claims fraud indicators (CLM-08) as pure functions over facts the caller gathers.</summary>
public static class FraudRules
{
    public const string RepeatedClaims = "Fraud.RepeatedClaims";
    public const string SoonAfterInception = "Fraud.SoonAfterInception";
    public const string LossBeforeInception = "Fraud.LossBeforeInception";
    public const string SharedBankAccount = "Fraud.SharedBankAccount";

    public static IReadOnlyList<FraudFinding> Evaluate(ClaimFacts claim, IEnumerable<ClaimFacts> others, FraudSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(others);
        settings ??= FraudSettings.Default;
        var list = others.ToList();
        return new[] { CheckRepeatedClaims(claim, list, settings), CheckInception(claim, settings), CheckSharedBankAccount(claim, list, settings) }
            .OfType<FraudFinding>()
            .ToList();
    }

    /// <summary>Repeated claims on the same insured object: detail lists the other claims' numbers.</summary>
    public static FraudFinding? CheckRepeatedClaims(ClaimFacts claim, IEnumerable<ClaimFacts> others, FraudSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(others);
        settings ??= FraudSettings.Default;
        var key = NormalizeObject(claim.InsuredObject);
        if (key.Length == 0)
        {
            return null;
        }

        var window = TimeSpan.FromDays(settings.RepeatedClaimsWindowDays);
        var related = others
            .Where(o => o.ClaimId != claim.ClaimId && NormalizeObject(o.InsuredObject) == key && (o.LossAt - claim.LossAt).Duration() <= window)
            .OrderBy(o => o.LossAt)
            .ToList();
        return related.Count + 1 >= settings.RepeatedClaimsCount
            ? new FraudFinding(RepeatedClaims, string.Join(',', related.Select(o => o.ClaimNumber)), related.Select(o => o.ClaimId).ToList())
            : null;
    }

    /// <summary>A loss soon after the cover started (detail: whole days), or before it (a backdated policy).</summary>
    public static FraudFinding? CheckInception(ClaimFacts claim, FraudSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        settings ??= FraudSettings.Default;
        if (claim.CoverStartsAt is not { } start)
        {
            return null;
        }

        var elapsed = claim.LossAt - start;
        if (elapsed < TimeSpan.Zero)
        {
            return new FraudFinding(LossBeforeInception, ((int)Math.Ceiling(-elapsed.TotalDays)).ToString(System.Globalization.CultureInfo.InvariantCulture), []);
        }

        return elapsed < TimeSpan.FromDays(settings.SoonAfterInceptionDays)
            ? new FraudFinding(SoonAfterInception, ((int)elapsed.TotalDays).ToString(System.Globalization.CultureInfo.InvariantCulture), [])
            : null;
    }

    /// <summary>One bank account across unrelated claimants: detail is the masked card and the other claims' numbers.</summary>
    public static FraudFinding? CheckSharedBankAccount(ClaimFacts claim, IEnumerable<ClaimFacts> others, FraudSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(others);
        settings ??= FraudSettings.Default;
        var card = NormalizeCard(claim.BankCard);
        if (card.Length == 0 || settings.KnownPayeeAccounts.Contains(card))
        {
            return null;
        }

        var related = others
            .Where(o => o.ClaimId != claim.ClaimId && NormalizeCard(o.BankCard) == card && !string.Equals(o.ClaimantKey, claim.ClaimantKey, StringComparison.Ordinal))
            .OrderBy(o => o.ClaimNumber, StringComparer.Ordinal)
            .ToList();
        return related.Count > 0
            ? new FraudFinding(SharedBankAccount, Masking.BankCard(card) + ":" + string.Join(',', related.Select(o => o.ClaimNumber)), related.Select(o => o.ClaimId).ToList())
            : null;
    }

    internal static string NormalizeCard(string? card) => new((card ?? string.Empty).Where(char.IsAsciiDigit).ToArray());

    private static string NormalizeObject(string? value) =>
        new((value ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '·').Select(char.ToUpperInvariant).ToArray());
}
