using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Anxin.Web.Tests.Customers;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Policies;

/// <summary>Issue 4 §2: the CSV import is all or nothing, and a rejected file is reported row by row, column by column.</summary>
public sealed class PolicyImportTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_file_with_bad_rows_imports_nothing_and_names_each_row_and_column(Db db)
    {
        var app = apps.For(db);
        var (good, bad, repeated, stranger) = (PolicyTestKit.NewNumber(), PolicyTestKit.NewNumber(), PolicyTestKit.NewNumber(), PolicyTestKit.NewNumber());
        var csv = PolicyTestKit.Csv(
            PolicyTestKit.Row(good),
            PolicyTestKit.Row(bad, premium: "四千", starts: "2026-13-01", coverages: "VD:0;TPL"),
            PolicyTestKit.Row(good),
            PolicyTestKit.Row(stranger, insurer: "XYZ", line: "船舶险"),
            PolicyTestKit.Row(repeated));
        var auditBefore = await app.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.Action == "PoliciesImported"));

        var response = await app.Api().ImportAsync(csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var report = await response.ReadJsonAsync<JsonElement>();
        Assert.Equal("Import.Rejected", report.GetProperty("code").GetString());
        Assert.Equal(5, report.GetProperty("rowCount").GetInt32());
        var errors = report.GetProperty("errors").EnumerateArray()
            .Select(e => (Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString(), Code: e.GetProperty("code").GetString(),
                Message: e.GetProperty("message").GetString()!))
            .ToList();
        Assert.Contains(errors, e => e is { Row: 3, Column: "保费", Code: "Validation.Money.Format" });
        Assert.Contains(errors, e => e is { Row: 3, Column: "起保日期", Code: "Import.DateFormat" });
        Assert.Contains(errors, e => e is { Row: 3, Column: "险别", Code: "Import.CoverageFormat" } && e.Message.Contains('2', StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 4, Column: "保单号", Code: "Import.DuplicateInFile" } && e.Message.Contains('2', StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 5, Column: "委托公司", Code: "Case.UnknownInsurer" });
        Assert.Contains(errors, e => e is { Row: 5, Column: "险种", Code: "Import.LineUnknown" });
        Assert.DoesNotContain(errors, e => e.Row is 2 or 6);
        Assert.Equal(errors.Count, report.GetProperty("errorCount").GetInt32());
        Assert.Equal(0, await app.CountPoliciesAsync(good, bad, repeated, stranger));
        Assert.Equal(auditBefore, await app.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.Action == "PoliciesImported")));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_good_file_imports_every_row_in_one_go_with_one_audit_event(Db db)
    {
        var app = apps.For(db);
        var (motor, property, accident) = (PolicyTestKit.NewNumber(), PolicyTestKit.NewNumber(), PolicyTestKit.NewNumber());
        var csv = PolicyTestKit.Csv(
            PolicyTestKit.Row(motor, coverages: "CTPL:200000；VD：150000:500:10%:100000;TPL:1000000"),
            PolicyTestKit.Row(property, insurer: "OWN", line: "财产险", plate: "", address: "广东省深圳市南山区科技园 1 号", coverages: "PROPALL:5000000:2000"),
            PolicyTestKit.Row(accident, insurer: "", line: "Accident", plate: "", starts: "2026-03-01 08:00", ends: "2026/12/31", coverages: "ADD:500000;AMR:20000:100"));

        var response = await app.Api().ImportAsync(csv);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(3, (await response.ReadJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
        var imported = Assert.Single(await app.Api().ListPoliciesAsync("q=" + motor));
        var detail = await app.Api().GetFromJsonAsync<JsonElement>($"/api/v1/policies/{imported.GetProperty("id").GetGuid()}");
        var vd = detail.GetProperty("coverages").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "VD");
        Assert.Equal(150_000m, vd.GetProperty("sumInsured").GetDecimal());
        Assert.Equal(500m, vd.GetProperty("deductible").GetDecimal());
        Assert.Equal(10m, vd.GetProperty("deductibleRate").GetDecimal());
        Assert.Equal(100_000m, vd.GetProperty("perEventLimit").GetDecimal());
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(8)), detail.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.FromHours(8)), detail.GetProperty("endsAt").GetDateTimeOffset());
        var own = Assert.Single(await app.Api().ListPoliciesAsync($"q={property}&insurer=OWN&line=Property"));
        Assert.Equal(JsonValueKind.Null, own.GetProperty("insurerCode").ValueKind);
        var accidentRow = Assert.Single(await app.Api().ListPoliciesAsync($"q={accident}&insurer=OWN"));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(8)), accidentRow.GetProperty("startsAt").GetDateTimeOffset());
        var audit = await app.WithDbAsync(d => d.AuditEntries.Where(a => a.Action == "PoliciesImported").Select(a => a.NewValue).ToListAsync());
        Assert.Contains("3 policies.csv", audit);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_number_already_registered_for_the_same_insurer_is_reported_and_blocks_the_file(Db db)
    {
        var app = apps.For(db);
        var taken = PolicyTestKit.NewNumber();
        var fresh = PolicyTestKit.NewNumber();
        await app.Api().CreatePolicyAsync(PolicyTestKit.Motor("PICC", taken));

        var response = await app.Api().ImportAsync(PolicyTestKit.Csv(PolicyTestKit.Row(fresh), PolicyTestKit.Row(taken), PolicyTestKit.Row(taken, insurer: "PAIC")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.ReadJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("保单号", error.GetProperty("column").GetString());
        Assert.Equal("Policy.DuplicateNumber", error.GetProperty("code").GetString());
        Assert.Equal(0, await app.CountPoliciesAsync(fresh));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task File_level_problems_are_clear_errors_and_an_excel_gbk_file_is_read(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbkNumber = PolicyTestKit.NewNumber();

        var missingColumn = await api.ImportAsync("保单号,险种\r\nX1,车险\r\n");
        var unknownColumn = await api.ImportAsync(PolicyTestKit.Header + ",备注\r\n");
        var empty = await api.ImportAsync(PolicyTestKit.Header + "\r\n");
        var tooLarge = await api.ImportAsync(new byte[(5 * 1024 * 1024) + 10]);
        var noFile = await api.PostAsync("/api/v1/policies/import", new MultipartFormDataContent { { new StringContent("x"), "other" } });
        var json = await api.PostAsJsonAsync("/api/v1/policies/import", new { file = "x" });
        var gbk = await api.ImportAsync(PolicyTestKit.Csv(PolicyTestKit.Row(gbkNumber)), Encoding.GetEncoding("GB18030"));

        var missing = await missingColumn.ReadJsonAsync<JsonElement>();
        Assert.True(missing.TryGetProperty("codes", out _), missing.ToString());
        Assert.Equal(["Import.MissingColumns"], CustomerTestKit.Codes(missing)["file"]);
        Assert.Contains("投保人", missing.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["Import.UnknownColumn"], CustomerTestKit.Codes(await unknownColumn.ReadJsonAsync<JsonElement>())["file"]);
        Assert.Equal(["Import.Empty"], CustomerTestKit.Codes(await empty.ReadJsonAsync<JsonElement>())["file"]);
        Assert.Equal(["Import.TooLarge"], CustomerTestKit.Codes(await tooLarge.ReadJsonAsync<JsonElement>())["file"]);
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.True((int)json.StatusCode is >= 400 and < 500, json.StatusCode.ToString());
        Assert.True(gbk.StatusCode == HttpStatusCode.OK, await gbk.Content.ReadAsStringAsync());
        var imported = Assert.Single(await api.ListPoliciesAsync("q=" + gbkNumber));
        Assert.Equal("张*", imported.GetProperty("holderName").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_import_page_offers_the_template_and_shows_the_report_or_the_count(Db db)
    {
        var app = apps.For(db);
        var browser = await app.SignInAsync("underwriter");
        var (bad, good) = (PolicyTestKit.NewNumber(), PolicyTestKit.NewNumber());

        var template = await browser.GetAsync("/policies/import?handler=Template");
        var rejected = await (await browser.PostImportPageAsync(PolicyTestKit.Csv(PolicyTestKit.Row(bad, premium: "-1")))).ReadHtmlAsync();
        var done = await (await browser.PostImportPageAsync(PolicyTestKit.Csv(PolicyTestKit.Row(good)))).ReadHtmlAsync();
        var forbidden = await (await app.SignInAsync("agent1")).GetAsync("/policies/import");

        var templateText = (await template.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        Assert.StartsWith(PolicyTestKit.Header, templateText, StringComparison.Ordinal);
        Assert.Equal(2, templateText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var errorRow = Assert.Single(rejected.QuerySelectorAll("[data-testid=import-errors] tbody tr"));
        Assert.Equal("2", errorRow.GetAttribute("data-row"));
        Assert.Contains("保费", errorRow.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("data:text/csv", rejected.QuerySelector("[data-testid=errors-csv]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.NotNull(done.QuerySelector("[data-testid=import-done]"));
        Assert.Equal(0, await app.CountPoliciesAsync(bad));
        Assert.Equal(1, await app.CountPoliciesAsync(good));
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
    }
}
