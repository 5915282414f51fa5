namespace Anxin.Domain.Organisation;

public enum OrgNodeKind
{
    HeadOffice = 1,
    Branch = 2,
    CentralSubBranch = 3,
    SubBranch = 4,
    Department = 10,
    Team = 11,
}

public static class OrgNodeKinds
{
    public static bool IsInstitution(this OrgNodeKind kind) => kind is OrgNodeKind.HeadOffice
        or OrgNodeKind.Branch or OrgNodeKind.CentralSubBranch or OrgNodeKind.SubBranch;

    /// <summary>Which kind of node may hang under which .</summary>
    public static bool CanBeChildOf(this OrgNodeKind child, OrgNodeKind? parent) => (child, parent) switch
    {
        (OrgNodeKind.HeadOffice, null) => true,
        (_, null) => false,
        (OrgNodeKind.HeadOffice, _) => false,
        (OrgNodeKind.Branch, OrgNodeKind.HeadOffice) => true,
        (OrgNodeKind.CentralSubBranch, OrgNodeKind.Branch) => true,
        (OrgNodeKind.SubBranch, OrgNodeKind.CentralSubBranch or OrgNodeKind.Branch) => true,
        (OrgNodeKind.Department, var p) => p != OrgNodeKind.Team,
        (OrgNodeKind.Team, _) => true,
        _ => false,
    };
}
