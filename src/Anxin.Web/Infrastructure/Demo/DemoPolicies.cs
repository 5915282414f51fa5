using Anxin.Data;
using Anxin.Domain.Cases;
using Anxin.Domain.Organisation;
using Anxin.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Infrastructure.Demo;

/// <summary>
/// Demo policies: PICC and PAIC motor policies (one lapsed), and our own property and accident
/// business; PICC's own motor claim-documents list (CC-09), which adds the registration certificate.
/// </summary>
public static class DemoPolicies
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));

    public static async Task SeedAsync(AnxinDbContext db, IReadOnlyDictionary<string, OrgNode> nodes)
    {
        var insurers = await db.Insurers.IgnoreQueryFilters().ToDictionaryAsync(i => i.Code, i => i.Id);
        var gd = nodes["GD"];
        var end = Start.AddYears(1);
        db.Policies.Add(Policy.Register(new PolicyDraft("PDAA202644030000000001", ProductLine.Motor, "张伟", "13800138001", "张伟", "11010519491231002X",
            Start, end, 4_860m, "粤B12345", "LSVAM4187C2184752", null, null,
            [new("CTPL", null, 200_000m), new("VD", null, 180_000m, 0m), new("TPL", null, 1_000_000m), new("SEAT", null, 50_000m)]), insurers["PICC"], null, gd));
        var lapsed = Policy.Register(new PolicyDraft("PDAA202644030000000002", ProductLine.Motor, "李娜", "13900139002", "李娜", null,
            Start, end, 3_210m, "粤B67890", null, null, null,
            [new("CTPL", null, 200_000m), new("VD", null, 120_000m, 500m)]), insurers["PICC"], null, gd);
        lapsed.Terminate(PolicyStatus.Cancelled, Start.AddMonths(4));
        db.Policies.Add(lapsed);
        db.Policies.Add(Policy.Register(new PolicyDraft("PDZA202644010000000003", ProductLine.Motor, "王强", "13700137003", "王强", null,
            Start, end, 950m, "粤A11111", null, null, null,
            [new("CTPL", null, 200_000m), new("TPL", null, 500_000m)]), insurers["PAIC"], null, gd));
        db.Policies.Add(Policy.Register(new PolicyDraft("AX-PROP-2026-0001", ProductLine.Property, "深圳南山安信贸易有限公司", "13600136004",
            "深圳南山安信贸易有限公司", null, Start, end, 12_000m, null, null, "广东省深圳市南山区科技园南区 8 栋", null,
            [new("PROPALL", null, 5_000_000m, 2_000m, 10m, 1_000_000m)]), null, null, gd));
        db.Policies.Add(Policy.Register(new PolicyDraft("AX-ACC-2026-0001", ProductLine.Accident, "赵敏", "13500135005", "赵敏", null,
            Start, end, 300m, null, null, null, null,
            [new("ADD", null, 500_000m), new("AMR", null, 20_000m, 100m)]), null, null, gd));
        db.RequiredDocumentLists.Add(RequiredDocumentList.Create(insurers["PICC"], ProductLine.Motor,
            [.. RequiredDocumentList.MotorDefaults.Select(d => d.Zh).Take(4), "车辆登记证书复印件", .. RequiredDocumentList.MotorDefaults.Select(d => d.Zh).Skip(4)],
            [.. RequiredDocumentList.MotorDefaults.Select(d => d.En).Take(4), "Copy of the vehicle registration certificate",
                .. RequiredDocumentList.MotorDefaults.Select(d => d.En).Skip(4)]));
        await db.SaveChangesAsync();
    }
}
