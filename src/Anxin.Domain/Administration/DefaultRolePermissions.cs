namespace Anxin.Domain.Administration;

/// <summary>The permissions each role starts with; an administrator edits them afterwards.</summary>
public static class DefaultRolePermissions
{
    public static IReadOnlyList<string> For(string role) => role switch
    {
        RoleCodes.Administrator => Permissions.All,
        RoleCodes.Auditor => [Permissions.Org.View, Permissions.Staff.View, Permissions.Audit.View, Permissions.Insurers.View],
        RoleCodes.DepartmentManager or RoleCodes.Supervisor =>
            [Permissions.Org.View, Permissions.Staff.View, Permissions.Staff.Export, Permissions.PersonalData.Reveal, Permissions.Insurers.View],
        RoleCodes.QaInspector => [Permissions.Org.View, Permissions.Staff.View],
        _ => [Permissions.Org.View],
    };
}
