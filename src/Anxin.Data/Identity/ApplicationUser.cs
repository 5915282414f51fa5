using Microsoft.AspNetCore.Identity;

namespace Anxin.Data.Identity;

/// <summary>A sign-in account; belongs to one member of staff.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public Guid? StaffId { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    public bool MustChangePassword { get; set; }

    public string? PreferredCulture { get; set; }

    /// <summary>A wider organisation node this user may see, beyond their own .</summary>
    public Guid? ScopeNodeId { get; set; }

    /// <summary>Set for users of a commissioning insurer: they see only that insurer's data .</summary>
    public Guid? InsurerId { get; set; }
}

public sealed class ApplicationRole : IdentityRole<Guid>
{
    public ApplicationRole()
    {
    }

    public ApplicationRole(string code)
        : base(code)
    {
        Id = Guid.CreateVersion7();
    }
}

/// <summary>Which permission a role grants; edited by an administrator.</summary>
public sealed class RolePermission
{
    public Guid RoleId { get; set; }

    public string Permission { get; set; } = string.Empty;
}

public sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = string.Empty;
}
