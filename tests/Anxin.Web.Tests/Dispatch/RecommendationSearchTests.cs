using System.Text.Json;
using Anxin.Domain.Common;
using Anxin.Domain.Dispatch;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anxin.Web.Tests.Dispatch;

/// <summary>
/// Issue 6: a recommendation searches around the scene instead of ranking the whole branch, and
/// must answer exactly what ranking everyone answers (the explained recommendation still ranks
/// everyone): the same candidates in the same order with the same scores and reasons, and the same
/// counts — for dense and empty neighbourhoods, insurer rules with a maximum distance, preferred
/// and excluded surveyors, inactive staff, stale positions and reassignments.
/// </summary>
public sealed class RecommendationSearchTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_search_around_the_scene_recommends_exactly_what_ranking_the_whole_branch_does(Db db)
    {
        var app = apps.For(db);
        var random = new Random(2026);
        var staffIds = await AddSurveyorsAsync(app, random);
        var picc = await app.InsurerIdAsync("PICC");
        var paic = await app.InsurerIdAsync("PAIC");
        await app.WithDbAsync(async d =>
        {
            // PAIC: at most 60 km, prefers some and refuses some; PICC: 20 minutes to arrive, prefers a few.
            var rules = await d.InsurerDispatchRules.ToDictionaryAsync(r => r.InsurerId);
            foreach (var (insurer, maxKm, arrival, take) in new[] { (paic, (double?)60, (int?)null, 40), (picc, null, 20, 10) })
            {
                if (!rules.TryGetValue(insurer, out var rule))
                {
                    rule = InsurerDispatchRule.Create(insurer);
                    d.InsurerDispatchRules.Add(rule);
                }

                var shuffled = staffIds.OrderBy(_ => random.Next()).ToList();
                rule.Change(maxKm, arrival, null, shuffled.Take(take), maxKm is null ? null : shuffled.Skip(take).Take(take));
            }

            return await d.SaveChangesAsync();
        });

        var api = app.Api();
        var compared = 0;
        var caseIds = new List<Guid>();
        for (var i = 0; i < 24; i++)
        {
            // Half in the crowded city, half anywhere in the province (some where nobody is near).
            var scene = i % 2 == 0
                ? (23.0 + (random.NextDouble() * 0.4), 113.2 + (random.NextDouble() * 0.4))
                : (21.6 + (random.NextDouble() * 3.8), 110.2 + (random.NextDouble() * 6.5));
            var insurer = (i % 3) switch { 0 => "PICC", 1 => "PAIC", _ => null };
            var created = await app.ReportCaseAsync(scene, insurer, injuries: i % 5 == 0);
            caseIds.Add(created.GetProperty("id").GetGuid());
        }

        foreach (var caseId in caseIds)
        {
            foreach (var top in new[] { 1, 5, 20 })
            {
                await AssertSameAsync(api, caseId, top);
                compared++;
            }
        }

        // A reassignment leaves the current surveyor out of both.
        var dispatcher = await app.SignInAsync("dispatcher");
        foreach (var caseId in caseIds.Take(4))
        {
            var first = await Json(api, $"/api/v1/cases/{caseId}/recommendations?top=1");
            if (first.GetProperty("candidates").GetArrayLength() == 0)
            {
                continue;
            }

            await dispatcher.AssignedAsync(caseId, first.GetProperty("candidates")[0].GetProperty("staffId").GetGuid());
            await AssertSameAsync(api, caseId, 5);
            compared++;
        }

        Assert.True(compared >= 72, $"only {compared} comparisons");
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_pool_kept_in_memory_recommends_what_the_database_does_and_a_change_saved_here_shows_at_once(Db db)
    {
        var app = apps.For(db);
        await AddSurveyorsAsync(app, new Random(7), "RK");
        var api = app.Api();
        var caseIds = new List<Guid>();
        foreach (var (scene, insurer) in new[] { ((23.1, 113.3), "PICC"), ((23.2, 113.4), "PAIC"), ((22.5, 114.0), (string?)null) })
        {
            caseIds.Add((await app.ReportCaseAsync(scene, insurer)).GetProperty("id").GetGuid());
        }

        var path = await app.WithDbAsync(d => d.Cases.Where(c => c.Id == caseIds[0]).Select(c => c.OrgPath).SingleAsync());
        var area = Anxin.Web.Features.Dispatch.DispatchArea.PrefixFor(path);
        var pools = app.Services.GetRequiredService<Anxin.Web.Features.Dispatch.DispatchPoolCache>();
        await pools.LoadAsync(area, default);
        Assert.True(pools.TryGet(area, out var kept));
        Assert.True(kept.Members.Count >= 700);
        foreach (var caseId in caseIds)
        {
            await AssertSameAsync(api, caseId, 5);
        }

        // The first choice leaves the company: the save drops the kept pool, and the next answer no longer names them.
        var first = await Json(api, $"/api/v1/cases/{caseIds[0]}/recommendations?top=5");
        var leaver = first.GetProperty("candidates")[0].GetProperty("staffId").GetGuid();
        await app.WithDbAsync(async d =>
        {
            (await d.Staff.IgnoreQueryFilters().SingleAsync(s => s.Id == leaver)).Deactivate();
            return await d.SaveChangesAsync();
        });

        Assert.False(pools.TryGet(area, out _));
        var after = await Json(api, $"/api/v1/cases/{caseIds[0]}/recommendations?top=5");
        Assert.DoesNotContain(after.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("staffId").GetGuid() == leaver);
        Assert.Equal(first.GetProperty("considered").GetInt32() - 1, after.GetProperty("considered").GetInt32());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_kept_pool_is_brought_up_to_date_from_the_rows_saved_since_its_last_read_whichever_node_saved_them(Db db)
    {
        var app = apps.For(db);
        var staffIds = await AddSurveyorsAsync(app, new Random(11), "RC");
        var path = await app.WithDbAsync(d => d.SurveyorProfiles.Where(p => p.StaffId == staffIds[0]).Select(p => p.OrgPath).SingleAsync());
        var area = Anxin.Web.Features.Dispatch.DispatchArea.PrefixFor(path);
        var pools = app.Services.GetRequiredService<Anxin.Web.Features.Dispatch.DispatchPoolCache>();
        await pools.LoadAsync(area, default);
        Assert.True(pools.TryGet(area, out var kept));
        var since = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        // Another node (no save pipeline here, so this node is not told): one surveyor goes off shift, one with a position moves.
        var offline = kept.Members.Values.First(m => staffIds.Contains(m.StaffId) && m.Presence != SurveyorPresence.Offline).StaffId;
        var moved = kept.Members.Values.First(m => staffIds.Contains(m.StaffId) && m.LiveLatitude is not null && m.StaffId != offline);
        var at = since.AddSeconds(1);
        await app.WithDbAsync(d => d.SurveyorProfiles.Where(p => p.StaffId == offline)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Presence, SurveyorPresence.Offline).SetProperty(p => p.UpdatedAt, at)));
        await app.WithDbAsync(d => d.SurveyorPositions.Where(p => p.StaffId == moved.StaffId)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Latitude, moved.LiveLatitude!.Value + 0.05).SetProperty(p => p.ReportedAt, at)));

        // This node: a reported position is saved, which leaves the kept pool in use.
        var reporter = kept.Members.Values.First(m => staffIds.Contains(m.StaffId) && m.LiveLatitude is not null && m.StaffId != moved.StaffId && m.StaffId != offline);
        await app.WithDbAsync(async d =>
        {
            (await d.SurveyorPositions.SingleAsync(p => p.StaffId == reporter.StaffId)).Report(GeoPoint.Create(23.05, 113.25).Value, at);
            return await d.SaveChangesAsync();
        });
        Assert.True(pools.TryGet(area, out _));

        await using var scope = app.Services.CreateAsyncScope();
        var planner = scope.ServiceProvider.GetRequiredService<Anxin.Web.Features.Dispatch.DispatchPlanner>();
        var delta = await planner.ReadPoolChangesAsync(area, kept, since, 2_000, default);
        Assert.NotNull(delta);
        Assert.Equal(3, delta.Value.Changed);
        var updated = delta.Value.Snapshot;
        Assert.Equal(SurveyorPresence.Offline, updated.Members[offline].Presence);
        Assert.Equal(moved.LiveLatitude!.Value + 0.05, updated.Members[moved.StaffId].LiveLatitude!.Value, 9);
        Assert.Equal(23.05, updated.Members[reporter.StaffId].LiveLatitude!.Value, 9);

        // What changed, applied to the kept pool, is what reading the whole pool gives; too many changes and it is read whole.
        var whole = await planner.ReadPoolAsync(area, default);
        Assert.Equal(whole.Members.OrderBy(m => m.Key), updated.Members.OrderBy(m => m.Key));
        Assert.Equal(whole.Names.OrderBy(m => m.Key), updated.Names.OrderBy(m => m.Key));
        Assert.Null(await planner.ReadPoolChangesAsync(area, kept, since, 2, default));
        await pools.LoadAsync(area, default);
        Assert.True(pools.TryGet(area, out var refreshed));
        Assert.Equal(whole.Members.Keys.Order(), refreshed.Members.Keys.Order());
    }

    private static async Task AssertSameAsync(HttpClient api, Guid caseId, int top)
    {
        var searched = await Json(api, $"/api/v1/cases/{caseId}/recommendations?top={top}");
        var everyone = await Json(api, $"/api/v1/cases/{caseId}/recommendations?top={top}&explain=true");
        Assert.Equal(everyone.GetProperty("considered").GetInt32(), searched.GetProperty("considered").GetInt32());
        Assert.Equal(everyone.GetProperty("eligible").GetInt32(), searched.GetProperty("eligible").GetInt32());
        Assert.Equal(everyone.GetProperty("candidates").GetRawText(), searched.GetProperty("candidates").GetRawText());
        Assert.True(everyone.GetProperty("considered").GetInt32() >= 700);
    }

    private static async Task<JsonElement> Json(HttpClient api, string url)
    {
        using var response = await api.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>
    /// 800 surveyors across the Guangdong branch: most in one city, the rest spread thin; all
    /// presences, loads up to the cap, some serving only some insurers, fresh, stale or no
    /// positions (some far from the base), and one in ten no longer active.
    /// </summary>
    private static async Task<List<Guid>> AddSurveyorsAsync(AnxinAppFactory app, Random random, string workNumberPrefix = "RS")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var d = scope.ServiceProvider.GetRequiredService<Anxin.Data.AnxinDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var gd = await d.OrgNodes.SingleAsync(n => n.Code == "GD");
        var nodes = await d.OrgNodes.Where(n => n.Path.StartsWith(gd.Path)).ToListAsync();
        var insurers = await d.Insurers.Select(i => i.Id).ToListAsync();
        var ids = new List<Guid>();
        GeoPoint Somewhere(bool city) => city
            ? GeoPoint.Create(23.0 + (random.NextDouble() * 0.4), 113.2 + (random.NextDouble() * 0.4)).Value
            : GeoPoint.Create(21.5 + (random.NextDouble() * 4), 110 + (random.NextDouble() * 7)).Value;

        for (var i = 0; i < 800; i++)
        {
            var staff = Anxin.Domain.Organisation.Staff.Create(workNumberPrefix + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), "查勘" + i, nodes[random.Next(nodes.Count)]);
            staff.UpdateContact("查勘员", null, null, null);
            var city = i % 4 != 0;
            var skills = (SurveyorSkills)random.Next(1, 16);
            var serves = random.Next(4) == 0 ? insurers.Where(_ => random.Next(2) == 0).ToList() : null;
            var cap = random.Next(1, 7);
            var profile = SurveyorProfile.Create(staff, skills, Somewhere(city), cap, serves);
            var presence = (SurveyorPresence)random.Next(1, 4);
            if (presence != SurveyorPresence.Offline)
            {
                profile.ChangePresence(SurveyorPresence.OnShift, now.AddHours(-2));
                for (var l = random.Next(cap + 1); l > 0; l--)
                {
                    profile.TakeAssignment();
                }

                profile.ChangePresence(presence, now.AddMinutes(-5));
            }

            if (random.Next(10) == 0)
            {
                staff.Deactivate();
            }

            d.Staff.Add(staff);
            d.SurveyorProfiles.Add(profile);
            switch (random.Next(4))
            {
                case 0:
                    d.SurveyorPositions.Add(SurveyorPosition.Create(staff.Id, Somewhere(random.Next(2) == 0), now.AddMinutes(-random.Next(0, 20))));
                    break;
                case 1:
                    d.SurveyorPositions.Add(SurveyorPosition.Create(staff.Id, Somewhere(random.Next(2) == 0), now.AddHours(-3)));
                    break;
            }

            ids.Add(staff.Id);
        }

        await d.SaveChangesAsync();
        return ids;
    }
}
