using Anxin.Domain.Organisation;

namespace Anxin.Web.Features.Organisation;

public sealed record OrgNodeDto(Guid Id, Guid? ParentId, OrgNodeKind Kind, string Code, string Name, string Path, int Depth, bool IsActive, long Version)
{
    public static OrgNodeDto From(OrgNode n) => new(n.Id, n.ParentId, n.Kind, n.Code, n.Name, n.Path, n.Depth, n.IsActive, n.Version);
}
