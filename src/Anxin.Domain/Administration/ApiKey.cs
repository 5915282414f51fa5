using Anxin.Domain.Common;

namespace Anxin.Domain.Administration;

/// <summary>
/// A key for an integration (insurer, CTI, SMS gateway): scoped to an organisation node and a
/// set of permissions; only its SHA-256 hash is stored.
/// </summary>
public sealed class ApiKey : IVersioned, IOrgOwned, IAudited, IHasTimestamps
{
    private ApiKey()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>The first characters of the key, shown in lists so people can tell keys apart.</summary>
    public string Prefix { get; private set; } = string.Empty;

    public string Hash { get; private set; } = string.Empty;

    public Guid OrgNodeId { get; private set; }

    public string OrgPath { get; private set; } = string.Empty;

    public Guid? InsurerId { get; private set; }

    /// <summary>Space-separated permission names.</summary>
    public string Permissions { get; private set; } = string.Empty;

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public Guid? RevokedBy { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsRevoked => RevokedAt is not null;

    public IReadOnlyList<string> PermissionList =>
        Permissions.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static ApiKey Create(string name, string prefix, string hash, Organisation.OrgNode node,
        IEnumerable<string> permissions, Guid createdBy, Guid? insurerId = null)
    {
        name = (name ?? string.Empty).Trim();
        if (name.Length == 0)
        {
            throw new DomainException(ValidationCodes.Required, nameof(Name));
        }

        if (name.Length > 100)
        {
            throw new DomainException("Validation.TooLong", nameof(Name));
        }

        var list = permissions.Distinct(StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            throw new DomainException("ApiKey.NoPermissions", nameof(Permissions));
        }

        if (list.Any(p => !Administration.Permissions.IsKnown(p)))
        {
            throw new DomainException("ApiKey.UnknownPermission", nameof(Permissions));
        }

        return new ApiKey
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            Prefix = prefix,
            Hash = hash,
            OrgNodeId = node.Id,
            OrgPath = node.Path,
            InsurerId = insurerId,
            Permissions = string.Join(' ', list),
            CreatedBy = createdBy,
        };
    }

    public void Revoke(Guid by, DateTimeOffset at)
    {
        if (IsRevoked)
        {
            throw new DomainException("ApiKey.AlreadyRevoked");
        }

        RevokedAt = at;
        RevokedBy = by;
    }

    public void BumpVersion() => Version++;
}
