using Anxin.Data;
using Anxin.Domain.Claims;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Claims;

/// <summary>
/// Review sampling at closing (CLM-10): a claim closed with a payment is looked up against the most
/// specific sampling rule (scope and line); paid at least the value threshold, or drawn within the
/// random percentage, it gets a beneficiary check for the rule's callback team. Adds rows to the
/// caller's context (saved with the closing); one check per claim, even after a reopening.
/// </summary>
public sealed class SampleClaimForReviewHandler(AnxinDbContext db, IReviewDraw draw)
{
    public async Task<BeneficiaryCheck?> HandleAsync(Claim claim, DateTimeOffset now, CancellationToken ct)
    {
        if (claim.Status != ClaimStatus.Closed || claim.Outcome != ClaimOutcome.Paid)
        {
            return null;
        }

        if (await db.BeneficiaryChecks.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AnyAsync(b => b.ClaimId == claim.Id, ct))
        {
            return null;
        }

        var rule = ReviewSamplingRule.For(await db.ClaimReviewRules.AsNoTracking().ToListAsync(ct), claim.OrgPath, claim.Line);
        if (rule is null || ReviewSampling.PickAtClosing(SamplingCandidate.From(claim), rule.Settings, draw.Next()) is not { } reason)
        {
            return null;
        }

        var team = await db.OrgNodes.IgnoreQueryFilters().AsNoTracking().Where(n => n.Id == rule.CallbackTeamNodeId)
            .Select(n => new { n.Id, n.Path }).FirstOrDefaultAsync(ct);
        if (team is null)
        {
            return null;
        }

        var check = BeneficiaryCheck.Create(claim, reason, team.Id, team.Path, now);
        db.BeneficiaryChecks.Add(check);
        db.AddAuditEvent("ClaimSampledForReview", nameof(Claim), claim.Id, $"{reason} → {team.Path}", claim.OrgPath, now);
        return check;
    }
}
