using Anxin.Domain.Common;
using Anxin.Domain.Policies;

namespace Anxin.Domain.Claims;

/// <summary>What an authority limit is for (理赔权限): setting reserves or approving payments.</summary>
public enum AuthorityKind
{
    Reserve = 1,
    Payment = 2,
}

/// <summary>Anything that answers "up to how much may this person decide?" per product line and kind.</summary>
public interface IAuthorityLimits
{
    /// <summary>The highest amount allowed, or null when no limit is granted (nothing may be decided).</summary>
    decimal? LimitFor(ProductLine line, AuthorityKind kind);
}

public static class AuthorityLimitsExtensions
{
    /// <summary>Whether <paramref name="amount"/> is within the limit (the limit itself included).</summary>
    public static bool Covers(this IAuthorityLimits authority, ProductLine line, AuthorityKind kind, decimal amount) =>
        authority.LimitFor(line, kind) is { } limit && amount <= limit;
}

/// <summary>
/// A named authority profile (CLM-05, 理赔权限): limits per product line, separately for reserves and
/// for payments. Assigned to roles or to persons by <see cref="AuthorityAssignment"/>.
/// </summary>
public sealed class AuthorityProfile : IVersioned, IAudited, IHasTimestamps, IAuthorityLimits
{
    public const int MaxCodeLength = 32;
    public const int MaxNameLength = 100;

    private readonly List<AuthorityLimit> _limits = [];

    private AuthorityProfile()
    {
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public bool IsActive { get; private set; } = true;

    public IReadOnlyList<AuthorityLimit> Limits => _limits;

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static AuthorityProfile Create(string code, string name)
    {
        var profile = new AuthorityProfile { Id = Guid.CreateVersion7() };
        profile.Rename(code, name);
        return profile;
    }

    public void Rename(string code, string name)
    {
        Code = DomainText.Required(code, MaxCodeLength, nameof(Code));
        Name = DomainText.Required(name, MaxNameLength, nameof(Name));
    }

    /// <summary>Sets (or replaces) the limit for a line and kind. Zero is allowed: "may decide nothing above zero".</summary>
    public AuthorityLimit SetLimit(ProductLine line, AuthorityKind kind, decimal maxAmount)
    {
        if (!Enum.IsDefined(line))
        {
            throw new DomainException(ValidationCodes.Required, nameof(AuthorityLimit.Line));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainException(ValidationCodes.Required, nameof(AuthorityLimit.Kind));
        }

        if (maxAmount < 0m || !Money.TryCreate(maxAmount, out _))
        {
            throw new DomainException("Claim.Authority.LimitInvalid", nameof(AuthorityLimit.MaxAmount));
        }

        var existing = _limits.FirstOrDefault(l => l.Line == line && l.Kind == kind);
        if (existing is not null)
        {
            existing.Change(maxAmount);
            return existing;
        }

        var limit = new AuthorityLimit(Id, line, kind, maxAmount);
        _limits.Add(limit);
        return limit;
    }

    public void RemoveLimit(ProductLine line, AuthorityKind kind) => _limits.RemoveAll(l => l.Line == line && l.Kind == kind);

    public decimal? LimitFor(ProductLine line, AuthorityKind kind) =>
        IsActive ? _limits.FirstOrDefault(l => l.Line == line && l.Kind == kind)?.MaxAmount : null;

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public void BumpVersion() => Version++;
}

/// <summary>One limit of a profile: up to <see cref="MaxAmount"/> yuan for a line and kind.</summary>
public sealed class AuthorityLimit
{
    private AuthorityLimit()
    {
    }

    internal AuthorityLimit(Guid profileId, ProductLine line, AuthorityKind kind, decimal maxAmount)
    {
        Id = Guid.CreateVersion7();
        ProfileId = profileId;
        Line = line;
        Kind = kind;
        MaxAmount = maxAmount;
    }

    public Guid Id { get; private set; }

    public Guid ProfileId { get; private set; }

    public ProductLine Line { get; private set; }

    public AuthorityKind Kind { get; private set; }

    public decimal MaxAmount { get; private set; }

    internal void Change(decimal maxAmount) => MaxAmount = maxAmount;
}

/// <summary>Who holds a profile: everyone with a role (optionally only inside an organisation subtree), or one person.</summary>
public enum AuthorityHolderKind
{
    Role = 1,
    Staff = 2,
}

/// <summary>
/// Gives a profile to a role (optionally scoped to an organisation subtree, so that branch and head
/// office supervisors can hold different limits) or to one member of staff. A personal assignment
/// overrides the role ones.
/// </summary>
public sealed class AuthorityAssignment : IAudited, IHasTimestamps
{
    private AuthorityAssignment()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProfileId { get; private set; }

    public AuthorityHolderKind HolderKind { get; private set; }

    public string? RoleCode { get; private set; }

    public Guid? StaffId { get; private set; }

    /// <summary>For role assignments: only staff whose organisation path starts with this; null means everywhere.</summary>
    public string? ScopeOrgPath { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static AuthorityAssignment ForRole(AuthorityProfile profile, string roleCode, string? scopeOrgPath = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (string.IsNullOrWhiteSpace(roleCode))
        {
            throw new DomainException(ValidationCodes.Required, nameof(RoleCode));
        }

        return new AuthorityAssignment
        {
            Id = Guid.CreateVersion7(),
            ProfileId = profile.Id,
            HolderKind = AuthorityHolderKind.Role,
            RoleCode = roleCode.Trim(),
            ScopeOrgPath = string.IsNullOrWhiteSpace(scopeOrgPath) ? null : scopeOrgPath.Trim(),
        };
    }

    public static AuthorityAssignment ForStaff(AuthorityProfile profile, Guid staffId)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (staffId == Guid.Empty)
        {
            throw new DomainException(ValidationCodes.Required, nameof(StaffId));
        }

        return new AuthorityAssignment { Id = Guid.CreateVersion7(), ProfileId = profile.Id, HolderKind = AuthorityHolderKind.Staff, StaffId = staffId };
    }

    internal bool AppliesTo(Guid staffId, string orgPath, IReadOnlySet<string> roles) => HolderKind == AuthorityHolderKind.Staff
        ? StaffId == staffId
        : RoleCode is not null && roles.Contains(RoleCode) && (ScopeOrgPath is null || orgPath.StartsWith(ScopeOrgPath, StringComparison.Ordinal));
}

/// <summary>
/// The limits a person actually holds. A personal assignment wins outright; otherwise, per role, the
/// most specific scoped assignment applies, and across roles the highest limit per line and kind.
/// </summary>
public sealed class EffectiveAuthority : IAuthorityLimits
{
    private readonly Dictionary<(ProductLine, AuthorityKind), decimal> _limits;

    private EffectiveAuthority(Dictionary<(ProductLine, AuthorityKind), decimal> limits) => _limits = limits;

    public static EffectiveAuthority None { get; } = new([]);

    /// <summary>The highest limit of any of <paramref name="sources"/> per line and kind.</summary>
    public static EffectiveAuthority Combine(IEnumerable<IAuthorityLimits> sources)
    {
        var limits = new Dictionary<(ProductLine, AuthorityKind), decimal>();
        foreach (var source in sources)
        {
            foreach (var line in Enum.GetValues<ProductLine>())
            {
                foreach (var kind in Enum.GetValues<AuthorityKind>())
                {
                    if (source.LimitFor(line, kind) is { } limit && (!limits.TryGetValue((line, kind), out var current) || limit > current))
                    {
                        limits[(line, kind)] = limit;
                    }
                }
            }
        }

        return new EffectiveAuthority(limits);
    }

    /// <summary>Resolves a person's authority from the assignments and profiles (inactive profiles grant nothing).</summary>
    public static EffectiveAuthority Resolve(Guid staffId, string orgPath, IEnumerable<string> roleCodes,
        IEnumerable<AuthorityAssignment> assignments, IReadOnlyDictionary<Guid, AuthorityProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(profiles);
        var roles = roleCodes.ToHashSet(StringComparer.Ordinal);
        var applicable = assignments.Where(a => a.AppliesTo(staffId, orgPath ?? string.Empty, roles) && profiles.ContainsKey(a.ProfileId)).ToList();
        var personal = applicable.Where(a => a.HolderKind == AuthorityHolderKind.Staff).ToList();
        if (personal.Count > 0)
        {
            return Combine(personal.Select(a => profiles[a.ProfileId]));
        }

        var perRole = applicable
            .GroupBy(a => a.RoleCode!, StringComparer.Ordinal)
            .Select(g =>
            {
                var mostSpecific = g.Max(a => a.ScopeOrgPath?.Length ?? 0);
                return g.Where(a => (a.ScopeOrgPath?.Length ?? 0) == mostSpecific);
            })
            .SelectMany(g => g)
            .Select(a => profiles[a.ProfileId]);
        return Combine(perRole);
    }

    public decimal? LimitFor(ProductLine line, AuthorityKind kind) => _limits.TryGetValue((line, kind), out var limit) ? limit : null;
}
