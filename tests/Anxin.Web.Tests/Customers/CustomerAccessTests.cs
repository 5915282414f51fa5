using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Administration;
using Anxin.Domain.Common;
using Anxin.Web.Tests.Infrastructure;
using Anxin.Web.Tests.Staff;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Customers;

/// <summary>X-01, X-04, X-12: search, masking, data scope, concurrency, reveal and the timeline.</summary>
public sealed class CustomerAccessTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Search_by_full_mobile_or_id_number_finds_the_customer_but_shows_them_masked(Db db)
    {
        var app = apps.For(db);
        var idNumber = CustomerTestKit.NewIdNumber();
        var mobile = CustomerTestKit.NewMobile();
        var customer = await app.RegisterIndividualAsync(idNumber, mobile);
        var api = app.Api();

        foreach (var q in new[] { mobile, idNumber, customer.GetProperty("number").GetString()! })
        {
            var body = await api.GetStringAsync("/api/v1/customers?q=" + q);
            var item = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray());
            Assert.Equal(customer.GetProperty("id").GetGuid(), item.GetProperty("id").GetGuid());
            Assert.Equal(Masking.Mobile(mobile), item.GetProperty("mobile").GetString());
            Assert.DoesNotContain(mobile, body, StringComparison.Ordinal);
            Assert.DoesNotContain(idNumber, body, StringComparison.Ordinal);
        }

        var browser = await app.SignInAsync("admin");
        var table = (await browser.GetPageAsync("/customers?q=" + mobile)).QuerySelector("[data-testid=customer-table]")!.OuterHtml;
        Assert.Contains(Masking.Mobile(mobile), table, StringComparison.Ordinal);
        Assert.DoesNotContain(mobile, table, StringComparison.Ordinal);
        var csv = await api.GetStringAsync("/api/v1/customers/export?format=csv&q=" + mobile);
        var rows = StaffTestKit.ParseCsv(csv);
        Assert.Equal(2, rows.Count);
        Assert.Equal(Masking.IdNumber(idNumber), rows[1][3]);
        Assert.DoesNotContain(mobile, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Logs, l => l.Contains(mobile, StringComparison.Ordinal) || l.Contains(idNumber, StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_sub_branch_does_not_see_a_customer_registered_by_another_sub_branch(Db db)
    {
        var app = apps.For(db);
        var mobile = CustomerTestKit.NewMobile();
        var futian = await app.SignInAsync("ftteller");
        var created = await futian.PostFormAsync("/customers/new", new()
        {
            ["Input.Kind"] = "Individual", ["Input.Name"] = "福田客户", ["Input.IdNumber"] = CustomerTestKit.NewIdNumber(), ["Input.Mobile"] = mobile,
            ["Input.ConfirmDuplicateMobile"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.ToString();
        Assert.Equal(HttpStatusCode.OK, (await futian.GetAsync(url)).StatusCode);

        var nanshan = await app.SignInAsync("nsteller");
        Assert.Equal(HttpStatusCode.NotFound, (await nanshan.GetAsync(url)).StatusCode);
        var list = await nanshan.GetPageAsync("/customers?q=" + mobile);
        Assert.Empty(list.QuerySelectorAll("[data-customer-id]"));
        Assert.DoesNotContain("福田客户", await nanshan.GetStringAsync("/customers/export?format=csv&q=" + mobile), StringComparison.Ordinal);

        var nanshanApi = await app.ScopedApiAsync("GD-SZ-NS", Permissions.Customers.View);
        Assert.Equal(HttpStatusCode.NotFound, (await nanshanApi.GetAsync("/api/v1" + url)).StatusCode);
        var json = await (await nanshanApi.GetAsync("/api/v1/customers?q=" + mobile)).ReadJsonAsync<JsonElement>();
        Assert.Equal(0, json.GetProperty("total").GetInt32());
        Assert.Single(StaffTestKit.ParseCsv(await nanshanApi.GetStringAsync("/api/v1/customers/export?q=" + mobile)));

        var city = await app.ScopedApiAsync("GD-SZ", Permissions.Customers.View);
        Assert.Equal(1, (await (await city.GetAsync("/api/v1/customers?q=" + mobile)).ReadJsonAsync<JsonElement>()).GetProperty("total").GetInt32());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Editing_contact_with_a_stale_version_is_a_conflict(Db db)
    {
        var app = apps.For(db);
        var customer = await app.RegisterIndividualAsync();
        var url = $"/api/v1/customers/{customer.GetProperty("id").GetGuid()}/contact";
        var version = customer.GetProperty("version").GetInt64();
        var api = app.Api();

        var saved = await api.PutAsJsonAsync(url, new { mobile = CustomerTestKit.NewMobile(), email = "new@example.com", version });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(version + 1, (await saved.ReadJsonAsync<JsonElement>()).GetProperty("version").GetInt64());

        var stale = await api.PutAsJsonAsync(url, new { address = "旧版本的地址", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var invalid = await api.PutAsJsonAsync(url, new { mobile = "10086", version = version + 1 });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Reveal_needs_permission_and_reason_is_audited_and_shows_on_the_timeline(Db db)
    {
        var app = apps.For(db);
        var idNumber = CustomerTestKit.NewIdNumber();
        var customer = await app.RegisterIndividualAsync(idNumber);
        var id = customer.GetProperty("id").GetGuid();
        var url = $"/api/v1/customers/{id}/reveal";

        var viewer = await app.ScopedApiAsync("HO", Permissions.Customers.View);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync(url, new { field = "idNumber", reason = "核实身份" })).StatusCode);
        var api = app.Api();
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync(url, new { field = "idNumber", reason = " " })).StatusCode);

        var revealed = await api.PostAsJsonAsync(url, new { field = "idNumber", reason = "核实身份" });
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Equal(idNumber, (await revealed.ReadJsonAsync<JsonElement>()).GetProperty("value").GetString());

        var audit = await app.WithDbAsync(d => d.AuditEntries.Where(a => a.Action == "PersonalDataRevealed" && a.EntityId == id.ToString()).ToListAsync());
        Assert.Equal("idNumber: 核实身份", Assert.Single(audit).NewValue);
        Assert.DoesNotContain(app.Logs, l => l.Contains(idNumber, StringComparison.Ordinal));

        var timeline = await (await api.GetAsync($"/api/v1/customers/{id}/timeline")).ReadJsonAsync<JsonElement>();
        var types = timeline.EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(["PersonalDataRevealed", "CustomerRegistered"], types);
        Assert.DoesNotContain(idNumber, timeline.GetRawText(), StringComparison.Ordinal);
    }
}
