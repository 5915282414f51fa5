using Anxin.Data;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Clocks;

public sealed record ChainNode(Guid Id, string Path, int Depth, string Name);

/// <summary>A node and its ancestors, read from the materialized path (settings and escalation walk it upwards).</summary>
public static class OrgChain
{
    /// <summary>"/1/2/12/" → "/1/", "/1/2/", "/1/2/12/".</summary>
    public static IReadOnlyList<string> Prefixes(string orgPath)
    {
        var parts = orgPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var result = new List<string>(parts.Length);
        var path = "/";
        foreach (var part in parts)
        {
            path += part + "/";
            result.Add(path);
        }

        return result;
    }

    /// <summary>The chain of nodes from the root down to the node at <paramref name="orgPath"/> (whatever the user's scope).</summary>
    public static async Task<IReadOnlyList<ChainNode>> LoadAsync(AnxinDbContext db, string orgPath, CancellationToken ct)
    {
        var prefixes = Prefixes(orgPath);
        var nodes = await db.OrgNodes.IgnoreQueryFilters().AsNoTracking()
            .Where(n => prefixes.Contains(n.Path))
            .Select(n => new ChainNode(n.Id, n.Path, n.Depth, n.Name))
            .ToListAsync(ct);
        return nodes.OrderBy(n => n.Depth).ToList();
    }
}
