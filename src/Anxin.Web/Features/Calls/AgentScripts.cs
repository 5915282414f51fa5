using Anxin.Data;
using Anxin.Domain.Calls;
using Anxin.Web.Features.Clocks;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Calls;

/// <summary>One script step as an agent reads it out: filled in with the company name and their work number.</summary>
/// <param name="DefinedAt">The node whose wording applies; null for the built-in default.</param>
public sealed record ScriptLine(ScriptStep Step, string Text, Guid? DefinedAt);

/// <summary>
/// The scripts for an agent (CC-02): each spoken step from the nearest node up the tree from
/// the agent's node that defines it, else the built-in text. Scripts on ancestor nodes apply
/// even though those nodes lie outside the agent's data scope.
/// </summary>
public sealed class AgentScriptsHandler(AnxinDbContext db)
{
    public async Task<IReadOnlyList<ScriptLine>> HandleAsync(Guid staffId, CancellationToken ct)
    {
        var agent = await db.Staff.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Id == staffId)
            .Select(s => new { s.OrgPath, s.WorkNumber })
            .SingleOrDefaultAsync(ct);
        return agent is null ? [] : await ForAsync(agent.OrgPath, agent.WorkNumber, ct);
    }

    public async Task<IReadOnlyList<ScriptLine>> ForAsync(string orgPath, string workNumber, CancellationToken ct)
    {
        var prefixes = OrgChain.Prefixes(orgPath);
        var scripts = await db.CallScripts.IgnoreQueryFilters().AsNoTracking()
            .Where(s => prefixes.Contains(s.OrgPath))
            .ToListAsync(ct);
        var company = CallScripts.Resolve(ScriptStep.CompanyName, orgPath, scripts).Text;
        return CallScripts.Spoken
            .Select(step => CallScripts.Resolve(step, orgPath, scripts))
            .Select(r => new ScriptLine(r.Step, CallScripts.Render(r.Text, company, workNumber), r.DefinedAt))
            .ToList();
    }
}
