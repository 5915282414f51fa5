using Anxin.Domain.Common;
using Anxin.Domain.Policies;

namespace Anxin.Domain.Claims;

/// <summary>
/// How closed claims are picked for review (CLM-10), for the whole company or one organisation
/// subtree, for every product line or one: a random percentage, a value threshold (a claim paid at
/// least this much is always reviewed), and the callback team that checks with the beneficiary.
/// The rule that applies to a claim is the most specific one: the deepest scope containing the
/// claim's node, and there a rule for the claim's line before one for every line.
/// </summary>
public sealed class ReviewSamplingRule : IVersioned, IAudited, IHasTimestamps
{
    private ReviewSamplingRule()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The organisation node whose subtree the rule covers; null for the whole company.</summary>
    public Guid? ScopeNodeId { get; private set; }

    /// <summary>The scope's materialized path (<c>/1/2/</c>); empty for the whole company.</summary>
    public string ScopePath { get; private set; } = string.Empty;

    /// <summary>One product line, or null for every line.</summary>
    public ProductLine? Line { get; private set; }

    /// <summary>The share of the other closed claims drawn at random, 0–100.</summary>
    public decimal Percent { get; private set; }

    /// <summary>Paid at least this much: always reviewed. Null: no value threshold.</summary>
    public decimal? ValueThreshold { get; private set; }

    /// <summary>The team (organisation node) whose staff make the beneficiary-check callbacks.</summary>
    public Guid CallbackTeamNodeId { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public SamplingSettings Settings => new(Percent, ValueThreshold);

    public static ReviewSamplingRule Create(Guid? scopeNodeId, string? scopePath, ProductLine? line, decimal percent, decimal? valueThreshold,
        Guid callbackTeamNodeId)
    {
        if (line is { } l && !Enum.IsDefined(l))
        {
            throw new DomainException(ValidationCodes.Required, nameof(Line));
        }

        var rule = new ReviewSamplingRule
        {
            Id = Guid.CreateVersion7(),
            ScopeNodeId = scopeNodeId,
            ScopePath = scopeNodeId is null ? string.Empty : DomainText.Required(scopePath, 400, nameof(ScopePath)),
            Line = line,
        };
        rule.Change(percent, valueThreshold, callbackTeamNodeId);
        return rule;
    }

    public void Change(decimal percent, decimal? valueThreshold, Guid callbackTeamNodeId)
    {
        if (percent is < 0m or > 100m || decimal.Round(percent, 2) != percent)
        {
            throw new DomainException("Claim.Review.PercentRange", nameof(Percent));
        }

        if (valueThreshold is { } threshold && (threshold <= 0m || decimal.Round(threshold, 2) != threshold))
        {
            throw new DomainException("Claim.Review.ThresholdInvalid", nameof(ValueThreshold));
        }

        if (callbackTeamNodeId == Guid.Empty)
        {
            throw new DomainException(ValidationCodes.Required, nameof(CallbackTeamNodeId));
        }

        Percent = percent;
        ValueThreshold = valueThreshold;
        CallbackTeamNodeId = callbackTeamNodeId;
    }

    /// <summary>Whether the rule covers a claim of <paramref name="line"/> owned at <paramref name="orgPath"/>.</summary>
    public bool Covers(string orgPath, ProductLine line) =>
        (Line is null || Line == line) && (orgPath ?? string.Empty).StartsWith(ScopePath, StringComparison.Ordinal);

    /// <summary>The most specific rule covering the claim, or null when none does (then nothing is sampled).</summary>
    public static ReviewSamplingRule? For(IEnumerable<ReviewSamplingRule> rules, string orgPath, ProductLine line)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.Where(r => r.Covers(orgPath, line))
            .OrderByDescending(r => r.ScopePath.Length)
            .ThenByDescending(r => r.Line is not null)
            .FirstOrDefault();
    }

    public void BumpVersion() => Version++;
}
