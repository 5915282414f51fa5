using System.Net;
using System.Text.Json;
using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Lists;
using Anxin.Web.Tests.Administration;
using Anxin.Web.Tests.Infrastructure;
using Anxin.Web.Tests.Staff;

namespace Anxin.Web.Tests.Lists;

/// <summary>X-09 through HTTP: damaged cursors, column choice and the audit trail's XLSX export.</summary>
public sealed class ListEndpointsTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Damaged_cursors_unknown_columns_and_formats_are_400_problems_not_500(Db db)
    {
        var api = apps.For(db).Api();
        var wrongShape = Uri.EscapeDataString(KeysetCursor.Encode("name", "not-a-guid"));
        var wrongArity = Uri.EscapeDataString(KeysetCursor.Encode("a", "b", "c"));

        foreach (var url in new[]
                 {
                     "/api/v1/staff?after=garbage!!", "/api/v1/staff?after=" + wrongShape, "/api/v1/staff?after=" + wrongArity,
                     "/api/v1/audit?after=garbage!!", "/api/v1/audit?after=" + wrongShape, "/api/v1/audit?after=" + wrongArity,
                     "/api/v1/staff/export?columns=name,salary", "/api/v1/staff/export?format=pdf",
                     "/api/v1/audit/export?format=pdf", "/api/v1/audit/export?columns=at,password",
                     "/api/v1/outbox?cursor=garbage!!", "/api/v1/outbox?cursor=" + wrongShape,
                 })
        {
            await AdminApi.AssertProblemAsync(await api.GetAsync(url));
        }

        var body = await (await api.GetAsync("/api/v1/staff?after=garbage!!")).Content.ReadAsStringAsync();
        Assert.Contains(KeysetCursor.InvalidCode, body, StringComparison.Ordinal);
        body = await (await api.GetAsync("/api/v1/staff/export?columns=name,salary")).Content.ReadAsStringAsync();
        Assert.Contains(ListColumns<string>.UnknownCode, body, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Staff_exports_and_page_show_only_the_chosen_columns_in_the_order_chosen(Db db)
    {
        var app = apps.For(db);
        var staff = await app.CreateStaffAsync("GD-SZ-NS", RoleCodes.Agent);
        var api = app.Api();
        var browser = await app.SignInAsync("admin");

        var csv = StaffTestKit.ParseCsv(await api.GetStringAsync("/api/v1/staff/export?format=csv&columns=mobile,workNumber&q=" + staff.WorkNumber));
        var pageCsv = StaffTestKit.ParseCsv(await browser.GetStringAsync("/admin/staff/export?format=csv&columns=mobile,workNumber&q=" + staff.WorkNumber));
        var xlsx = StaffTestKit.ParseXlsx(await api.GetByteArrayAsync("/api/v1/staff/export?format=xlsx&columns=mobile,workNumber&q=" + staff.WorkNumber));
        var all = StaffTestKit.ParseCsv(await api.GetStringAsync("/api/v1/staff/export?format=csv&q=" + staff.WorkNumber));

        foreach (var rows in new[] { csv, pageCsv, xlsx })
        {
            Assert.Equal(["手机号", "工号"], rows[0]);
            Assert.Equal(2, rows.Count);
            Assert.Equal(staff.WorkNumber, rows[1][1]);
            Assert.NotEqual(staff.Mobile, rows[1][0]); // still masked
            Assert.EndsWith(staff.Mobile[^4..], rows[1][0], StringComparison.Ordinal);
        }

        Assert.Equal(9, all[0].Length);

        // The page's chooser sends repeated columns=; its export links carry the choice on.
        var page = await browser.GetPageAsync("/admin/staff?columns=name&columns=workNumber&q=" + staff.WorkNumber);
        Assert.Equal(["name", "workNumber"], page.QuerySelectorAll("th[data-column]").Select(th => th.GetAttribute("data-column")));
        Assert.Equal(2, page.QuerySelector($"tr[data-work-number='{staff.WorkNumber}']")!.QuerySelectorAll("td").Length);
        Assert.Contains("columns=name,workNumber", Uri.UnescapeDataString(page.QuerySelector("a[data-export=csv]")!.GetAttribute("href")!), StringComparison.Ordinal);
        Assert.Equal(StaffTestKitColumns, page.QuerySelectorAll("[data-testid=column-chooser] input[name=columns]").Select(i => i.GetAttribute("value")));
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=column-chooser] input[name=columns][checked]").Length);
    }

    private static readonly string[] StaffTestKitColumns =
        ["workNumber", "name", "orgNode", "position", "roles", "mobile", "idNumber", "status", "account"];

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Audit_trail_exports_to_xlsx_from_the_page_and_the_api_with_a_dated_file_name(Db db)
    {
        var app = apps.For(db);
        var key = await app.CreateKeyAsync(AdminApi.Unique("xlsx-export"), "GD", Permissions.Org.View);
        var admin = await app.SignInAsync("admin");

        var page = await admin.GetPageAsync($"/admin/audit?entityId={key.Id}");
        var link = page.QuerySelector("a[data-testid=export-xlsx]")!.GetAttribute("href")!;
        foreach (var (client, url) in new[] { (admin, link), (app.Api(), $"/api/v1/audit/export?format=xlsx&entityId={key.Id}") })
        {
            var response = await client.GetAsync(url);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(TabularExport.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
            Assert.Matches(@"^audit-\d{8}\.xlsx$", response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? string.Empty);
            var rows = StaffTestKit.ParseXlsx(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(10, rows[0].Length);
            Assert.Contains(rows.Skip(1), r => r.Contains("ApiKeyCreated") && r.Contains(key.Id.ToString()));
        }

        var csv = await app.Api().GetAsync($"/api/v1/audit/export?format=csv&entityId={key.Id}&kind=Event");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ApiKeyCreated", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Staff_list_json_keeps_items_next_cursor_and_total(Db db)
    {
        var json = JsonDocument.Parse(await apps.For(db).Api().GetStringAsync("/api/v1/staff?pageSize=1")).RootElement;
        Assert.Equal(["items", "nextCursor", "total"], json.EnumerateObject().Select(p => p.Name));
        var audit = JsonDocument.Parse(await apps.For(db).Api().GetStringAsync("/api/v1/audit")).RootElement;
        Assert.Equal(["items", "nextCursor"], audit.EnumerateObject().Select(p => p.Name));
    }
}
