using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Anxin.Domain.Administration;
using Anxin.Domain.Common;
using Anxin.Web.Tests.Customers;
using Anxin.Web.Tests.Infrastructure;
using Anxin.Web.Tests.Staff;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Cases;

/// <summary>CC-03, CC-09: an agent registers a loss report through the intake form at /cases/new.</summary>
public sealed partial class CaseIntakePageTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_form_registers_a_report_and_the_confirmation_shows_the_number_the_cover_and_the_documents(Db db)
    {
        var app = apps.For(db);
        var policy = await app.SeedMotorPolicyAsync("PICC");
        var form = Form(policyNumber: policy.Number);
        var browser = await app.SignInAsync("agent1");

        var response = await browser.PostFormAsync("/cases/new", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Matches(ReportedUrl(), location);
        var page = await browser.GetPageAsync(location);
        Assert.Matches(BaNumber(), page.QuerySelector("[data-testid=case-number]")?.TextContent.Trim());
        Assert.Equal("Covered", page.QuerySelector("[data-testid=coverage-result]")?.GetAttribute("data-outcome"));
        Assert.Contains("在保且责任覆盖", page.QuerySelector("[data-testid=coverage-result]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("[data-reason]"), r => r.TextContent.Contains("VD 机动车损失保险", StringComparison.Ordinal));
        Assert.Contains("索赔申请书", page.QuerySelector("[data-testid=required-documents]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Masking.Mobile(form["Input.ReporterMobile"]), page.QuerySelector("[data-testid=sms-note]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("您的情况我们已了解", page.QuerySelector("[data-testid=intake-script]")!.TextContent, StringComparison.Ordinal);

        var description = form["Input.Description"];
        var saved = await app.WithDbAsync(d => d.Cases.SingleAsync(c => c.Description == description));
        Assert.Equal(policy.Id, saved.PolicyId);
        var expectedLossAt = DateTimeOffset.ParseExact(form["Input.LossAt"] + " +08:00", "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
        Assert.Equal(expectedLossAt, saved.LossAt);
        Assert.NotNull(saved.ReportedByStaffId);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Field_errors_show_on_their_fields_and_keep_everything_typed(Db db)
    {
        var app = apps.For(db);
        var form = Form(policyNumber: "PT-UNKNOWN-1");
        form["Input.ReporterMobile"] = "1380013";
        form["Input.LossAt"] = "昨天下午三点";
        form["Input.Latitude"] = "north";
        form["Input.Cause"] = string.Empty;
        var description = form["Input.Description"];
        var browser = await app.SignInAsync("agent1");

        var response = await browser.PostFormAsync("/cases/new", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains("手机", Error(page, "Input.ReporterMobile"), StringComparison.Ordinal);
        Assert.Contains("2026-11-22 08:30", Error(page, "Input.LossAt"), StringComparison.Ordinal);
        Assert.NotEmpty(Error(page, "Input.Latitude"));
        Assert.NotEmpty(Error(page, "Input.Cause"));
        Assert.Equal("昨天下午三点", page.QuerySelector("input[name='Input.LossAt']")?.GetAttribute("value"));
        Assert.Equal("1380013", page.QuerySelector("input[name='Input.ReporterMobile']")?.GetAttribute("value"));
        Assert.Equal("PT-UNKNOWN-1", page.QuerySelector("input[name='Input.PolicyNumber']")?.GetAttribute("value"));
        Assert.Equal(form["Input.LossPlace"], page.QuerySelector("input[name='Input.LossPlace']")?.GetAttribute("value"));
        Assert.Equal(description, page.QuerySelector("textarea[name='Input.Description']")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("select[name='Input.InsurerCode'] option[value=PICC][selected]"));
        Assert.NotNull(page.QuerySelector("input[name='Input.ReporterMobile'].input-validation-error"));
        Assert.False(await app.WithDbAsync(d => d.Cases.AnyAsync(c => c.Description == description)));

        // Only the time was wrong: corrected, the same form registers.
        form["Input.ReporterMobile"] = CustomerTestKit.NewMobile();
        form["Input.LossAt"] = ChinaNow().AddMinutes(-30).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        form["Input.Latitude"] = string.Empty;
        form["Input.Cause"] = "Collision";
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/cases/new", form)).StatusCode);
        Assert.True(await app.WithDbAsync(d => d.Cases.AnyAsync(c => c.Description == description && !c.PolicyVerified)));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_report_from_a_call_is_prefilled_and_a_blank_mobile_takes_the_customers(Db db)
    {
        var app = apps.For(db);
        var teamApi = await app.ScopedApiAsync("GD-CC-T1", Permissions.Customers.View, Permissions.Customers.Manage);
        var customer = await teamApi.RegisterAsync(CustomerTestKit.Individual());
        var customerId = customer.GetProperty("id").GetGuid();
        var customerMobile = await app.WithDbAsync(d => d.Customers.Where(c => c.Id == customerId).Select(c => c.Mobile).SingleAsync());
        var callId = Guid.NewGuid();
        var callerMobile = CustomerTestKit.NewMobile();
        var browser = await app.SignInAsync("agent1");

        var page = await browser.GetPageAsync($"/cases/new?callId={callId}&customerId={customerId}&mobile={callerMobile}");

        Assert.Equal(customer.GetProperty("name").GetString(), page.QuerySelector("input[name='Input.ReporterName']")?.GetAttribute("value"));
        Assert.Equal(callerMobile, page.QuerySelector("input[name='Input.ReporterMobile']")?.GetAttribute("value"));
        Assert.Equal(callId.ToString(), page.QuerySelector("input[name='Input.CallId']")?.GetAttribute("value"));
        Assert.Equal(customerId.ToString(), page.QuerySelector("input[name='Input.CustomerId']")?.GetAttribute("value"));
        Assert.Equal(Masking.Mobile(customerMobile), page.QuerySelector("input[name='Input.ReporterMobile']")?.GetAttribute("placeholder"));
        Assert.DoesNotContain(customerMobile, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var lossAt = page.QuerySelector("input[name='Input.LossAt']")?.GetAttribute("value");
        Assert.Equal(ChinaNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), lossAt?[..10]);

        var form = Form(policyNumber: null, plate: CaseTestKit.NewPlate());
        form["Input.ReporterMobile"] = string.Empty;
        form["Input.ReporterName"] = string.Empty;
        form["Input.CustomerId"] = customerId.ToString();
        form["Input.CallId"] = callId.ToString();
        var response = await browser.PostFormAsync("/cases/new", form, "/cases/new");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var description = form["Input.Description"];
        var saved = await app.WithDbAsync(d => d.Cases.SingleAsync(c => c.Description == description));
        Assert.Equal(customerMobile, saved.ReporterMobile);
        Assert.Equal(customer.GetProperty("name").GetString(), saved.ReporterName);
        Assert.Equal(customerId, saved.CustomerId);
        Assert.Equal(callId, saved.CallId);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Photos_go_in_with_the_report_and_a_bad_one_is_a_field_error_that_registers_nothing(Db db)
    {
        var app = apps.For(db);
        var policy = await app.SeedMotorPolicyAsync("PICC");
        var browser = await app.SignInAsync("agent1");
        var bad = Form(policyNumber: policy.Number);

        var refused = await browser.PostMultipartFormAsync("/cases/new", bad, "Input.Files",
            [("scene.png", "image/png", CaseTestKit.Png()), ("notes.txt", "image/png", "just text"u8.ToArray())]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadHtmlAsync();
        Assert.Contains("notes.txt", Error(page, "Input.Files"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=files-again]"));
        Assert.Equal(bad["Input.ReporterName"], page.QuerySelector("input[name='Input.ReporterName']")?.GetAttribute("value"));
        var badDescription = bad["Input.Description"];
        Assert.False(await app.WithDbAsync(d => d.Cases.AnyAsync(c => c.Description == badDescription)));

        var good = Form(policyNumber: policy.Number);
        var accepted = await browser.PostMultipartFormAsync("/cases/new", good, "Input.Files",
            [("scene.png", "image/png", CaseTestKit.Png(2048)), ("report.pdf", "application/pdf", "%PDF-1.4 test"u8.ToArray())]);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var description = good["Input.Description"];
        var files = await app.WithDbAsync(d => d.CaseAttachments.Where(a => d.Cases.Any(c => c.Id == a.CaseId && c.Description == description))
            .Select(a => new { a.FileName, a.ContentType, a.Size }).ToListAsync());
        Assert.Equal(["report.pdf", "scene.png"], files.Select(f => f.FileName).Order(StringComparer.Ordinal));
        Assert.Contains(files, f => f.ContentType == "image/png" && f.Size == 2048);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_case_page_shows_the_report_with_masked_data_and_its_timeline(Db db)
    {
        var app = apps.For(db);
        var policy = await app.SeedMotorPolicyAsync("PICC");
        var form = Form(policyNumber: policy.Number);
        var browser = await app.SignInAsync("agent1");
        var created = await browser.PostFormAsync("/cases/new", form);
        var caseUrl = created.Headers.Location!.ToString().Replace("/reported", string.Empty, StringComparison.Ordinal);

        var page = await browser.GetPageAsync(caseUrl);

        Assert.Matches(BaNumber(), page.QuerySelector("h1[data-testid=case-number]")?.TextContent.Trim());
        var details = page.QuerySelector("[data-testid=case-details]")!.TextContent;
        Assert.Contains(Masking.Mobile(form["Input.ReporterMobile"]), details, StringComparison.Ordinal);
        Assert.DoesNotContain(form["Input.ReporterMobile"], page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var types = page.QuerySelectorAll("[data-testid=timeline] [data-timeline-type]").Select(e => e.GetAttribute("data-timeline-type")).ToList();
        Assert.Contains("CaseReported", types);
        Assert.Contains("ClockStarted", types);
        Assert.Contains(types, t => t is "SmsQueued" or "SmsSent");
        Assert.Null(page.QuerySelector("[data-testid=verify-form]")); // agents do not manage cases
        Assert.Null(page.QuerySelector("[data-testid=reveal-form]"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_case_list_finds_a_case_by_number_and_shows_how_long_it_waits(Db db)
    {
        var app = apps.For(db);
        var browser = await app.SignInAsync("agent1");
        var form = Form(policyNumber: (await app.SeedMotorPolicyAsync("PICC")).Number);
        var created = await browser.PostFormAsync("/cases/new", form);
        var number = (await browser.GetPageAsync(created.Headers.Location!.ToString())).QuerySelector("[data-testid=case-number]")!.TextContent.Trim();

        var list = await browser.GetPageAsync("/cases?q=" + number);
        var export = await browser.GetStringAsync($"/cases/export?format=csv&q={number}&columns=number,waiting");

        var row = Assert.Single(list.QuerySelectorAll("[data-testid=case-table] tbody tr[data-number]"));
        Assert.Equal(number, row.GetAttribute("data-number"));
        Assert.Contains("分钟", row.QuerySelector("[data-waiting]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("共 1 条", list.QuerySelector("[data-testid=total]")?.TextContent.Trim());
        var lines = export.Trim('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("报案号,等待调度", lines[0]);
        Assert.StartsWith(number + ",", lines[1], StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Agents_see_the_intake_and_case_entries_in_the_navigation_and_a_home_tile(Db db)
    {
        var app = apps.For(db);

        var home = await (await app.SignInAsync("agent2")).GetPageAsync("/");

        var links = home.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/cases/new", links);
        Assert.Contains("/cases", links);
        Assert.Contains(home.QuerySelectorAll("a.card"), c => c.GetAttribute("href") == "/cases/new");
        var surveyorHome = await (await app.SignInAsync("surveyor1")).GetPageAsync("/");
        Assert.DoesNotContain("/cases/new", surveyorHome.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")));
    }

    private static DateTimeOffset ChinaNow() => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));

    private static string Error(AngleSharp.Html.Dom.IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? string.Empty;

    private static Dictionary<string, string> Form(string? policyNumber, string? plate = null) => new()
    {
        ["Input.InsurerCode"] = "PICC",
        ["Input.PolicyNumber"] = policyNumber ?? string.Empty,
        ["Input.Plate"] = plate ?? string.Empty,
        ["Input.Line"] = "Motor",
        ["Input.ReporterName"] = "李报案",
        ["Input.ReporterMobile"] = CustomerTestKit.NewMobile(),
        ["Input.LossAt"] = ChinaNow().AddHours(-1).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        ["Input.LossPlace"] = "深圳市南山区深南大道 9988 号",
        ["Input.Cause"] = "Collision",
        ["Input.Description"] = "追尾前车，车头受损 " + StaffTestKit.Unique("D"),
        ["Input.Injuries"] = "false",
    };

    [GeneratedRegex(@"^/cases/[0-9a-f-]{36}/reported$")]
    private static partial Regex ReportedUrl();

    [GeneratedRegex(@"^BA\d{14}$")]
    private static partial Regex BaNumber();
}
