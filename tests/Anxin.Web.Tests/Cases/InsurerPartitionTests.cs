using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Web.Tests.Customers;
using Anxin.Web.Tests.Infrastructure;

namespace Anxin.Web.Tests.Cases;

/// <summary>X-14: a commissioning insurer's key sees only that insurer's cases, in the list, by id and in the export.</summary>
public sealed class InsurerPartitionTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task An_insurer_key_never_sees_another_insurers_cases(Db db)
    {
        var app = apps.For(db);
        var piccKey = await app.CreateInsurerKeyAsync("PICC");
        var paicKey = await app.CreateInsurerKeyAsync("PAIC");
        var picc = await app.Api(piccKey).ReportAsync(CaseTestKit.Report(insurerCode: null, plate: CaseTestKit.NewPlate()));
        var paic = await app.Api(paicKey).ReportAsync(CaseTestKit.Report(insurerCode: null, plate: CaseTestKit.NewPlate()));
        var paicNumber = paic.GetProperty("number").GetString()!;

        var list = await app.Api(piccKey).GetFromJsonAsync<JsonElement>("/api/v1/cases?pageSize=200");
        var byId = await app.Api(piccKey).GetAsync($"/api/v1/cases/{paic.GetProperty("id").GetGuid()}");
        var search = await app.Api(piccKey).GetFromJsonAsync<JsonElement>($"/api/v1/cases?q={paicNumber}");
        var export = await app.Api(piccKey).GetStringAsync("/api/v1/cases/export?format=csv");
        var ownList = await app.Api(paicKey).GetFromJsonAsync<JsonElement>($"/api/v1/cases?q={paicNumber}");

        Assert.Equal("PICC", picc.GetProperty("insurerCode").GetString());
        Assert.Equal("PAIC", paic.GetProperty("insurerCode").GetString());
        var codes = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("insurerCode").GetString()).Distinct().ToList();
        Assert.Equal(["PICC"], codes);
        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        Assert.Empty(search.GetProperty("items").EnumerateArray());
        Assert.DoesNotContain(paicNumber, export, StringComparison.Ordinal);
        Assert.Contains(picc.GetProperty("number").GetString()!, export, StringComparison.Ordinal);
        Assert.Single(ownList.GetProperty("items").EnumerateArray());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task An_insurer_key_cannot_report_for_another_insurer_nor_match_its_policies(Db db)
    {
        var app = apps.For(db);
        var piccKey = await app.CreateInsurerKeyAsync("PICC");
        var paicPolicy = await app.SeedMotorPolicyAsync("PAIC");

        var forOther = await app.Api(piccKey).PostReportAsync(CaseTestKit.Report(insurerCode: "PAIC"));
        var created = await app.Api(piccKey).ReportAsync(CaseTestKit.Report(insurerCode: null, policyNumber: paicPolicy.Number));

        Assert.Equal(HttpStatusCode.BadRequest, forOther.StatusCode);
        Assert.Equal(["Case.OtherInsurer"], CustomerTestKit.Codes(await forOther.ReadJsonAsync<JsonElement>())["insurerCode"]);
        Assert.False(created.GetProperty("policyVerified").GetBoolean());
    }
}
