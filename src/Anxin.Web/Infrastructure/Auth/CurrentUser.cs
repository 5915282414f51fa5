using System.Security.Claims;
using Anxin.Data;
using Anxin.Domain.Administration;

namespace Anxin.Web.Infrastructure.Auth;

/// <summary>
/// The signed-in user or API key of this request, read from the claims that
/// <see cref="PermissionClaimsLoader"/> or the API-key handler put there.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor) : IRequestActor
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public Guid? Id => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string Name => Principal.Identity?.Name ?? "anonymous";

    /// <summary>"陈晓 (2102)": the staff name and work number, for headers and greetings.</summary>
    public string DisplayName => Principal.FindFirstValue(AnxinClaims.DisplayName) ?? Name;

    public Guid? StaffId => Guid.TryParse(Principal.FindFirstValue(AnxinClaims.StaffId), out var id) ? id : null;

    public Guid? OrgNodeId => Guid.TryParse(Principal.FindFirstValue(AnxinClaims.OrgNodeId), out var id) ? id : null;

    public bool IsApiKey => Principal.HasClaim(c => c.Type == AnxinClaims.ApiKeyId);

    public Guid? InsurerId => Guid.TryParse(Principal.FindFirstValue(AnxinClaims.InsurerId), out var id) ? id : null;

    public Guid? InsurerScope => InsurerId;

    public Actor Actor => new(Id, Name, accessor.HttpContext?.TraceIdentifier);

    public string? ScopePrefix => Principal.FindFirstValue(AnxinClaims.ScopePrefix) ?? AnxinClaims.NoScope;

    public IReadOnlySet<string> Permissions => Principal.FindAll(AnxinClaims.Permission).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);

    public IReadOnlyList<string> Roles => Principal.FindAll(AnxinClaims.RoleCode).Select(c => c.Value).ToList();

    public bool Has(string permission) => Principal.HasClaim(AnxinClaims.Permission, permission);

    /// <summary>Whether an org path lies inside what this user may see.</summary>
    public bool CanSee(string orgPath) => ScopePrefix is { } prefix && orgPath.StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>
    /// Whether a setting made at <paramref name="orgPath"/> (null: company-wide) concerns this user:
    /// made inside their scope, or above it so that it applies to them. Settings of other subtrees do not.
    /// </summary>
    public bool Concerns(string? orgPath) => orgPath is null || CanSee(orgPath)
        || (ScopePrefix is { } prefix && prefix.StartsWith(orgPath, StringComparison.Ordinal));
}
