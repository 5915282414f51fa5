using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Organisation;

public sealed record MoveOrgNodeRequest(Guid? NewParentId, long Version);

/// <summary>
/// Moves a node under another parent. The whole subtree moves with it: the paths of the
/// descendant nodes and of every org-owned row below are rewritten in the same transaction.
/// </summary>
public sealed class MoveOrgNodeHandler(AnxinDbContext db, TimeProvider time)
{
    public async Task<Result<OrgNodeDto>> HandleAsync(Guid id, MoveOrgNodeRequest request, CancellationToken ct)
    {
        var node = await db.OrgNodes.SingleOrDefaultAsync(n => n.Id == id, ct);
        if (node is null)
        {
            return Result<OrgNodeDto>.NotFound();
        }

        var parent = request.NewParentId is { } pid ? await db.OrgNodes.SingleOrDefaultAsync(n => n.Id == pid, ct) : null;
        if (parent is null)
        {
            return Result<OrgNodeDto>.Invalid(nameof(request.NewParentId), request.NewParentId is null ? ValidationCodes.Required : "Org.ParentNotFound");
        }

        if (!db.IsAtVersion(node, request.Version))
        {
            return Result<OrgNodeDto>.Conflict();
        }

        var oldDepth = node.Depth;
        string oldPath;
        try
        {
            oldPath = node.MoveTo(parent);
        }
        catch (DomainException e)
        {
            return Result<OrgNodeDto>.From(e);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await RewriteSubtreeAsync(oldPath, node.Path, node.Depth - oldDepth, ct);
            db.AddAuditEvent("OrgNodeMoved", nameof(Domain.Organisation.OrgNode), node.Id, $"{oldPath} → {node.Path}", node.Path, time.GetUtcNow());
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return OrgNodeDto.From(node);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            return Result<OrgNodeDto>.Conflict();
        }
    }

    private async Task RewriteSubtreeAsync(string oldPath, string newPath, int depthDelta, CancellationToken ct)
    {
        var cut = oldPath.Length + 1;
        foreach (var entity in db.Model.GetEntityTypes().Where(t => typeof(IOrgOwned).IsAssignableFrom(t.ClrType)))
        {
            var column = entity.ClrType == typeof(Domain.Organisation.OrgNode) ? nameof(Domain.Organisation.OrgNode.Path) : nameof(IOrgOwned.OrgPath);
            var table = entity.GetTableName();
            var depth = entity.ClrType == typeof(Domain.Organisation.OrgNode) ? $", \"Depth\" = \"Depth\" + {depthDelta}" : string.Empty;
#pragma warning disable EF1002 // table and column names come from the model, values are parameters
            await db.Database.ExecuteSqlRawAsync(
                $"UPDATE \"{table}\" SET \"{column}\" = {{0}} || substr(\"{column}\", {cut}){depth} WHERE \"{column}\" LIKE {{1}}",
                [newPath, oldPath + "%"], ct);
#pragma warning restore EF1002
        }
    }
}
