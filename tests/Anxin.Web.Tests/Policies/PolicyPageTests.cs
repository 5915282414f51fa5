using System.Net;
using Anxin.Web.Tests.Cases;
using Anxin.Web.Tests.Infrastructure;
using Anxin.Web.Tests.Staff;

namespace Anxin.Web.Tests.Policies;

/// <summary>The policy pages: register with coverage rows (also without script), see the detail with cases and history, end the policy.</summary>
public sealed class PolicyPageTests(Apps apps) : IClassFixture<Apps>
{
    private static Dictionary<string, string> Form(string number, string plate) => new()
    {
        ["Input.InsurerCode"] = "PICC",
        ["Input.Number"] = number,
        ["Input.Line"] = "Motor",
        ["Input.HolderName"] = "黄明",
        ["Input.HolderMobile"] = "13912345678",
        ["Input.InsuredName"] = "黄明",
        ["Input.StartsAt"] = DateTime.UtcNow.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.EndsAt"] = DateTime.UtcNow.AddDays(300).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Premium"] = "3200.50",
        ["Input.Plate"] = plate,
        ["Input.Coverages[0].Code"] = "VD",
        ["Input.Coverages[0].SumInsured"] = "150000",
        ["Input.Coverages[0].Deductible"] = "500",
        ["Input.Coverages[1].Code"] = "TPL",
        ["Input.Coverages[1].SumInsured"] = "1000000",
        ["Input.Coverages[2].Code"] = string.Empty,
    };

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task An_underwriter_registers_a_policy_with_coverage_rows_and_ends_it_from_its_page(Db db)
    {
        var app = apps.For(db);
        var browser = await app.SignInAsync("underwriter");
        var number = PolicyTestKit.NewNumber();
        var plate = CaseTestKit.NewPlate();

        var addRow = await (await browser.PostFormAsync("/policies/new?handler=AddRow", Form(number, plate), "/policies/new")).ReadHtmlAsync();
        var created = await browser.PostFormAsync("/policies/new", Form(number, plate));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var gdIntake = await app.ScopedApiAsync("GD", Domain.Administration.Permissions.Cases.Report, Domain.Administration.Permissions.Cases.View);
        var case1 = await gdIntake.ReportAsync(CaseTestKit.Report("PICC", policyNumber: number));
        var detail = await browser.GetPageAsync(url);
        var list = await browser.GetPageAsync("/policies?q=" + number);
        var ended = await (await browser.PostFormAsync(url + "?handler=Terminate", new()
        {
            ["Input.Status"] = "Lapsed",
            ["Input.At"] = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Reason"] = "未续缴保费",
            ["Input.Version"] = detail.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!,
        }, url)).ReadHtmlAsync();

        Assert.Equal(3, addRow.QuerySelectorAll("[data-coverage-row]").Length);
        Assert.Equal(["VD", "TPL"], detail.QuerySelectorAll("[data-testid=coverages] [data-coverage]").Select(r => r.GetAttribute("data-coverage")));
        Assert.Contains("500.00", detail.QuerySelector("[data-coverage=VD]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(detail.QuerySelector($"[data-case-number='{case1.GetProperty("number").GetString()}']"));
        Assert.NotNull(detail.QuerySelector("[data-timeline-type=PolicyRegistered]"));
        Assert.Contains("139****5678", detail.QuerySelector("[data-testid=policy-fields]")!.TextContent, StringComparison.Ordinal);
        Assert.Single(list.QuerySelectorAll("[data-policy-id]"));
        Assert.NotNull(list.QuerySelector("a[href='/policies']"));
        Assert.Equal("已失效", ended.QuerySelector("[data-testid=policy-status]")!.TextContent.Trim());
        Assert.NotNull(ended.QuerySelector("[data-timeline-type=PolicyTerminated]"));
        Assert.Null(ended.QuerySelector("form[action*=Terminate]"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_form_keeps_the_input_and_shows_each_error_beside_its_field(Db db)
    {
        var app = apps.For(db);
        var browser = await app.SignInAsync("underwriter");
        var form = Form("BAD NUMBER", "不是车牌");
        form["Input.Coverages[1].SumInsured"] = "0";

        var page = await (await browser.PostFormAsync("/policies/new", form)).ReadHtmlAsync();
        var viewer = await (await app.SignInAsync("agent1")).GetAsync("/policies/new");

        Assert.Equal("BAD NUMBER", page.QuerySelector("input[name='Input.Number']")!.GetAttribute("value"));
        Assert.NotEmpty(page.QuerySelector("[data-valmsg-for='Input.Number']")!.TextContent.Trim());
        Assert.NotEmpty(page.QuerySelector("[data-valmsg-for='Input.Plate']")!.TextContent.Trim());
        Assert.NotEmpty(page.QuerySelector("[data-valmsg-for='Input.Coverages[1].SumInsured']")!.TextContent.Trim());
        Assert.Equal(2, page.QuerySelectorAll("[data-coverage-row]").Length);
        Assert.NotEqual(HttpStatusCode.OK, viewer.StatusCode);
    }
}
