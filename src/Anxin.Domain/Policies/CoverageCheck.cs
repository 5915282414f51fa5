namespace Anxin.Domain.Policies;

public enum CoverageOutcome
{
    /// <summary>In force at the loss time and a coverage names the peril.</summary>
    Covered = 1,

    /// <summary>The loss time falls outside the period, or after cancellation or lapse.</summary>
    NotInForce = 2,

    /// <summary>In force, but no coverage names the peril.</summary>
    PerilNotCovered = 3,

    /// <summary>No policy found: the report is accepted and marked unverified (CC-10).</summary>
    PolicyNotFound = 4,
}

/// <summary>One reason behind the outcome: a message code and its argument (a date, a coverage).</summary>
public sealed record CoverageReason(string Code, string? Argument = null);

public sealed record CoverageCheckResult(CoverageOutcome Outcome, IReadOnlyList<CoverageReason> Reasons, IReadOnlyList<string> CoverageCodes)
{
    public bool PolicyVerified => Outcome != CoverageOutcome.PolicyNotFound;
}

/// <summary>
/// The preliminary coverage check at intake (CC-03): was the policy in force at the loss time,
/// and does one of its coverages name the peril? It informs the agent and the claim handler;
/// it never refuses a report (CC-10).
/// </summary>
public static class CoverageCheck
{
    /// <summary>Dates in the reasons are written in China time, whatever offset the database returned them in.</summary>
    public static readonly TimeSpan DisplayOffset = TimeSpan.FromHours(8);

    public static CoverageCheckResult Check(Policy? policy, DateTimeOffset lossAt, Peril cause)
    {
        if (policy is null)
        {
            return new(CoverageOutcome.PolicyNotFound, [new("Coverage.PolicyNotFound")], []);
        }

        var reasons = new List<CoverageReason>();
        var period = $"{Local(policy.StartsAt)} – {Local(policy.EndsAt)}";
        var inForce = policy.IsInForceAt(lossAt);
        if (lossAt < policy.StartsAt)
        {
            reasons.Add(new("Coverage.BeforeStart", period));
        }
        else if (lossAt >= policy.EndsAt)
        {
            reasons.Add(new("Coverage.AfterEnd", period));
        }
        else if (!inForce)
        {
            reasons.Add(new(policy.Status == PolicyStatus.Lapsed ? "Coverage.Lapsed" : "Coverage.Cancelled", Local(policy.TerminatedAt)));
        }
        else
        {
            reasons.Add(new("Coverage.InForce", period));
        }

        var matching = policy.Coverages.Where(c => c.Covers(cause)).Select(c => c.Code).ToList();
        reasons.Add(matching.Count > 0
            ? new CoverageReason("Coverage.PerilCovered", string.Join(", ", policy.Coverages.Where(c => c.Covers(cause)).Select(c => $"{c.Code} {c.Name}")))
            : new CoverageReason("Coverage.PerilNotCovered", cause.ToString()));

        var outcome = !inForce ? CoverageOutcome.NotInForce
            : matching.Count == 0 ? CoverageOutcome.PerilNotCovered
            : CoverageOutcome.Covered;
        return new(outcome, reasons, matching);
    }

    private static string Local(DateTimeOffset? at) =>
        at?.ToOffset(DisplayOffset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}
