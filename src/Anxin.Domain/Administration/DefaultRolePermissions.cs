namespace Anxin.Domain.Administration;

/// <summary>The permissions each role starts with; an administrator edits them afterwards.</summary>
public static class DefaultRolePermissions
{
    public static IReadOnlyList<string> For(string role) => [.. Base(role), .. CustomerGrants(role), .. CaseGrants(role), .. CallGrants(role), .. DispatchGrants(role), .. ServiceGrants(role)];

    private static IReadOnlyList<string> Base(string role) => role switch
    {
        RoleCodes.Administrator => Permissions.All,
        RoleCodes.Auditor => [Permissions.Org.View, Permissions.Staff.View, Permissions.Audit.View, Permissions.Insurers.View, Permissions.Clocks.ViewOwn],
        RoleCodes.DepartmentManager or RoleCodes.Supervisor =>
            [Permissions.Org.View, Permissions.Staff.View, Permissions.Staff.Export, Permissions.PersonalData.Reveal, Permissions.Insurers.View,
             Permissions.Clocks.ViewOwn, Permissions.Clocks.ViewTeam],
        RoleCodes.QaInspector => [Permissions.Org.View, Permissions.Staff.View, Permissions.Clocks.ViewOwn],
        _ => [Permissions.Org.View, Permissions.Clocks.ViewOwn],
    };

    /// <summary>The customer register (CUS-01): front-line and supervising roles manage, the others look up.</summary>
    private static IReadOnlyList<string> CustomerGrants(string role) => role switch
    {
        RoleCodes.Administrator => [],
        RoleCodes.Agent or RoleCodes.ServiceSpecialist or RoleCodes.Teller or RoleCodes.LobbyManager or RoleCodes.Supervisor =>
            [Permissions.Customers.View, Permissions.Customers.Manage],
        RoleCodes.ClaimsHandler or RoleCodes.Dispatcher or RoleCodes.DepartmentManager or RoleCodes.Underwriter
            or RoleCodes.Sales or RoleCodes.Auditor => [Permissions.Customers.View],
        _ => [],
    };

    /// <summary>Policies and cases (issue 4): the hotline reports, underwriting maintains policies, claims and supervisors manage cases.</summary>
    private static IReadOnlyList<string> CaseGrants(string role) => role switch
    {
        RoleCodes.Administrator => [],
        RoleCodes.Agent or RoleCodes.ServiceSpecialist or RoleCodes.Teller =>
            [Permissions.Policies.View, Permissions.Cases.Report, Permissions.Cases.View],
        RoleCodes.Dispatcher or RoleCodes.Surveyor or RoleCodes.QaInspector or RoleCodes.Auditor or RoleCodes.LobbyManager =>
            [Permissions.Policies.View, Permissions.Cases.View],
        RoleCodes.Supervisor or RoleCodes.ClaimsHandler or RoleCodes.DepartmentManager =>
            [Permissions.Policies.View, Permissions.Cases.Report, Permissions.Cases.View, Permissions.Cases.Manage],
        RoleCodes.Underwriter or RoleCodes.OperationsSupport =>
            [Permissions.Policies.View, Permissions.Policies.Manage, Permissions.Policies.Import, Permissions.Cases.View],
        _ => [],
    };

    /// <summary>The contact centre (CC-01, CC-02): agents and dispatchers take calls; supervisors also keep the scripts; QA reads the log.</summary>
    private static IReadOnlyList<string> CallGrants(string role) => role switch
    {
        RoleCodes.Administrator => [],
        RoleCodes.Agent or RoleCodes.Dispatcher => [Permissions.Calls.Desk, Permissions.Calls.View],
        RoleCodes.Supervisor => [Permissions.Calls.Desk, Permissions.Calls.View, Permissions.Calls.ManageScripts],
        RoleCodes.QaInspector or RoleCodes.DepartmentManager or RoleCodes.Auditor => [Permissions.Calls.View],
        _ => [],
    };

    /// <summary>
    /// Dispatch (CC-04): dispatchers and supervisors assign; surveyors do the field work; managers
    /// keep the surveyor profiles and the insurers' dispatch rules.
    /// </summary>
    private static IReadOnlyList<string> DispatchGrants(string role) => role switch
    {
        RoleCodes.Dispatcher => [Permissions.Dispatch.Assign],
        RoleCodes.Supervisor => [Permissions.Dispatch.Assign, Permissions.Dispatch.ManageSurveyors],
        RoleCodes.DepartmentManager => [Permissions.Dispatch.ManageSurveyors, Permissions.Dispatch.ManageRules],
        RoleCodes.Surveyor => [Permissions.Dispatch.Field],
        _ => [],
    };

    /// <summary>
    /// Consultations, first-contact ownership and registration errors (issue 4 §7–8): the front line
    /// takes consultations; anyone may come to own one by a hand-over, so everyone can look them up;
    /// supervisors and managers take over difficult requests; QA records registration errors.
    /// </summary>
    private static IReadOnlyList<string> ServiceGrants(string role) => role switch
    {
        RoleCodes.Administrator => [],
        RoleCodes.Agent or RoleCodes.ServiceSpecialist or RoleCodes.Teller =>
            [Permissions.Consultations.View, Permissions.Consultations.Manage],
        RoleCodes.Supervisor =>
            [Permissions.Consultations.View, Permissions.Consultations.Manage, Permissions.Requests.Supervise, Permissions.Quality.ViewErrors],
        RoleCodes.DepartmentManager => [Permissions.Consultations.View, Permissions.Requests.Supervise, Permissions.Quality.ViewErrors],
        RoleCodes.QaInspector => [Permissions.Consultations.View, Permissions.Quality.RecordErrors, Permissions.Quality.ViewErrors],
        RoleCodes.Auditor => [Permissions.Consultations.View, Permissions.Quality.ViewErrors],
        _ => [Permissions.Consultations.View],
    };
}
