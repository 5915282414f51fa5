using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Policies;
using Anxin.Web.Tests.Customers;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Cases;

/// <summary>CC-03: the intake's live policy lookup says what the coverage check would, and saves nothing.</summary>
public sealed class CoveragePreviewTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_preview_finds_the_policy_by_number_or_plate_and_judges_the_cover_without_saving(Db db)
    {
        var app = apps.For(db);
        var policy = await app.SeedMotorPolicyAsync("PICC", new CoverageDraft("TPL", null, 500_000m));
        var api = app.Api();
        var casesBefore = await app.WithDbAsync(d => d.Cases.CountAsync());
        var auditBefore = await app.WithDbAsync(d => d.AuditEntries.CountAsync());

        var byNumber = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/coverage-preview?insurer=PICC&policyNumber={policy.Number}&cause=ThirdPartyDamage");
        var byPlate = await api.GetFromJsonAsync<JsonElement>(
            $"/api/v1/cases/coverage-preview?insurer=PICC&plate={Uri.EscapeDataString(policy.Plate)}&cause=Theft&lossAt={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-2).ToString("O"))}");
        var noCause = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/coverage-preview?insurer=PICC&policyNumber={policy.Number}");
        var otherInsurer = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/coverage-preview?insurer=PAIC&policyNumber={policy.Number}&cause=Collision");
        var beforeStart = await api.GetFromJsonAsync<JsonElement>(
            $"/api/v1/cases/coverage-preview?insurer=PICC&policyNumber={policy.Number}&cause=ThirdPartyDamage&lossAt={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-60).ToString("O"))}");

        Assert.True(byNumber.GetProperty("policyFound").GetBoolean());
        Assert.Equal("Covered", byNumber.GetProperty("outcome").GetString());
        Assert.Equal("在保且责任覆盖", byNumber.GetProperty("outcomeText").GetString());
        Assert.Equal(policy.Number, byNumber.GetProperty("policy").GetProperty("number").GetString());
        Assert.Equal(Domain.Common.Masking.Name("测试投保人"), byNumber.GetProperty("policy").GetProperty("holderName").GetString());
        Assert.DoesNotContain("测试投保人", byNumber.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(byNumber.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "Coverage.PerilCovered"
            && r.GetProperty("text").GetString()!.Contains("TPL", StringComparison.Ordinal));
        Assert.Equal("PerilNotCovered", byPlate.GetProperty("outcome").GetString());
        Assert.Contains(byPlate.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("text").GetString()!.Contains("盗抢", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, noCause.GetProperty("outcome").ValueKind);
        Assert.Equal(["Coverage.InForce"], noCause.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Equal("PolicyNotFound", otherInsurer.GetProperty("outcome").GetString());
        Assert.False(otherInsurer.GetProperty("policyFound").GetBoolean());
        Assert.Equal("NotInForce", beforeStart.GetProperty("outcome").GetString());
        Assert.Equal(casesBefore, await app.WithDbAsync(d => d.Cases.CountAsync()));
        Assert.Equal(auditBefore, await app.WithDbAsync(d => d.AuditEntries.CountAsync()));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_bad_plate_an_unknown_insurer_or_cause_are_field_errors_and_an_agent_may_ask_but_a_surveyor_may_not(Db db)
    {
        var app = apps.For(db);

        var bad = await app.Api().GetAsync("/api/v1/cases/coverage-preview?insurer=NOPE&plate=ABC&cause=999");
        var agent = await (await app.SignInAsync("agent1")).GetAsync("/api/v1/cases/coverage-preview?insurer=PICC&policyNumber=PDAA202644030000000001&cause=Collision");
        var surveyor = await (await app.SignInAsync("surveyor1")).GetAsync("/api/v1/cases/coverage-preview?insurer=PICC&policyNumber=PDAA202644030000000001");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var codes = CustomerTestKit.Codes(await bad.ReadJsonAsync<JsonElement>());
        Assert.Equal(["Case.UnknownInsurer"], codes["insurer"]);
        Assert.Equal([Domain.Common.ValidationCodes.PlateFormat], codes["plate"]);
        Assert.Equal(["Case.UnknownCause"], codes["cause"]);
        Assert.Equal(HttpStatusCode.OK, agent.StatusCode);
        Assert.True((await agent.ReadJsonAsync<JsonElement>()).GetProperty("policyFound").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, surveyor.StatusCode);
    }
}
