using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Domain.Organisation;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Organisation;

public sealed record CreateOrgNodeRequest(Guid? ParentId, OrgNodeKind? Kind, string? Code, string? Name);

/// <summary>Adds a node under a parent the user may see .</summary>
public sealed class CreateOrgNodeHandler(AnxinDbContext db)
{
    public async Task<Result<OrgNodeDto>> HandleAsync(CreateOrgNodeRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.Kind is null || !Enum.IsDefined(request.Kind.Value))
        {
            errors.Add(nameof(request.Kind), ValidationCodes.Required);
        }

        errors.Required(nameof(request.Code), request.Code);
        errors.Required(nameof(request.Name), request.Name);

        OrgNode? parent = null;
        if (request.ParentId is { } parentId)
        {
            parent = await db.OrgNodes.SingleOrDefaultAsync(n => n.Id == parentId, ct);
            if (parent is null)
            {
                errors.Add(nameof(request.ParentId), "Org.ParentNotFound");
            }
        }
        else if (request.Kind != OrgNodeKind.HeadOffice || await db.OrgNodes.IgnoreQueryFilters().AnyAsync(ct))
        {
            errors.Add(nameof(request.ParentId), ValidationCodes.Required);
        }

        if (errors.Any)
        {
            return Result<OrgNodeDto>.Invalid(errors.All);
        }

        var code = request.Code?.Trim();
        if (!string.IsNullOrEmpty(code) && await db.OrgNodes.IgnoreQueryFilters().AnyAsync(n => n.Code == code, ct))
        {
            return Result<OrgNodeDto>.Invalid(nameof(request.Code), "Org.CodeTaken");
        }

        try
        {
            var key = (await db.OrgNodes.IgnoreQueryFilters().MaxAsync(n => (int?)n.Key, ct) ?? 0) + 1;
            var node = OrgNode.Create(parent, key, request.Kind!.Value, request.Code ?? string.Empty, request.Name ?? string.Empty);
            db.OrgNodes.Add(node);
            await db.SaveChangesAsync(ct);
            return OrgNodeDto.From(node);
        }
        catch (DomainException e)
        {
            return Result<OrgNodeDto>.From(e);
        }
        catch (DbUpdateException)
        {
            // Another administrator took the same code or key at the same moment.
            return Result<OrgNodeDto>.Conflict("Org.CodeTaken");
        }
    }
}
