using System.Net.Http.Json;
using Anxin.Domain.Common;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Platform;

/// <summary>X-04: ID numbers and mobile numbers never reach the application log, at any level.</summary>
public sealed class PersonalDataLoggingTests
{
    [Fact]
    public async Task Id_and_mobile_numbers_never_reach_the_application_log()
    {
        // Everything at Trace, including ASP.NET Core and EF Core: the strictest case.
        await using var app = new AnxinAppFactory(Db.Sqlite, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
        });
        var api = app.Api();
        const string mobile = "13766554433";
        var idNumber = "0123456789X".Select(c => "11010519850307123" + c).First(c => ResidentIdNumber.TryCreate(c, out _));
        var node = await app.WithDbAsync(d => d.OrgNodes.Where(n => n.Code == "GD-SZ-NS").Select(n => n.Id).SingleAsync());

        var created = await api.PostAsJsonAsync("/api/v1/staff", new
        {
            workNumber = "PII01", name = "隐私测试", orgNodeId = node, mobile, idNumber,
            userName = "piitest", initialPassword = "Privacy2026", roles = new[] { "Teller" },
        });
        var staff = await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var id = staff.GetProperty("id").GetString();
        await api.GetAsync($"/api/v1/staff?q={mobile}");
        await api.GetAsync($"/api/v1/staff/{id}");
        await api.GetAsync("/api/v1/staff/export?format=csv");
        await api.PostAsJsonAsync($"/api/v1/staff/{id}/reveal", new { field = "idNumber", reason = "核对身份" });
        await api.PostAsJsonAsync("/api/v1/staff", new { workNumber = "PII02", name = "重复", orgNodeId = node, mobile = mobile + "9", idNumber = idNumber[..17] + "0", userName = "piitest", initialPassword = "x" });
        var browser = app.Browser();
        await browser.PostFormAsync("/account/login", new() { ["Input.UserName"] = idNumber, ["Input.Password"] = mobile });
        var admin = await app.SignInAsync("admin");
        await admin.GetAsync($"/admin/staff?q={mobile}");
        await admin.GetAsync($"/admin/staff/{id}");

        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        Assert.True(app.Logs.Count > 50, "The capturing logger saw too little to prove anything");
        Assert.DoesNotContain(app.Logs, line => line.Contains(mobile, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs, line => line.Contains(idNumber, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs, line => line.Contains(idNumber[..17], StringComparison.Ordinal));
    }
}
