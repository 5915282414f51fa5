namespace Anxin.Domain.Common;

/// <summary>
/// Data owned by an organisation node. <see cref="OrgPath"/> is the owning node's materialized
/// path (<c>/1/4/9/</c>) so that "my subtree" is one prefix filter.
/// </summary>
public interface IOrgOwned
{
    Guid OrgNodeId { get; }

    string OrgPath { get; }
}
