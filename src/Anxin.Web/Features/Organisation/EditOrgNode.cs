using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Organisation;

public sealed record EditOrgNodeRequest(string? Code, string? Name, bool IsActive, long Version);

/// <summary>Renames a node or (de)activates it, refusing to overwrite someone else's change.</summary>
public sealed class EditOrgNodeHandler(AnxinDbContext db)
{
    public async Task<Result<OrgNodeDto>> HandleAsync(Guid id, EditOrgNodeRequest request, CancellationToken ct)
    {
        var node = await db.OrgNodes.SingleOrDefaultAsync(n => n.Id == id, ct);
        if (node is null)
        {
            return Result<OrgNodeDto>.NotFound();
        }

        if (!db.IsAtVersion(node, request.Version))
        {
            return Result<OrgNodeDto>.Conflict();
        }

        var code = request.Code?.Trim();
        if (code != node.Code && await db.OrgNodes.IgnoreQueryFilters().AnyAsync(n => n.Code == code && n.Id != id, ct))
        {
            return Result<OrgNodeDto>.Invalid(nameof(request.Code), "Org.CodeTaken");
        }

        try
        {
            node.Rename(request.Code ?? string.Empty, request.Name ?? string.Empty);
            if (request.IsActive)
            {
                node.Activate();
            }
            else
            {
                node.Deactivate();
            }

            await db.SaveChangesAsync(ct);
            return OrgNodeDto.From(node);
        }
        catch (DomainException e)
        {
            return Result<OrgNodeDto>.From(e);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<OrgNodeDto>.Conflict();
        }
    }
}
