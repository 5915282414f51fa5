namespace Anxin.Domain.Administration;

/// <summary>The permissions each role starts with; an administrator edits them afterwards.</summary>
public static class DefaultRolePermissions
{
    public static IReadOnlyList<string> For(string role) => role switch
    {
        RoleCodes.Administrator => Permissions.All,
        RoleCodes.Auditor => [Permissions.Org.View, Permissions.Staff.View, Permissions.Audit.View, Permissions.Insurers.View, Permissions.Clocks.ViewOwn],
        RoleCodes.DepartmentManager or RoleCodes.Supervisor =>
            [Permissions.Org.View, Permissions.Staff.View, Permissions.Staff.Export, Permissions.PersonalData.Reveal, Permissions.Insurers.View,
             Permissions.Clocks.ViewOwn, Permissions.Clocks.ViewTeam],
        RoleCodes.QaInspector => [Permissions.Org.View, Permissions.Staff.View, Permissions.Clocks.ViewOwn],
        _ => [Permissions.Org.View, Permissions.Clocks.ViewOwn],
    };
}
