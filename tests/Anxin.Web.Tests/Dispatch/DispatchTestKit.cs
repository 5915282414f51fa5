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

    public static Task<Guid> InsurerIdAsync(this AnxinAppFactory app, string code) =>
        app.WithDbAsync(db => db.Insurers.Where(i => i.Code == code).Select(i => i.Id).SingleAsync());

    public static Dictionary<string, string[]> Codes(JsonElement problem) =>
        problem.GetProperty("codes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
}
