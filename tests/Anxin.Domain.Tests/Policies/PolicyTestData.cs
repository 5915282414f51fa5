using Anxin.Domain.Organisation;
using Anxin.Domain.Policies;

namespace Anxin.Domain.Tests.Policies;

internal static class PolicyTestData
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    public static OrgNode Node { get; } = OrgNode.Create(null, 1, OrgNodeKind.HeadOffice, "HO", "总公司");

    public static PolicyDraft MotorDraft(string number = "PDAA202644030000000001", params CoverageDraft[] coverages) => new(
        number, ProductLine.Motor, "张三", "13800138000", "张三", "11010519491231002X", Start, Start.AddYears(1), 3200m,
        "粤B12345", null, null, null,
        coverages.Length > 0 ? coverages : [new("VD", null, 200_000m, 500m), new("TPL", null, 1_000_000m)]);

    public static Policy Motor(params CoverageDraft[] coverages) => Policy.Register(MotorDraft("PDAA202644030000000001", coverages), null, null, Node);
}
