namespace Anxin.Web.Infrastructure.Auth;

public static class AnxinClaims
{
    public const string Permission = "anxin:perm";
    public const string ScopePrefix = "anxin:scope";
    public const string StaffId = "anxin:staff";
    public const string ApiKeyId = "anxin:apikey";
    public const string InsurerId = "anxin:insurer";
    public const string MustChangePassword = "anxin:mustchange";
    public const string Loaded = "anxin:loaded";
    public const string OrgNodeId = "anxin:node";
    public const string RoleCode = "anxin:role";
    public const string DisplayName = "anxin:display";

    /// <summary>A scope no path starts with: used for anonymous and unresolvable principals.</summary>
    public const string NoScope = "!";

    /// <summary>The scope prefix of a user placed on <paramref name="path"/>: the root sees everything.</summary>
    public static string ScopeFor(string path) => path.Count(c => c == '/') <= 2 ? "/" : path;
}
