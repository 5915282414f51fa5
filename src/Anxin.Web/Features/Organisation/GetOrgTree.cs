using Anxin.Data;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Organisation;

/// <summary>The organisation nodes the user may see (their subtree), in tree order.</summary>
public sealed class GetOrgTreeHandler(AnxinDbContext db)
{
    public async Task<IReadOnlyList<OrgNodeDto>> HandleAsync(CancellationToken ct)
    {
        var nodes = await db.OrgNodes.AsNoTracking().ToListAsync(ct);
        return nodes.OrderBy(n => n.Path, StringComparer.Ordinal).Select(OrgNodeDto.From).ToList();
    }

    public async Task<OrgNodeDto?> GetAsync(Guid id, CancellationToken ct) =>
        await db.OrgNodes.AsNoTracking().Where(n => n.Id == id).Select(n => OrgNodeDto.From(n)).SingleOrDefaultAsync(ct);
}
