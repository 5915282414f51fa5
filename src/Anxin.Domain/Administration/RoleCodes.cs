namespace Anxin.Domain.Administration;

/// <summary>The roles of X-02. A person may hold several; each role grants permissions.</summary>
public static class RoleCodes
{
    public const string LobbyManager = "LobbyManager";
    public const string Teller = "Teller";
    public const string ServiceSpecialist = "ServiceSpecialist";
    public const string Agent = "Agent";
    public const string Dispatcher = "Dispatcher";
    public const string Surveyor = "Surveyor";
    public const string ClaimsHandler = "ClaimsHandler";
    public const string Underwriter = "Underwriter";
    public const string Sales = "Sales";
    public const string OperationsSupport = "OperationsSupport";
    public const string Supervisor = "Supervisor";
    public const string DepartmentManager = "DepartmentManager";
    public const string QaInspector = "QaInspector";
    public const string Auditor = "Auditor";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All =
    [
        LobbyManager, Teller, ServiceSpecialist, Agent, Dispatcher, Surveyor, ClaimsHandler,
        Underwriter, Sales, OperationsSupport, Supervisor, DepartmentManager, QaInspector,
        Auditor, Administrator,
    ];
}
