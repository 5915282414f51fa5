using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Domain.Policies;
using Anxin.Web.Tests.Customers;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Cases;

/// <summary>CC-03, CC-09, CC-10: loss reports through the API.</summary>
public sealed partial class LossReportIntakeTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_report_on_a_policy_in_force_gets_a_case_number_a_coverage_check_an_sms_and_a_dispatch_clock(Db db)
    {
        var app = apps.For(db);
        var policy = await app.SeedMotorPolicyAsync("PICC");
        var body = CaseTestKit.Report(policyNumber: policy.Number);

        var created = await app.Api().ReportAsync(body);

        Assert.Matches(BaNumber(), created.GetProperty("number").GetString());
        Assert.True(created.GetProperty("policyVerified").GetBoolean());
        Assert.Equal("Covered", created.GetProperty("coverage").GetProperty("outcome").GetString());
        Assert.Equal(policy.Plate, created.GetProperty("plate").GetString());
        Assert.Equal(Masking.Mobile((string)body["reporterMobile"]!), created.GetProperty("reporterMobile").GetString());
        var id = created.GetProperty("id").GetGuid().ToString();
        var sms = await app.WithDbAsync(d => d.Outbox.SingleAsync(m => m.Recipient == (string)body["reporterMobile"]!));
        Assert.Equal("Case.Reported", sms.TemplateCode);
        var parameters = JsonDocument.Parse(sms.Parameters).RootElement;
        Assert.Equal(created.GetProperty("number").GetString(), parameters.GetProperty("caseNumber").GetString());
        Assert.Contains("索赔申请书", parameters.GetProperty("documents").GetString(), StringComparison.Ordinal);
        var clock = await app.WithDbAsync(d => d.ServiceClocks.SingleAsync(c => c.SubjectId == id));
        Assert.Equal(DefaultClockRules.DispatchSurveyor.Code, clock.RuleCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Replaying_a_report_with_the_same_idempotency_key_returns_the_same_case_once(Db db)
    {
        var app = apps.For(db);
        var body = CaseTestKit.Report(policyNumber: (await app.SeedMotorPolicyAsync("PICC")).Number);
        var key = Guid.NewGuid().ToString();

        var first = await app.Api().PostReportAsync(body, key);
        var replay = await app.Api().PostReportAsync(body, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        var mobile = (string)body["reporterMobile"]!;
        Assert.Equal(1, await app.WithDbAsync(d => d.Cases.CountAsync(c => c.ReporterMobile == mobile)));
        Assert.Equal(1, await app.WithDbAsync(d => d.Outbox.CountAsync(m => m.Recipient == mobile)));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_bad_id_number_mobile_and_plate_are_field_errors_and_nothing_is_written(Db db)
    {
        var app = apps.For(db);
        var body = CaseTestKit.Report();
        body["reporterIdNumber"] = "110105194912310021";
        body["reporterMobile"] = "12345";
        body["plate"] = "粤B-1O";
        var description = (string)body["description"]!;
        var before = await app.WithDbAsync(d => d.Cases.CountAsync());

        var response = await app.Api().PostReportAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var codes = CustomerTestKit.Codes(await response.ReadJsonAsync<JsonElement>());
        Assert.Equal([ValidationCodes.IdNumberChecksum], codes["reporterIdNumber"]);
        Assert.Equal([ValidationCodes.MobileFormat], codes["reporterMobile"]);
        Assert.Equal([ValidationCodes.PlateFormat], codes["plate"]);
        Assert.Equal(before, await app.WithDbAsync(d => d.Cases.CountAsync()));
        Assert.False(await app.WithDbAsync(d => d.Cases.AnyAsync(c => c.Description == description)));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Missing_fields_a_future_loss_time_and_an_unknown_insurer_are_field_errors_in_english_too(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var body = CaseTestKit.Report(insurerCode: "NOPE", lossAt: DateTimeOffset.UtcNow.AddDays(2));
        body.Remove("reporterName");
        body.Remove("lossPlace");
        body["cause"] = null;

        var response = await api.PostReportAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync<JsonElement>();
        var codes = CustomerTestKit.Codes(problem);
        Assert.Equal(["Case.LossInFuture"], codes["lossAt"]);
        Assert.Equal(["Case.UnknownInsurer"], codes["insurerCode"]);
        Assert.Equal([ValidationCodes.Required], codes["reporterName"]);
        Assert.Equal([ValidationCodes.Required], codes["lossPlace"]);
        Assert.Equal([ValidationCodes.Required], codes["cause"]);
        Assert.Contains("future", problem.GetProperty("errors").GetProperty("lossAt")[0].GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_report_on_a_policy_that_cannot_be_found_is_accepted_unverified(Db db)
    {
        var app = apps.For(db);

        var created = await app.Api().ReportAsync(CaseTestKit.Report(policyNumber: "NOT-IN-REGISTER-" + Random.Shared.Next(1000, 9999)));

        Assert.False(created.GetProperty("policyVerified").GetBoolean());
        Assert.Equal("PolicyNotFound", created.GetProperty("coverage").GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("policyId").ValueKind);
        Assert.StartsWith("NOT-IN-REGISTER-", created.GetProperty("policyNumber").GetString(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_motor_report_by_plate_finds_the_policy_and_flags_a_cause_no_coverage_names(Db db)
    {
        var app = apps.For(db);
        var policy = await app.SeedMotorPolicyAsync("PAIC", new CoverageDraft("TPL", null, 500_000m));

        var created = await app.Api().ReportAsync(CaseTestKit.Report(insurerCode: "PAIC", plate: policy.Plate, cause: "Theft"));

        Assert.Equal(policy.Number, created.GetProperty("policyNumber").GetString());
        Assert.True(created.GetProperty("policyVerified").GetBoolean());
        Assert.Equal("PerilNotCovered", created.GetProperty("coverage").GetProperty("outcome").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_policy_of_another_insurer_is_not_matched(Db db)
    {
        var app = apps.For(db);
        var picc = await app.SeedMotorPolicyAsync("PICC");

        var created = await app.Api().ReportAsync(CaseTestKit.Report(insurerCode: "PAIC", policyNumber: picc.Number));

        Assert.False(created.GetProperty("policyVerified").GetBoolean());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("policyId").ValueKind);
    }

    [GeneratedRegex(@"^BA\d{14}$")]
    private static partial Regex BaNumber();
}
