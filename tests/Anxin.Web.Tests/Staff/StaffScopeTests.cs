using System.Net;
using Anxin.Domain.Administration;
using Anxin.Web.Tests.Infrastructure;

namespace Anxin.Web.Tests.Staff;

/// <summary>X-01 data scope on staff: a sub-branch sees its own subtree only, by every route.</summary>
public sealed class StaffScopeTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Sub_branch_user_sees_only_own_subtree_in_list_detail_and_export(Db db)
    {
        var app = apps.For(db);
        var (_, browser) = await app.SignInAsNewStaffAsync("GD-SZ-NS", RoleCodes.Supervisor);
        var ftStaff = await app.StaffIdAsync("8001");

        var page = await browser.GetPageAsync("/admin/staff");
        var workNumbers = page.QuerySelectorAll("tr[data-work-number]").Select(r => r.GetAttribute("data-work-number")).ToList();
        Assert.Contains("7001", workNumbers);
        Assert.DoesNotContain("8001", workNumbers);
        Assert.DoesNotContain("1001", workNumbers);
        Assert.NotNull(page.QuerySelector("input[data-search]"));

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/admin/staff/{ftStaff}")).StatusCode);

        var csv = StaffTestKit.ParseCsv(await browser.GetStringAsync("/admin/staff/export?format=csv"));
        Assert.Contains(csv.Skip(1), r => r[0] == "7001");
        Assert.DoesNotContain(csv.Skip(1), r => r[0] == "8001");
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Sub_branch_api_key_cannot_see_other_sub_branch_staff_by_list_id_or_export(Db db)
    {
        var app = apps.For(db);
        var api = await app.ScopedApiAsync("GD-SZ-NS", Permissions.Staff.View, Permissions.Staff.Export);
        var ftStaff = await app.StaffIdAsync("8001");

        var items = await api.ListAllAsync();
        var workNumbers = items.Select(i => i.GetProperty("workNumber").GetString()).ToList();
        Assert.Contains("7001", workNumbers);
        Assert.DoesNotContain("8001", workNumbers);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/staff/{ftStaff}")).StatusCode);

        var filtered = await api.ListAllAsync("&orgNodeId=" + await app.NodeIdAsync("GD-SZ-FT"));
        Assert.Empty(filtered);

        var csvResponse = await api.GetAsync("/api/v1/staff/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Matches(@"staff-\d{8}\.csv", csvResponse.Content.Headers.ContentDisposition?.FileName ?? string.Empty);
        var csv = StaffTestKit.ParseCsv(await csvResponse.Content.ReadAsStringAsync());
        Assert.Equal(items.Count + 1, csv.Count);
        Assert.Contains(csv.Skip(1), r => r[0] == "7001");
        Assert.DoesNotContain(csv.Skip(1), r => r[0] == "8001");

        var xlsxResponse = await api.GetAsync("/api/v1/staff/export?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        var xlsx = StaffTestKit.ParseXlsx(await xlsxResponse.Content.ReadAsByteArrayAsync());
        Assert.Equal(items.Count + 1, xlsx.Count);
        Assert.Contains(xlsx.Skip(1), r => r[0] == "7001");
        Assert.DoesNotContain(xlsx.Skip(1), r => r[0] == "8001");
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Keyset_paging_visits_every_row_exactly_once(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();
        var all = new List<(string Name, string Id)>();
        string? cursor = null;
        int total;
        do
        {
            var json = await (await api.GetAsync("/api/v1/staff?pageSize=7" + (cursor is null ? string.Empty : "&after=" + Uri.EscapeDataString(cursor))))
                .ReadJsonAsync<System.Text.Json.JsonElement>();
            total = json.GetProperty("total").GetInt32();
            all.AddRange(json.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("name").GetString()!, i.GetProperty("id").GetString()!)));
            cursor = json.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(total, all.Count);
        Assert.Equal(all.Count, all.Select(a => a.Id).Distinct().Count());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/staff?after=not-a-cursor!!")).StatusCode);
    }
}
