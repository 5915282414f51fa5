using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Administration;
using Anxin.Web.Tests.Administration;
using Anxin.Web.Tests.Infrastructure;
using Anxin.Web.Tests.Staff;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Dispatch;

/// <summary>CC-11: surveyor profiles (skills, base, load cap, insurers), presence and position reporting.</summary>
public sealed class SurveyorProfileTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_manager_creates_and_edits_a_profile_and_a_stale_version_is_refused(Db db)
    {
        var app = apps.For(db);
        var (staff, _) = await app.SignInAsNewStaffAsync("GD-SZ", RoleCodes.Surveyor);
        var manager = await app.SignInAsync("gdmanager");
        var picc = await app.InsurerIdAsync("PICC");

        var before = await (await manager.GetAsync($"/api/v1/surveyors/{staff.Id}")).ReadJsonAsync<JsonElement>();
        Assert.False(before.GetProperty("hasProfile").GetBoolean());
        var created = await manager.PutAsJsonAsync($"/api/v1/surveyors/{staff.Id}", new
        {
            skills = new[] { "Motor", "PersonalInjury" }, baseLatitude = 22.54, baseLongitude = 114.05, loadCap = 4, insurerIds = new[] { picc },
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var profile = await created.ReadJsonAsync<JsonElement>();
        Assert.Equal(["Motor", "PersonalInjury"], profile.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("Offline", profile.GetProperty("presence").GetString());
        var version = profile.GetProperty("version").GetInt64();

        var edited = await manager.PutAsJsonAsync($"/api/v1/surveyors/{staff.Id}", new
        {
            skills = new[] { "Property" }, baseLatitude = 23.1, baseLongitude = 113.2, loadCap = 6, insurerIds = Array.Empty<Guid>(), version,
        });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(6, (await edited.ReadJsonAsync<JsonElement>()).GetProperty("loadCap").GetInt32());

        var stale = await manager.PutAsJsonAsync($"/api/v1/surveyors/{staff.Id}", new
        {
            skills = new[] { "Motor" }, baseLatitude = 23.1, baseLongitude = 113.2, loadCap = 2, version,
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var audit = await app.WithDbAsync(d => d.AuditEntries.Where(a => a.EntityType == "SurveyorProfile" && a.EntityId == staff.Id.ToString())
            .Select(a => a.Field).ToListAsync());
        Assert.Contains("LoadCap", audit);
        Assert.Contains("InsurerIdList", audit);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Bad_profile_input_gives_field_errors_in_the_callers_language(Db db)
    {
        var app = apps.For(db);
        var (staff, _) = await app.SignInAsNewStaffAsync("GD-SZ", RoleCodes.Surveyor);
        var api = app.Api();
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var response = await api.PutAsJsonAsync($"/api/v1/surveyors/{staff.Id}", new
        {
            skills = Array.Empty<string>(), baseLatitude = 95.0, baseLongitude = 114.0, loadCap = 0, insurerIds = new[] { Guid.NewGuid() },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync<JsonElement>();
        var codes = DispatchTestKit.Codes(problem);
        Assert.Equal(["Dispatch.Skills.Required"], codes["skills"]);
        Assert.Equal(["Validation.Latitude.Range"], codes["baseLatitude"]);
        Assert.Equal(["Dispatch.Insurers.Unknown"], codes["insurerIds"]);
        Assert.Contains("between -90 and 90", problem.GetProperty("errors").GetProperty("baseLatitude")[0].GetString(), StringComparison.Ordinal);
        var capped = await api.PutAsJsonAsync($"/api/v1/surveyors/{staff.Id}", new { skills = new[] { "Motor" }, baseLatitude = 22.5, baseLongitude = 114.0, loadCap = 0 });
        Assert.Equal(["Dispatch.LoadCap.Range"], DispatchTestKit.Codes(await capped.ReadJsonAsync<JsonElement>())["loadCap"]);
        Assert.False(await app.WithDbAsync(d => d.SurveyorProfiles.AnyAsync(p => p.StaffId == staff.Id)));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_surveyor_reports_presence_and_position_for_themself_only(Db db)
    {
        var app = apps.For(db);
        var surveyor = await app.NewSurveyorAsync("GD-SZ", 22.54, 114.05, presence: "Offline");
        var other = await app.NewSurveyorAsync("GD-SZ", 22.54, 114.05, presence: "Offline");

        var breakFirst = await surveyor.Client.PostAsJsonAsync("/api/v1/surveyors/me/presence", new { presence = "OnBreak" });
        Assert.Equal(HttpStatusCode.BadRequest, breakFirst.StatusCode);
        Assert.Equal(["Dispatch.Presence.BreakNeedsShift"], DispatchTestKit.Codes(await breakFirst.ReadJsonAsync<JsonElement>())["presence"]);
        await surveyor.Client.SetPresenceAsync("OnShift");
        var position = await surveyor.Client.PostAsJsonAsync("/api/v1/surveyors/me/position", new { latitude = 22.5401, longitude = 114.0512 });
        Assert.Equal(HttpStatusCode.OK, position.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await surveyor.Client.PostAsJsonAsync("/api/v1/surveyors/me/position", new { latitude = 22.55, longitude = 114.06 })).StatusCode);
        var forOther = await surveyor.Client.PostAsJsonAsync("/api/v1/surveyors/me/position", new { latitude = 22.5, longitude = 114.0, staffId = other.StaffId });
        Assert.Equal(HttpStatusCode.Forbidden, forOther.StatusCode);
        var badPoint = await surveyor.Client.PostAsJsonAsync("/api/v1/surveyors/me/position", new { latitude = 22.5 });
        Assert.Equal(["Validation.Required"], DispatchTestKit.Codes(await badPoint.ReadJsonAsync<JsonElement>())["longitude"]);

        var stored = await app.WithDbAsync(d => d.SurveyorPositions.SingleAsync(p => p.StaffId == surveyor.StaffId));
        Assert.Equal((22.55, 114.06), (stored.Latitude, stored.Longitude));
        Assert.False(await app.WithDbAsync(d => d.SurveyorPositions.AnyAsync(p => p.StaffId == other.StaffId)));
        Assert.Equal("OnShift", (await (await app.Api().GetAsync($"/api/v1/surveyors/{surveyor.StaffId}")).ReadJsonAsync<JsonElement>())
            .GetProperty("presence").GetString());
        // The location is not written to the audit trail (only the latest point is kept).
        Assert.False(await app.WithDbAsync(d => d.AuditEntries.AnyAsync(a => a.EntityId == surveyor.StaffId.ToString() && a.Field == "Latitude")));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_device_key_names_the_surveyor_and_people_without_field_permission_are_refused(Db db)
    {
        var app = apps.For(db);
        var surveyor = await app.NewSurveyorAsync("GD-SZ", 22.54, 114.05, presence: "Offline");
        var device = await app.ScopedApiAsync("GD-SZ", Permissions.Dispatch.Field);
        var elsewhere = await app.ScopedApiAsync("ZJ", Permissions.Dispatch.Field);

        var unnamed = await device.PostAsJsonAsync("/api/v1/surveyors/me/position", new { latitude = 22.5, longitude = 114.0 });
        Assert.Equal(["Validation.Required"], DispatchTestKit.Codes(await unnamed.ReadJsonAsync<JsonElement>())["staffId"]);
        Assert.Equal(HttpStatusCode.OK, (await device.PostAsJsonAsync("/api/v1/surveyors/me/position", new { latitude = 22.5, longitude = 114.0, staffId = surveyor.StaffId })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await device.PostAsJsonAsync("/api/v1/surveyors/me/presence", new { presence = "OnShift", staffId = surveyor.StaffId })).StatusCode);
        var outOfScope = await elsewhere.PostAsJsonAsync("/api/v1/surveyors/me/presence", new { presence = "Offline", staffId = surveyor.StaffId });
        Assert.Equal(HttpStatusCode.Conflict, outOfScope.StatusCode);

        var agent = await app.SignInAsync("agent1");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/v1/surveyors/me/presence", new { presence = "OnShift" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await surveyor.Client.GetAsync($"/api/v1/surveyors/{surveyor.StaffId}")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_list_filters_pages_and_exports_the_surveyors_in_scope(Db db)
    {
        var app = apps.For(db);
        var manager = await app.SignInAsync("gdmanager");

        var page = await manager.GetPageAsync("/dispatch/surveyors");
        var names = page.QuerySelectorAll("[data-staff-id]").Select(r => r.GetAttribute("data-name")).ToList();
        Assert.Contains("刘勘", names);
        Assert.Contains("高勘", names);
        var property = await manager.GetPageAsync("/dispatch/surveyors?skill=Property");
        Assert.Equal(["何勘"], property.QuerySelectorAll("[data-staff-id]").Select(r => r.GetAttribute("data-name")).Where(n => n is "刘勘" or "何勘" or "高勘"));

        var first = await (await app.Api().GetAsync("/api/v1/surveyors?pageSize=1")).ReadJsonAsync<JsonElement>();
        Assert.Single(first.GetProperty("items").EnumerateArray());
        var cursor = first.GetProperty("nextCursor").GetString()!;
        var second = await (await app.Api().GetAsync("/api/v1/surveyors?pageSize=1&after=" + Uri.EscapeDataString(cursor))).ReadJsonAsync<JsonElement>();
        Assert.NotEqual(first.GetProperty("items")[0].GetProperty("staffId").GetGuid(), second.GetProperty("items")[0].GetProperty("staffId").GetGuid());
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Api().GetAsync("/api/v1/surveyors?after=garbage")).StatusCode);

        var csv = StaffTestKit.ParseCsv(await manager.GetStringAsync("/dispatch/surveyors/export?format=csv&q=高勘"));
        Assert.Equal(2, csv.Count);
        Assert.Equal(["2203", "高勘"], csv[1].Take(2));
        Assert.Contains("PAIC", csv[1][6], StringComparison.Ordinal);

        var zhejiang = await app.SignInAsync("zjmanager");
        Assert.DoesNotContain("刘勘", (await zhejiang.GetPageAsync("/dispatch/surveyors")).QuerySelectorAll("[data-staff-id]").Select(r => r.GetAttribute("data-name")));
        AdminApi.AssertDenied(await (await app.SignInAsync("agent1")).GetAsync("/dispatch/surveyors"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_edit_page_keeps_what_was_typed_and_shows_field_errors(Db db)
    {
        var app = apps.For(db);
        var (staff, _) = await app.SignInAsNewStaffAsync("GD-SZ", RoleCodes.Surveyor);
        var manager = await app.SignInAsync("gdmanager");
        var url = $"/dispatch/surveyors/{staff.Id}";

        var bad = await manager.PostFormAsync(url, new() { ["Input.Skills"] = "Motor", ["Input.BaseLatitude"] = "北纬22", ["Input.BaseLongitude"] = "114.05", ["Input.LoadCap"] = "3" });
        var html = await bad.ReadHtmlAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal("北纬22", html.QuerySelector("#Input_BaseLatitude")!.GetAttribute("value"));
        Assert.NotEmpty(html.QuerySelector("[data-valmsg-for='Input.BaseLatitude']")!.TextContent.Trim());

        var good = await manager.PostFormAsync(url, new() { ["Input.Skills"] = "Motor", ["Input.BaseLatitude"] = "22.54", ["Input.BaseLongitude"] = "114.05", ["Input.LoadCap"] = "3" });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(3, await app.WithDbAsync(d => d.SurveyorProfiles.Where(p => p.StaffId == staff.Id).Select(p => p.LoadCap).SingleAsync()));
    }
}
