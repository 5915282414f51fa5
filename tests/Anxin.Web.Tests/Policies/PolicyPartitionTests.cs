using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Administration;
using Anxin.Web.Tests.Customers;
using Anxin.Web.Tests.Infrastructure;
using Anxin.Web.Tests.Staff;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Policies;

/// <summary>
/// X-14: staff accounts and API keys of a commissioning insurer see only that insurer's policies
/// (list, detail, export, search) and register or import policies for it alone.
/// </summary>
public sealed class PolicyPartitionTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task An_insurer_key_never_sees_another_insurers_policies(Db db)
    {
        var app = apps.For(db);
        var picc = await app.InsurerApiAsync("PICC");
        var paicPolicy = await app.Api().CreatePolicyAsync(PolicyTestKit.Motor("PAIC"));
        var paicNumber = paicPolicy.GetProperty("number").GetString()!;
        var piccPolicy = await picc.CreatePolicyAsync(PolicyTestKit.Motor(insurerCode: null));

        var list = await picc.ListPoliciesAsync(string.Empty);
        var search = await picc.ListPoliciesAsync("q=" + paicNumber);
        var filtered = await picc.ListPoliciesAsync("insurer=PAIC");
        var byId = await picc.GetAsync($"/api/v1/policies/{paicPolicy.GetProperty("id").GetGuid()}");
        var terminate = await picc.PostAsJsonAsync($"/api/v1/policies/{paicPolicy.GetProperty("id").GetGuid()}/terminate",
            new { status = "Cancelled", at = DateTimeOffset.UtcNow });
        var export = await picc.GetStringAsync("/api/v1/policies/export?format=csv");

        Assert.Equal("PICC", piccPolicy.GetProperty("insurerCode").GetString());
        Assert.NotEmpty(list);
        Assert.All(list, p => Assert.Equal("PICC", p.GetProperty("insurerCode").GetString()));
        Assert.Empty(search);
        Assert.Empty(filtered);
        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, terminate.StatusCode);
        Assert.DoesNotContain(paicNumber, export, StringComparison.Ordinal);
        Assert.DoesNotContain("PDZA202644010000000003", export, StringComparison.Ordinal);
        Assert.Contains(piccPolicy.GetProperty("number").GetString()!, export, StringComparison.Ordinal);
        Assert.Contains("PDAA202644030000000001", export, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task An_insurer_key_cannot_register_or_import_policies_for_another_insurer_or_our_own_business(Db db)
    {
        var app = apps.For(db);
        var picc = await app.InsurerApiAsync("PICC");
        var (forPaic, forOwn, inFile, fileOk) = (PolicyTestKit.NewNumber(), PolicyTestKit.NewNumber(), PolicyTestKit.NewNumber(), PolicyTestKit.NewNumber());

        var paic = await picc.PostAsJsonAsync("/api/v1/policies", PolicyTestKit.Motor("PAIC", forPaic));
        var own = await picc.PostAsJsonAsync("/api/v1/policies", PolicyTestKit.Motor("OWN", forOwn));
        var import = await picc.ImportAsync(PolicyTestKit.Csv(PolicyTestKit.Row(fileOk, insurer: ""), PolicyTestKit.Row(inFile, insurer: "PAIC")));

        Assert.Equal(["Policy.OtherInsurer"], CustomerTestKit.Codes(await paic.ReadJsonAsync<JsonElement>())["insurerCode"]);
        Assert.Equal(["Policy.OtherInsurer"], CustomerTestKit.Codes(await own.ReadJsonAsync<JsonElement>())["insurerCode"]);
        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        var error = Assert.Single((await import.ReadJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("委托公司", error.GetProperty("column").GetString());
        Assert.Equal(0, await app.CountPoliciesAsync(forPaic, forOwn, inFile, fileOk));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task An_administrator_creates_an_insurer_account_that_sees_only_that_insurers_policies(Db db)
    {
        var app = apps.For(db);
        // Both inside the new user's organisation scope (GD): only the insurer partition tells them apart.
        var gd = await app.ScopedApiAsync("GD", Permissions.Policies.View, Permissions.Policies.Manage);
        var paicPolicy = await gd.CreatePolicyAsync(PolicyTestKit.Motor("PAIC"));
        var piccPolicy = await gd.CreatePolicyAsync(PolicyTestKit.Motor("PICC"));
        var userName = StaffTestKit.Unique("picc");
        var created = await app.Api().PostAsJsonAsync("/api/v1/staff", new
        {
            workNumber = StaffTestKit.Unique("P"), name = "人保专员", orgNodeId = await app.NodeIdAsync("GD"), userName,
            initialPassword = StaffTestKit.Password, roles = new[] { RoleCodes.Underwriter }, insurerCode = "picc",
        });
        var unknown = await app.Api().PostAsJsonAsync("/api/v1/staff", new
        {
            workNumber = StaffTestKit.Unique("P"), name = "某专员", orgNodeId = await app.NodeIdAsync("GD"), userName = StaffTestKit.Unique("x"),
            initialPassword = StaffTestKit.Password, insurerCode = "NOPE",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var staff = await created.ReadJsonAsync<JsonElement>();
        await app.WithDbAsync(async d =>
        {
            var user = await d.Users.SingleAsync(u => u.UserName == userName);
            user.MustChangePassword = false;
            return await d.SaveChangesAsync();
        });
        var browser = await app.SignInAsync(userName, StaffTestKit.Password);

        var listPage = await browser.GetPageAsync("/policies?q=" + paicPolicy.GetProperty("number").GetString());
        var ownPage = await browser.GetPageAsync("/policies?q=" + piccPolicy.GetProperty("number").GetString());
        var paicDetail = await browser.GetAsync($"/policies/{paicPolicy.GetProperty("id").GetGuid()}");
        var apiList = await browser.ListPoliciesAsync(string.Empty);
        var detailPage = await (await app.SignInAsync("admin")).GetPageAsync($"/admin/staff/{staff.GetProperty("id").GetGuid()}");

        Assert.Equal("PICC", staff.GetProperty("insurerCode").GetString());
        Assert.Equal(["Case.UnknownInsurer"], CustomerTestKit.Codes(await unknown.ReadJsonAsync<JsonElement>())["insurerCode"]);
        Assert.Empty(listPage.QuerySelectorAll("[data-policy-id]"));
        Assert.Single(ownPage.QuerySelectorAll("[data-policy-id]"));
        Assert.Equal(HttpStatusCode.NotFound, paicDetail.StatusCode);
        Assert.All(apiList, p => Assert.Equal("PICC", p.GetProperty("insurerCode").GetString()));
        Assert.Contains("PICC", detailPage.QuerySelector("[data-testid=staff-insurer]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(listPage.QuerySelector("select#insurer"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_key_bound_to_an_insurer_is_listed_with_it_and_an_insurer_administrator_gives_out_only_their_own(Db db)
    {
        var app = apps.For(db);
        var headOffice = await app.NodeIdAsync("HO");
        var bound = await app.Api().PostAsJsonAsync("/api/v1/api-keys", new
        {
            name = "人保对接", orgNodeId = headOffice, permissions = new[] { Permissions.Policies.View }, insurerCode = "PICC",
        });
        Assert.True(bound.StatusCode == HttpStatusCode.Created, await bound.Content.ReadAsStringAsync());
        var key = await bound.ReadJsonAsync<JsonElement>();
        var paicNumber = (await app.Api().CreatePolicyAsync(PolicyTestKit.Motor("PAIC"))).GetProperty("number").GetString()!;

        var seen = await app.Api(key.GetProperty("key").GetString()!).ListPoliciesAsync(string.Empty);
        var listed = await app.Api().GetFromJsonAsync<JsonElement>("/api/v1/api-keys");

        Assert.Equal("PICC", key.GetProperty("insurerCode").GetString());
        Assert.All(seen, p => Assert.Equal("PICC", p.GetProperty("insurerCode").GetString()));
        Assert.DoesNotContain(seen, p => p.GetProperty("number").GetString() == paicNumber);
        var row = listed.EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == key.GetProperty("id").GetGuid());
        Assert.Equal("PICC", row.GetProperty("insurerCode").GetString());

        // An administrator of PICC: whatever they ask for, their keys and accounts belong to PICC.
        var piccAdmin = StaffTestKit.Unique("pa");
        var adminCreated = await app.Api().PostAsJsonAsync("/api/v1/staff", new
        {
            workNumber = StaffTestKit.Unique("P"), name = "人保管理员", orgNodeId = headOffice, userName = piccAdmin,
            initialPassword = StaffTestKit.Password, roles = new[] { RoleCodes.Administrator }, insurerCode = "PICC",
        });
        Assert.Equal(HttpStatusCode.Created, adminCreated.StatusCode);
        await app.WithDbAsync(async d =>
        {
            var user = await d.Users.SingleAsync(u => u.UserName == piccAdmin);
            user.MustChangePassword = false;
            return await d.SaveChangesAsync();
        });
        var admin = await app.SignInAsync(piccAdmin, StaffTestKit.Password);
        var implicitKey = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "隐式", orgNodeId = headOffice, permissions = new[] { Permissions.Policies.View } });
        var otherKey = await admin.PostAsJsonAsync("/api/v1/api-keys",
            new { name = "越权", orgNodeId = headOffice, permissions = new[] { Permissions.Policies.View }, insurerCode = "PAIC" });
        var otherStaff = await admin.PostAsJsonAsync("/api/v1/staff", new
        {
            workNumber = StaffTestKit.Unique("P"), name = "越权", orgNodeId = headOffice, userName = StaffTestKit.Unique("y"),
            initialPassword = StaffTestKit.Password, insurerCode = "OWN",
        });

        Assert.True(implicitKey.StatusCode == HttpStatusCode.Created, await implicitKey.Content.ReadAsStringAsync());
        Assert.Equal("PICC", (await implicitKey.ReadJsonAsync<JsonElement>()).GetProperty("insurerCode").GetString());
        Assert.Equal(["Policy.OtherInsurer"], CustomerTestKit.Codes(await otherKey.ReadJsonAsync<JsonElement>())["insurerCode"]);
        Assert.Equal(["Policy.OtherInsurer"], CustomerTestKit.Codes(await otherStaff.ReadJsonAsync<JsonElement>())["insurerCode"]);
    }
}
