using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Administration;
using Anxin.Domain.Common;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Staff;

/// <summary>X-04: personal data masked everywhere, revealed only with permission and a reason, audited.</summary>
public sealed class StaffPersonalDataTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Mobile_and_id_number_are_masked_in_list_page_api_and_exports(Db db)
    {
        var app = apps.For(db);
        var staff = await app.CreateStaffAsync("GD-SZ-NS", RoleCodes.Teller);
        var api = app.Api();
        var browser = await app.SignInAsync("admin");
        var search = "?q=" + staff.WorkNumber;

        var bodies = new Dictionary<string, string>
        {
            ["api list"] = await api.GetStringAsync("/api/v1/staff" + search),
            ["api detail"] = await api.GetStringAsync($"/api/v1/staff/{staff.Id}"),
            ["page list"] = await browser.GetStringAsync("/admin/staff" + search),
            ["page detail"] = await browser.GetStringAsync($"/admin/staff/{staff.Id}"),
            ["csv"] = await api.GetStringAsync("/api/v1/staff/export?format=csv&q=" + staff.WorkNumber),
            ["page csv"] = await browser.GetStringAsync("/admin/staff/export?format=csv&q=" + staff.WorkNumber),
        };
        var xlsx = StaffTestKit.ParseXlsx(await api.GetByteArrayAsync("/api/v1/staff/export?format=xlsx&q=" + staff.WorkNumber));
        bodies["xlsx"] = string.Join("\n", xlsx.Select(r => string.Join(",", r)));

        foreach (var (where, body) in bodies)
        {
            Assert.DoesNotContain(staff.Mobile, body, StringComparison.Ordinal);
            Assert.DoesNotContain(staff.IdNumber, body, StringComparison.Ordinal);
            Assert.True(body.Contains(Masking.Mobile(staff.Mobile), StringComparison.Ordinal), $"{where} does not show the masked mobile");
        }

        var row = Assert.Single(xlsx.Skip(1));
        Assert.Equal(staff.WorkNumber, row[0]);
        Assert.Equal(Masking.Mobile(staff.Mobile), row[5]);
        Assert.Equal(Masking.IdNumber(staff.IdNumber), row[6]);

        var byMobile = await (await api.GetAsync("/api/v1/staff?q=" + staff.Mobile)).ReadJsonAsync<JsonElement>();
        Assert.Equal(staff.Id, Assert.Single(byMobile.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Reveal_needs_the_permission_and_a_reason_and_is_audited_without_the_value(Db db)
    {
        var app = apps.For(db);
        var staff = await app.CreateStaffAsync("GD-SZ-NS", RoleCodes.Teller);
        var url = $"/api/v1/staff/{staff.Id}/reveal";

        var noPermission = await (await app.ScopedApiAsync("GD-SZ", Permissions.Staff.View)).PostAsJsonAsync(url, new { field = "mobile", reason = "回访客户" });
        Assert.Equal(HttpStatusCode.Forbidden, noPermission.StatusCode);

        var api = await app.ScopedApiAsync("GD-SZ", Permissions.Staff.View, Permissions.PersonalData.Reveal);
        var noReason = await api.PostAsJsonAsync(url, new { field = "mobile", reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.ReadJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));

        var revealed = await api.PostAsJsonAsync(url, new { field = "mobile", reason = "核实身份" });
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        var json = await revealed.ReadJsonAsync<JsonElement>();
        Assert.Equal("mobile", json.GetProperty("field").GetString());
        Assert.Equal(staff.Mobile, json.GetProperty("value").GetString());

        var audit = await app.WithDbAsync(d => d.AuditEntries.Where(a => a.Action == "PersonalDataRevealed" && a.EntityId == staff.Id.ToString()).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal("mobile: 核实身份", entry.NewValue);
        Assert.DoesNotContain(app.Logs, l => l.Contains(staff.Mobile, StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Reveal_on_the_detail_page_shows_the_value_once(Db db)
    {
        var app = apps.For(db);
        var staff = await app.CreateStaffAsync("GD-SZ-NS", RoleCodes.Teller);
        var browser = await app.SignInAsync("admin");
        var url = $"/admin/staff/{staff.Id}";

        var missing = await (await browser.PostFormAsync(url + "?handler=Reveal", new() { ["RevealField"] = "idNumber", ["RevealReason"] = string.Empty }, url)).ReadHtmlAsync();
        Assert.Null(missing.QuerySelector("[data-testid=revealed]"));

        var shown = await (await browser.PostFormAsync(url + "?handler=Reveal", new() { ["RevealField"] = "idNumber", ["RevealReason"] = "办理业务" }, url)).ReadHtmlAsync();
        Assert.Contains(staff.IdNumber, shown.QuerySelector("[data-testid=revealed]")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(staff.IdNumber, await browser.GetStringAsync(url), StringComparison.Ordinal);
    }
}
