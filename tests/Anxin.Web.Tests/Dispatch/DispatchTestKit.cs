using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Administration;
using Anxin.Web.Tests.Infrastructure;
using Anxin.Web.Tests.Staff;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Dispatch;

/// <summary>Intent methods for the dispatch tests: surveyors with profiles, presence and positions.</summary>
public static class DispatchTestKit
{
    public sealed record TestSurveyor(Guid StaffId, string UserName, string Name, HttpClient Client);

    /// <summary>
    /// A new member of staff with the Surveyor role at <paramref name="nodeCode"/>, signed in, with a
    /// dispatch profile (through the API) and the given presence.
    /// </summary>
    public static async Task<TestSurveyor> NewSurveyorAsync(this AnxinAppFactory app, string nodeCode, double lat, double lng,
        string[]? skills = null, int loadCap = 5, string presence = "OnShift", Guid[]? insurerIds = null)
    {
        var (staff, client) = await app.SignInAsNewStaffAsync(nodeCode, RoleCodes.Surveyor);
        var response = await app.Api().PutAsJsonAsync($"/api/v1/surveyors/{staff.Id}", new
        {
            skills = skills ?? ["Motor"], baseLatitude = lat, baseLongitude = lng, loadCap, insurerIds = insurerIds ?? [],
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (presence != "Offline")
        {
            await client.SetPresenceAsync("OnShift");
            if (presence == "OnBreak")
            {
                await client.SetPresenceAsync("OnBreak");
            }
        }

        return new TestSurveyor(staff.Id, staff.UserName, staff.Name, client);
    }

    public static async Task SetPresenceAsync(this HttpClient surveyor, string presence)
    {
        var response = await surveyor.PostAsJsonAsync("/api/v1/surveyors/me/presence", new { presence });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A scene somewhere in Guangdong no other test uses (surveyors placed at it are nearest).</summary>
    public static (double Lat, double Lng) NewScene() => (23.0 + (Random.Shared.NextDouble() * 1.5), 113.0 + (Random.Shared.NextDouble() * 3.0));

    /// <summary>A motor case reported by agent1 (广东客服中心 · 坐席一组) at <paramref name="scene"/>, so the dispatcher sees it.</summary>
    public static async Task<JsonElement> ReportCaseAsync(this AnxinAppFactory app, (double Lat, double Lng) scene, string? insurerCode = "PICC",
        bool injuries = false)
    {
        var body = Cases.CaseTestKit.Report(insurerCode, plate: Cases.CaseTestKit.NewPlate());
        body["latitude"] = scene.Lat;
        body["longitude"] = scene.Lng;
        body["contactName"] = "王联系";
        body["contactMobile"] = Customers.CustomerTestKit.NewMobile();
        if (injuries)
        {
            body["injuries"] = true;
            body["injuryDetails"] = "驾驶员轻伤";
        }

        return await Cases.CaseTestKit.ReportAsync(await app.SignInAsync("agent1"), body);
    }

    public static async Task<HttpResponseMessage> AssignAsync(this HttpClient dispatcher, Guid caseId, Guid surveyorStaffId, string? reason = null) =>
        await dispatcher.PostAsJsonAsync($"/api/v1/cases/{caseId}/assignments", new { surveyorStaffId, reason });

    public static async Task<Guid> AssignedAsync(this HttpClient dispatcher, Guid caseId, Guid surveyorStaffId, string? reason = null)
    {
        var response = await dispatcher.AssignAsync(caseId, surveyorStaffId, reason);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<Guid> InsurerIdAsync(this AnxinAppFactory app, string code) =>
        app.WithDbAsync(db => db.Insurers.Where(i => i.Code == code).Select(i => i.Id).SingleAsync());

    public static Dictionary<string, string[]> Codes(JsonElement problem) =>
        problem.GetProperty("codes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
}
