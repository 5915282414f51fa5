using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Administration;
using Anxin.Web.Tests.Customers;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Policies;

/// <summary>CC-09: the required claim documents per insurer and line, maintained with optimistic concurrency and audited.</summary>
public sealed class RequiredDocumentsTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task PICC_has_its_own_motor_list_while_PAIC_inherits_the_default(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();

        var picc = await api.GetFromJsonAsync<JsonElement>("/api/v1/required-documents/PICC/Motor");
        var paic = await api.GetFromJsonAsync<JsonElement>("/api/v1/required-documents/paic/motor");
        var unknownInsurer = await api.GetAsync("/api/v1/required-documents/NOPE/Motor");
        var unknownLine = await api.GetAsync("/api/v1/required-documents/OWN/Boats");
        var numericLine = await api.GetAsync("/api/v1/required-documents/OWN/1");

        Assert.False(picc.GetProperty("inherited").GetBoolean());
        Assert.Contains("车辆登记证书复印件", picc.GetProperty("items").EnumerateArray().Select(i => i.GetString()));
        Assert.Contains("Copy of the vehicle registration certificate", picc.GetProperty("itemsEn").EnumerateArray().Select(i => i.GetString()));
        Assert.True(paic.GetProperty("inherited").GetBoolean());
        Assert.Equal(JsonValueKind.Null, paic.GetProperty("version").ValueKind);
        Assert.DoesNotContain("车辆登记证书复印件", paic.GetProperty("items").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknownInsurer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownLine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, numericLine.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Saving_with_the_version_read_succeeds_and_a_stale_version_is_a_conflict_that_changes_nothing(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();
        const string url = "/api/v1/required-documents/PAIC/Property";

        var created = await api.PutAsJsonAsync(url, new { items = new[] { "索赔申请书", "财产损失清单" }, itemsEn = new[] { "Claim form", "List of losses" }, version = (long?)null });
        Assert.True(created.StatusCode == HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var version = (await created.ReadJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
        var updated = await api.PutAsJsonAsync(url, new { items = new[] { "索赔申请书", "财产损失清单", "报警回执" }, itemsEn = Array.Empty<string>(), version });
        var stale = await api.PutAsJsonAsync(url, new { items = new[] { "过期的修改" }, version });
        var recreate = await api.PutAsJsonAsync(url, new { items = new[] { "重复创建" }, version = (long?)null });
        var mismatch = await api.PutAsJsonAsync(url, new { items = new[] { "一", "二" }, itemsEn = new[] { "one" }, version = version + 1 });
        var empty = await api.PutAsJsonAsync(url, new { items = new[] { " ", "" }, version = version + 1 });
        var now = await api.GetFromJsonAsync<JsonElement>(url);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(version + 1, (await updated.ReadJsonAsync<JsonElement>()).GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, recreate.StatusCode);
        Assert.Equal(["Documents.EnglishCount"], CustomerTestKit.Codes(await mismatch.ReadJsonAsync<JsonElement>())["itemsEn"]);
        Assert.Equal(["Validation.Required"], CustomerTestKit.Codes(await empty.ReadJsonAsync<JsonElement>())["items"]);
        Assert.Equal(["索赔申请书", "财产损失清单", "报警回执"], now.GetProperty("items").EnumerateArray().Select(i => i.GetString()));
        Assert.False(now.GetProperty("inherited").GetBoolean());
        var events = await app.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.Action == "RequiredDocumentsChanged" && a.NewValue!.StartsWith("PAIC Property")));
        Assert.Equal(2, events);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_admin_page_edits_a_list_one_item_per_line_and_an_insurer_user_sees_only_its_own(Db db)
    {
        var app = apps.For(db);
        var admin = await app.SignInAsync("admin");
        var page = await admin.GetPageAsync("/admin/documents?insurer=OWN&line=Health");
        var version = page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value");

        var saved = await admin.PostFormAsync("/admin/documents?insurer=OWN&line=Health", new()
        {
            ["Input.Items"] = "索赔申请书\r\n病历\r\n\r\n医疗费用发票",
            ["Input.ItemsEn"] = string.Empty,
            ["Input.Version"] = version ?? string.Empty,
        });
        var list = await app.Api().GetFromJsonAsync<JsonElement>("/api/v1/required-documents/OWN/Health");
        var insurerKey = await app.InsurerApiAsync("PICC", Permissions.Cases.Manage);
        var own = await insurerKey.GetAsync("/api/v1/required-documents/PICC/Motor");
        var other = await insurerKey.GetAsync("/api/v1/required-documents/PAIC/Motor");
        var ours = await insurerKey.PutAsJsonAsync("/api/v1/required-documents/OWN/Motor", new { items = new[] { "x" }, version = 0 });
        var overview = await insurerKey.GetFromJsonAsync<JsonElement>("/api/v1/required-documents");
        var denied = await (await app.SignInAsync("agent1")).GetAsync("/admin/documents");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(string.Empty, version);
        Assert.Equal(["索赔申请书", "病历", "医疗费用发票"], list.GetProperty("items").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ours.StatusCode);
        Assert.All(overview.EnumerateArray(), l => Assert.Equal("PICC", l.GetProperty("insurerCode").GetString()));
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }
}
