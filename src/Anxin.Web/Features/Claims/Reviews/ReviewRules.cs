using Anxin.Data;
using Anxin.Domain.Claims;
using Anxin.Domain.Common;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Claims;

public sealed record ReviewRuleView(Guid Id, Guid? ScopeNodeId, string? ScopeName, ProductLine? Line, decimal Percent, decimal? ValueThreshold,
    Guid CallbackTeamNodeId, string? CallbackTeamName, long Version);

/// <summary>A sampling rule: the scope (null: the whole company) and line (null: every line) are fixed once created.</summary>
public sealed record SaveReviewRuleRequest(Guid? ScopeNodeId, ProductLine? Line, decimal? Percent, decimal? ValueThreshold, Guid? CallbackTeamNodeId,
    long? Version = null);

/// <summary>The review sampling rules (CLM-10): list, create, change, delete; for <c>Claims.ManageReview</c>.</summary>
public sealed class ManageReviewRulesHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    public async Task<IReadOnlyList<ReviewRuleView>> ListAsync(CancellationToken ct)
    {
        // Only the rules that concern the caller: company-wide, above or inside their scope; never another subtree's.
        var rules = (await db.ClaimReviewRules.AsNoTracking().OrderBy(r => r.ScopePath).ThenBy(r => r.Line).ToListAsync(ct))
            .Where(r => me.Concerns(r.ScopePath)).ToList();
        var ids = rules.SelectMany(r => new[] { r.ScopeNodeId, r.CallbackTeamNodeId }).OfType<Guid>().Distinct().ToList();
        var names = await db.OrgNodes.IgnoreQueryFilters().AsNoTracking().Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Name, ct);
        return rules.Select(r => new ReviewRuleView(r.Id, r.ScopeNodeId, r.ScopeNodeId is { } s ? names.GetValueOrDefault(s) : null, r.Line, r.Percent,
            r.ValueThreshold, r.CallbackTeamNodeId, names.GetValueOrDefault(r.CallbackTeamNodeId), r.Version)).ToList();
    }

    public async Task<Result<ReviewRuleView>> SaveAsync(Guid? id, SaveReviewRuleRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.Percent is null)
        {
            errors.Add(nameof(request.Percent), ValidationCodes.Required);
        }

        var team = request.CallbackTeamNodeId is { } teamId ? await db.OrgNodes.IgnoreQueryFilters().AnyAsync(n => n.Id == teamId, ct) : (bool?)null;
        if (team is null)
        {
            errors.Add(nameof(request.CallbackTeamNodeId), ValidationCodes.Required);
        }
        else if (team == false)
        {
            errors.Add(nameof(request.CallbackTeamNodeId), "Claim.Review.UnknownTeam");
        }

        var scopePath = request.ScopeNodeId is { } scopeId
            ? await db.OrgNodes.IgnoreQueryFilters().Where(n => n.Id == scopeId).Select(n => n.Path).FirstOrDefaultAsync(ct)
            : null;
        if (id is null && request.ScopeNodeId is not null && scopePath is null)
        {
            errors.Add(nameof(request.ScopeNodeId), "Claim.Review.UnknownScope");
        }

        if (errors.Any)
        {
            return Result<ReviewRuleView>.Invalid(errors.All);
        }

        ReviewSamplingRule rule;
        try
        {
            if (id is { } existing)
            {
                rule = await db.ClaimReviewRules.SingleOrDefaultAsync(r => r.Id == existing, ct) ?? throw new KeyNotFoundException();
                if (request.Version is { } read && !db.IsAtVersion(rule, read))
                {
                    return Result<ReviewRuleView>.Conflict();
                }

                rule.Change(request.Percent!.Value, request.ValueThreshold, request.CallbackTeamNodeId!.Value);
            }
            else
            {
                var path = scopePath ?? string.Empty;
                if (await db.ClaimReviewRules.AnyAsync(r => r.ScopePath == path && r.Line == request.Line, ct))
                {
                    return Result<ReviewRuleView>.Invalid(nameof(request.Line), "Claim.Review.RuleExists");
                }

                rule = ReviewSamplingRule.Create(request.ScopeNodeId, scopePath, request.Line, request.Percent!.Value, request.ValueThreshold,
                    request.CallbackTeamNodeId!.Value);
                db.ClaimReviewRules.Add(rule);
            }
        }
        catch (KeyNotFoundException)
        {
            return Result<ReviewRuleView>.NotFound();
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Result<ReviewRuleView>.From(e);
        }

        db.AddAuditEvent(id is null ? "ClaimReviewRuleCreated" : "ClaimReviewRuleChanged", nameof(ReviewSamplingRule), rule.Id,
            $"{(rule.ScopePath.Length == 0 ? "*" : rule.ScopePath)} {rule.Line?.ToString() ?? "*"} {rule.Percent}% ≥{rule.ValueThreshold}", rule.ScopePath,
            time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<ReviewRuleView>.Conflict();
        }
        catch (DbUpdateException)
        {
            return Result<ReviewRuleView>.Invalid(nameof(request.Line), "Claim.Review.RuleExists");
        }

        return (await ListAsync(ct)).Single(r => r.Id == rule.Id);
    }

    public async Task<Result> DeleteAsync(Guid id, CancellationToken ct)
    {
        var rule = await db.ClaimReviewRules.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return Result.NotFound();
        }

        db.ClaimReviewRules.Remove(rule);
        db.AddAuditEvent("ClaimReviewRuleDeleted", nameof(ReviewSamplingRule), rule.Id, $"{rule.ScopePath} {rule.Line}", rule.ScopePath, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}
