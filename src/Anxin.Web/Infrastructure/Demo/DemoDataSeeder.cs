using Anxin.Data;
using Anxin.Data.Identity;
using Anxin.Domain.Administration;
using Anxin.Domain.Common;
using Anxin.Domain.Organisation;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Infrastructure.Demo;

/// <summary>
/// Demo data for Development (Demo:Seed=true): the org tree, about 30 staff covering every
/// role, two commissioning insurers and an API key for the head-office administrator.
/// Roles and their default permissions are seeded everywhere (see <see cref="SeedRolesAsync"/>).
/// </summary>
public sealed class DemoDataSeeder(AnxinDbContext db, UserManager<ApplicationUser> users, RoleManager<ApplicationRole> roles,
    Messaging.IBusinessNumberGenerator numbers, TimeProvider time, IServiceProvider services, DispatchDemoData dispatchDemo)
{
    public const string Password = "Anxin@2026";
    public const string HeadOfficeApiKey = "ak_demo-head-office-admin-key-0000000000";

    private static readonly (int Key, string? Parent, OrgNodeKind Kind, string Code, string Name)[] Nodes =
    [
        (1, null, OrgNodeKind.HeadOffice, "HO", "安心保险总公司"),
        (2, "HO", OrgNodeKind.Branch, "GD", "广东分公司"),
        (3, "HO", OrgNodeKind.Branch, "ZJ", "浙江分公司"),
        (4, "GD", OrgNodeKind.CentralSubBranch, "GD-SZ", "深圳中心支公司"),
        (5, "GD", OrgNodeKind.CentralSubBranch, "GD-GZ", "广州中心支公司"),
        (6, "ZJ", OrgNodeKind.CentralSubBranch, "ZJ-HZ", "杭州中心支公司"),
        (7, "GD-SZ", OrgNodeKind.SubBranch, "GD-SZ-NS", "深圳南山支公司"),
        (8, "GD-SZ", OrgNodeKind.SubBranch, "GD-SZ-FT", "深圳福田支公司"),
        (9, "GD-GZ", OrgNodeKind.SubBranch, "GD-GZ-TH", "广州天河支公司"),
        (10, "ZJ-HZ", OrgNodeKind.SubBranch, "ZJ-HZ-XH", "杭州西湖支公司"),
        (11, "HO", OrgNodeKind.Department, "HO-OPS", "总公司运营管理部"),
        (12, "GD", OrgNodeKind.Department, "GD-CC", "广东客服中心"),
        (13, "GD-CC", OrgNodeKind.Team, "GD-CC-T1", "坐席一组"),
        (14, "GD", OrgNodeKind.Department, "GD-CLM", "广东理赔部"),
        (15, "ZJ", OrgNodeKind.Department, "ZJ-CLM", "浙江理赔部"),
    ];

    private static readonly (string User, string Name, string WorkNo, string Node, string[] Roles)[] People =
    [
        ("admin", "周安", "1001", "HO", [RoleCodes.Administrator]),
        ("auditor", "钱审", "1002", "HO", [RoleCodes.Auditor]),
        ("ops", "孙运", "1003", "HO-OPS", [RoleCodes.OperationsSupport]),
        ("gdmanager", "李广", "2001", "GD", [RoleCodes.DepartmentManager]),
        ("gdadmin", "郑管", "2002", "GD", [RoleCodes.Administrator]),
        ("ccsupervisor", "王督", "2101", "GD-CC", [RoleCodes.Supervisor]),
        ("agent1", "陈晓", "2102", "GD-CC-T1", [RoleCodes.Agent]),
        ("agent2", "林静", "2103", "GD-CC-T1", [RoleCodes.Agent]),
        ("agent3", "黄敏", "2104", "GD-CC-T1", [RoleCodes.Agent, RoleCodes.ServiceSpecialist]),
        ("dispatcher", "赵调", "2105", "GD-CC", [RoleCodes.Dispatcher]),
        ("qa", "吴质", "2106", "GD-CC", [RoleCodes.QaInspector]),
        ("surveyor1", "刘勘", "2201", "GD-SZ", [RoleCodes.Surveyor]),
        ("surveyor2", "何勘", "2202", "GD-GZ", [RoleCodes.Surveyor]),
        ("surveyor3", "高勘", "2203", "GD-SZ-NS", [RoleCodes.Surveyor]),
        ("claims1", "罗赔", "2301", "GD-CLM", [RoleCodes.ClaimsHandler]),
        ("claims2", "梁赔", "2302", "GD-CLM", [RoleCodes.ClaimsHandler]),
        ("claimslead", "宋主", "2303", "GD-CLM", [RoleCodes.Supervisor, RoleCodes.ClaimsHandler]),
        ("underwriter", "谢核", "2401", "GD", [RoleCodes.Underwriter]),
        ("szmanager", "韩深", "4001", "GD-SZ", [RoleCodes.DepartmentManager]),
        ("nslobby", "唐堂", "7001", "GD-SZ-NS", [RoleCodes.LobbyManager]),
        ("nsteller", "冯柜", "7002", "GD-SZ-NS", [RoleCodes.Teller]),
        ("ftlobby", "于堂", "8001", "GD-SZ-FT", [RoleCodes.LobbyManager]),
        ("ftteller", "董柜", "8002", "GD-SZ-FT", [RoleCodes.Teller]),
        ("thteller", "萧柜", "9001", "GD-GZ-TH", [RoleCodes.Teller]),
        ("thsales", "程销", "9002", "GD-GZ-TH", [RoleCodes.Sales]),
        ("zjmanager", "曹浙", "3001", "ZJ", [RoleCodes.DepartmentManager]),
        ("zjclaims", "袁赔", "3002", "ZJ-CLM", [RoleCodes.ClaimsHandler]),
        ("xhlobby", "邓堂", "1101", "ZJ-HZ-XH", [RoleCodes.LobbyManager]),
        ("xhteller", "许柜", "1102", "ZJ-HZ-XH", [RoleCodes.Teller]),
        ("xhservice", "傅服", "1103", "ZJ-HZ-XH", [RoleCodes.ServiceSpecialist]),
        ("hzsales", "沈销", "6001", "ZJ-HZ", [RoleCodes.Sales]),
    ];

    public async Task SeedAsync()
    {
        await SeedRolesAsync();
        if (await db.OrgNodes.IgnoreQueryFilters().AnyAsync())
        {
            return;
        }

        var nodes = new Dictionary<string, OrgNode>();
        foreach (var n in Nodes)
        {
            var node = OrgNode.Create(n.Parent is null ? null : nodes[n.Parent], n.Key, n.Kind, n.Code, n.Name);
            nodes[n.Code] = node;
            db.OrgNodes.Add(node);
        }

        db.Insurers.Add(Insurer.Create("PICC", "中国人民财产保险股份有限公司"));
        db.Insurers.Add(Insurer.Create("PAIC", "中国平安财产保险股份有限公司"));
        await db.SaveChangesAsync();
        await DemoPolicies.SeedAsync(db, nodes);

        var i = 0;
        var people = new Dictionary<string, Staff>();
        foreach (var p in People)
        {
            i++;
            var staff = Staff.Create(p.WorkNo, p.Name, nodes[p.Node]);
            people[p.User] = staff;
            staff.UpdateContact(null, MobileNumber.Create($"138{i:D4}{5678 + i:D4}").Value, DemoIdNumber(i), null);
            db.Staff.Add(staff);
            await db.SaveChangesAsync();
            var user = new ApplicationUser { Id = Guid.CreateVersion7(), UserName = p.User, DisplayName = p.Name, StaffId = staff.Id };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRolesAsync(user, p.Roles));
        }

        // A commissioning insurer's own staff member: sees and maintains PICC's policies and cases only.
        var picc = Staff.Create("P001", "任保", nodes["GD"]);
        db.Staff.Add(picc);
        await db.SaveChangesAsync();
        var piccUser = new ApplicationUser
        {
            Id = Guid.CreateVersion7(), UserName = "piccuser", DisplayName = picc.Name, StaffId = picc.Id,
            InsurerId = await db.Insurers.Where(x => x.Code == "PICC").Select(x => x.Id).SingleAsync(),
        };
        Check(await users.CreateAsync(piccUser, Password));
        Check(await users.AddToRolesAsync(piccUser, [RoleCodes.Underwriter, RoleCodes.Agent]));

        var admin = await users.FindByNameAsync("admin");
        db.ApiKeys.Add(ApiKey.Create("演示：总公司管理员", ApiKeys.DisplayPrefix(HeadOfficeApiKey), ApiKeys.Hash(HeadOfficeApiKey),
            nodes["HO"], Permissions.All, admin!.Id));
        await db.SaveChangesAsync();
        await CallDemoData.SeedAsync(db, numbers, time, DemoIdNumber);
        await DemoCases.SeedAsync(db, nodes, numbers, time);
        await DemoRequests.SeedAsync(db, services, nodes, people);
        await dispatchDemo.SeedAsync();
    }

    /// <summary>Every role of X-02 with its default permissions; existing grants are left alone.</summary>
    public async Task SeedRolesAsync()
    {
        foreach (var code in RoleCodes.All)
        {
            if (await roles.FindByNameAsync(code) is not null)
            {
                continue;
            }

            var role = new ApplicationRole(code);
            Check(await roles.CreateAsync(role));
            db.RolePermissions.AddRange(DefaultRolePermissions.For(code).Select(p => new RolePermission { RoleId = role.Id, Permission = p }));
            await db.SaveChangesAsync();
        }
    }

    /// <summary>A valid demo ID number: region 440305, birth date from the index, any valid check character.</summary>
    private static ResidentIdNumber DemoIdNumber(int i)
    {
        var prefix = $"44030519{80 + (i % 20):D2}0{1 + (i % 9)}{10 + (i % 18):D2}{100 + i:D3}";
        return "0123456789X".Select(c => ResidentIdNumber.Create(prefix + c))
            .First(r => r.IsValid).Value;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
