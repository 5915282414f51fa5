using Anxin.Domain.Common;

namespace Anxin.Domain.Organisation;

/// <summary>
/// A node of the organisation tree. <see cref="Key"/> is a small number used in the
/// materialized path so that paths stay short on tables with millions of rows.
/// </summary>
public sealed class OrgNode : IVersioned, IOrgOwned, IAudited, IHasTimestamps
{
    public const int MaxNameLength = 100;
    public const int MaxCodeLength = 32;

    private OrgNode()
    {
    }

    public Guid Id { get; private set; }

    public int Key { get; private set; }

    public Guid? ParentId { get; private set; }

    public OrgNodeKind Kind { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string Path { get; private set; } = string.Empty;

    public int Depth { get; private set; }

    public bool IsActive { get; private set; } = true;

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    Guid IOrgOwned.OrgNodeId => Id;

    string IOrgOwned.OrgPath => Path;

    public static OrgNode Create(OrgNode? parent, int key, OrgNodeKind kind, string code, string name)
    {
        if (!kind.CanBeChildOf(parent?.Kind))
        {
            throw new DomainException("Org.InvalidParentKind", nameof(ParentId));
        }

        var node = new OrgNode
        {
            Id = Guid.CreateVersion7(),
            Key = key,
            ParentId = parent?.Id,
            Kind = kind,
        };
        node.Rename(code, name);
        node.Path = (parent?.Path ?? "/") + key.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";
        node.Depth = parent is null ? 0 : parent.Depth + 1;
        return node;
    }

    public void Rename(string code, string name)
    {
        Code = DomainText.Required(code, MaxCodeLength, nameof(Code));
        Name = DomainText.Required(name, MaxNameLength, nameof(Name));
    }

    public bool IsAncestorOrSelfOf(OrgNode other) => other.Path.StartsWith(Path, StringComparison.Ordinal);

    /// <summary>
    /// Moves this node under <paramref name="newParent"/>. Returns the old path: the caller
    /// rewrites the paths of the subtree and of org-owned data from it.
    /// </summary>
    public string MoveTo(OrgNode newParent)
    {
        if (IsAncestorOrSelfOf(newParent))
        {
            throw new DomainException("Org.MoveIntoOwnSubtree", nameof(ParentId));
        }

        if (!Kind.CanBeChildOf(newParent.Kind))
        {
            throw new DomainException("Org.InvalidParentKind", nameof(ParentId));
        }

        var oldPath = Path;
        ParentId = newParent.Id;
        Path = newParent.Path + Key.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";
        Depth = newParent.Depth + 1;
        return oldPath;
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public void BumpVersion() => Version++;
}
