using Anxin.Data;
using Anxin.Domain.Clocks;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Clocks;

/// <summary>Where the rule in force at a node comes from.</summary>
public enum RuleSource
{
    Default = 1,
    Inherited = 2,
    Own = 3,
}

public sealed record EffectiveRule(ClockRule Rule, ClockRule Standard, RuleSource Source, Guid? FromNodeId, string? FromNodeName, long? Version);

/// <summary>
/// The clock rules in force at a node: the nearest node up the path with its own setting for a
/// code, else <see cref="DefaultClockRules"/>.
/// </summary>
public static class ClockRuleBook
{
    public static async Task<IReadOnlyList<EffectiveRule>> ForNodeAsync(AnxinDbContext db, string orgPath, CancellationToken ct)
    {
        var chain = await OrgChain.LoadAsync(db, orgPath, ct);
        var ids = chain.Select(n => n.Id).ToList();
        var own = chain.Count > 0 ? chain[^1].Id : Guid.Empty;
        var settings = await db.ClockRuleSettings.AsNoTracking().Where(s => ids.Contains(s.OrgNodeId)).ToListAsync(ct);
        var byNode = chain.ToDictionary(n => n.Id);
        return DefaultClockRules.All.Select(standard =>
        {
            var setting = settings.Where(s => s.Code == standard.Code).OrderByDescending(s => byNode[s.OrgNodeId].Depth).FirstOrDefault();
            return setting is null
                ? new EffectiveRule(standard, standard, RuleSource.Default, null, null, null)
                : new EffectiveRule(setting.ToRule(standard), standard, setting.OrgNodeId == own ? RuleSource.Own : RuleSource.Inherited,
                    setting.OrgNodeId, byNode[setting.OrgNodeId].Name, setting.Version);
        }).ToList();
    }

    public static async Task<ClockRule?> FindAsync(AnxinDbContext db, string code, string orgPath, CancellationToken ct) =>
        (await ForNodeAsync(db, orgPath, ct)).FirstOrDefault(r => r.Rule.Code == code)?.Rule;
}
