using Anxin.Data;
using Anxin.Domain.Calls;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Calls;

/// <summary>
/// One step of a node's scripts: the node's own wording (if any, with its version), what it
/// would inherit (from which node; null = built-in), and the effective text.
/// </summary>
public sealed record ScriptSetting(ScriptStep Step, string? OwnText, long? OwnVersion, string InheritedText, string? InheritedFrom,
    string EffectiveText, string Preview);

/// <summary>A node's forbidden phrases: its own list (one phrase per line), the ancestors' lists, and the effective union.</summary>
public sealed record PhraseSetting(string? OwnText, long? OwnVersion, IReadOnlyList<InheritedPhrases> Inherited, IReadOnlyList<string> Effective,
    bool UsesDefaults);

public sealed record InheritedPhrases(string NodeName, IReadOnlyList<string> Phrases);

public sealed record ScriptSettings(Guid NodeId, string NodeName, IReadOnlyList<ScriptSetting> Scripts, PhraseSetting Phrases);

/// <summary>The scripts and forbidden phrases of an organisation node in the user's scope, with their inheritance (CC-02).</summary>
public sealed class GetScriptSettingsHandler(AnxinDbContext db, CurrentUser me)
{
    /// <summary>Null when the node does not exist or lies outside the user's scope.</summary>
    public async Task<ScriptSettings?> HandleAsync(Guid nodeId, CancellationToken ct)
    {
        var node = await db.OrgNodes.AsNoTracking().Where(n => n.Id == nodeId).Select(n => new { n.Id, n.Name, n.Path }).SingleOrDefaultAsync(ct);
        if (node is null)
        {
            return null;
        }

        var chain = await OrgChain.LoadAsync(db, node.Path, ct);
        var names = chain.ToDictionary(n => n.Id, n => n.Name);
        var prefixes = chain.Select(n => n.Path).ToList();
        var scripts = await db.CallScripts.IgnoreQueryFilters().AsNoTracking().Where(s => prefixes.Contains(s.OrgPath)).ToListAsync(ct);
        var lists = await db.ForbiddenPhraseLists.IgnoreQueryFilters().AsNoTracking().Where(l => prefixes.Contains(l.OrgPath)).ToListAsync(ct);
        var ancestors = scripts.Where(s => s.OrgNodeId != node.Id).ToList();
        var workNumber = me.StaffId is { } staffId
            ? await db.Staff.IgnoreQueryFilters().Where(s => s.Id == staffId).Select(s => s.WorkNumber).SingleOrDefaultAsync(ct) ?? "0000"
            : "0000";
        var company = CallScripts.Resolve(ScriptStep.CompanyName, node.Path, scripts).Text;

        var settings = Enum.GetValues<ScriptStep>().Select(step =>
        {
            var own = scripts.SingleOrDefault(s => s.OrgNodeId == node.Id && s.Step == step);
            var inherited = CallScripts.Resolve(step, node.Path, ancestors);
            var effective = own?.Text ?? inherited.Text;
            return new ScriptSetting(step, own?.Text, own?.Version, inherited.Text,
                inherited.DefinedAt is { } from ? names.GetValueOrDefault(from) : null, effective,
                CallScripts.Render(effective, company, workNumber));
        }).ToList();

        var ownList = lists.SingleOrDefault(l => l.OrgNodeId == node.Id);
        var inheritedLists = lists.Where(l => l.OrgNodeId != node.Id).OrderBy(l => l.OrgPath.Length)
            .Select(l => new InheritedPhrases(names.GetValueOrDefault(l.OrgNodeId) ?? string.Empty, l.Items)).ToList();
        var phrases = new PhraseSetting(ownList?.Phrases, ownList?.Version, inheritedLists, ForbiddenPhrases.Effective(node.Path, lists), lists.Count == 0);
        return new ScriptSettings(node.Id, node.Name, settings, phrases);
    }
}
