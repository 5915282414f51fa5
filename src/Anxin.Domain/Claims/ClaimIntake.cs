using Anxin.Domain.Common;
using Anxin.Domain.Policies;

namespace Anxin.Domain.Claims;

/// <summary>What is known when a claim is made (CLM-01), from a case or at the lobby counter.</summary>
public sealed record ClaimIntake
{
    /// <summary>The business number, prefix <see cref="Claim.NumberPrefix"/> (<c>LP20261121000001</c>).</summary>
    public required string Number { get; init; }

    public required ProductLine Line { get; init; }

    public required string ClaimantName { get; init; }

    public required MobileNumber ClaimantMobile { get; init; }

    /// <summary>出险时间.</summary>
    public required DateTimeOffset LossAt { get; init; }

    /// <summary>报案时间: when the insurer was told of the loss (art. 21).</summary>
    public required DateTimeOffset ReportedAt { get; init; }

    /// <summary>索赔时间: when the claim and its first documents reached the insurer; the statutory clocks start here.</summary>
    public required DateTimeOffset ClaimedAt { get; init; }

    public required Guid HandlerStaffId { get; init; }

    /// <summary>When the claimant learnt of the loss (limitation, art. 26); the loss time when not given.</summary>
    public DateTimeOffset? KnewOfLossAt { get; init; }

    public Guid? CaseId { get; init; }

    public Guid? PolicyId { get; init; }

    public Guid? InsurerId { get; init; }

    /// <summary>What was insured, e.g. a plate number or an address; used by the repeated-claims check.</summary>
    public string? InsuredObject { get; init; }
}

/// <summary>Configurable claim rules (RULES.md); defaults are the documented ones.</summary>
public sealed record ClaimSettings
{
    public static ClaimSettings Default { get; } = new();

    /// <summary>A report later than this many days after the loss is flagged late (art. 21; default 2).</summary>
    public int LateReportDays { get; init; } = 2;

    public static ClaimSettings Create(int lateReportDays)
    {
        if (lateReportDays is < 0 or > 365)
        {
            throw new DomainException("Claim.Settings.Range", nameof(LateReportDays));
        }

        return new ClaimSettings { LateReportDays = lateReportDays };
    }
}
