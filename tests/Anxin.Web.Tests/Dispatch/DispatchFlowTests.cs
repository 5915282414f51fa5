using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Administration;
using Anxin.Domain.Cases;
using Anxin.Domain.Clocks;
using Anxin.Domain.Dispatch;
using Anxin.Domain.Messaging;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Tests.Clocks;
using Anxin.Web.Tests.Infrastructure;
using Anxin.Web.Tests.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anxin.Web.Tests.Dispatch;

/// <summary>CC-04, CC-11, X-14: recommend, assign, reassign, and the surveyor's steps through the API, with their clocks.</summary>
public sealed class DispatchFlowTests(Apps apps) : IClassFixture<Apps>
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0xFF, 0xD9];

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_dispatched_surveyor_acknowledges_arrives_and_enters_the_loss_assessment(Db db)
    {
        var app = apps.For(db);
        var scene = DispatchTestKit.NewScene();
        var surveyor = await app.NewSurveyorAsync("GD-SZ", scene.Lat + 0.02, scene.Lng, skills: ["Motor", "Property"]);
        var reported = await app.ReportCaseAsync(scene);
        var caseId = reported.GetProperty("id").GetGuid();
        var dispatcher = await app.SignInAsync("dispatcher");

        var recommendation = await (await dispatcher.GetAsync($"/api/v1/cases/{caseId}/recommendations")).ReadJsonAsync<JsonElement>();
        var top = recommendation.GetProperty("candidates")[0];
        Assert.Equal(surveyor.StaffId, top.GetProperty("staffId").GetGuid());
        Assert.Equal(["Motor"], recommendation.GetProperty("requiredSkills").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(30, recommendation.GetProperty("arrivalLimitMinutes").GetInt32());
        var reasons = top.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("text").GetString()).ToList();
        Assert.Contains(reasons, r => r!.StartsWith("预计 5 分钟到达（2.2 公里）", StringComparison.Ordinal));
        Assert.Contains("在办 0/5", reasons);
        Assert.Contains("在岗", reasons);

        var assigned = await dispatcher.AssignAsync(caseId, surveyor.StaffId);
        Assert.Equal(HttpStatusCode.Created, assigned.StatusCode);
        var assignment = await assigned.ReadJsonAsync<JsonElement>();
        var id = assignment.GetProperty("id").GetGuid();
        Assert.Equal(("Assigned", 1, "赵调 (2105)"), (assignment.GetProperty("state").GetString(), assignment.GetProperty("recommendedRank").GetInt32(),
            assignment.GetProperty("assignedByName").GetString()));
        Assert.Equal(CaseStatus.Dispatched, await app.CaseStatusAsync(caseId));
        var messages = await app.WithDbAsync(d => d.Outbox.Where(m => m.TemplateCode == "Dispatch.Assigned" && m.Parameters.Contains(reported.GetProperty("number").GetString()!)).ToListAsync());
        var staffMobile = await app.WithDbAsync(d => d.Staff.Where(s => s.Id == surveyor.StaffId).Select(s => s.Mobile).SingleAsync());
        var sms = Assert.Single(messages, m => m.Channel == MessageChannel.Sms);
        Assert.Equal(staffMobile, sms.Recipient);
        var parameters = JsonDocument.Parse(sms.Parameters).RootElement;
        Assert.Equal(reported.GetProperty("plate").GetString(), parameters.GetProperty("plate").GetString());
        Assert.Equal("王**", parameters.GetProperty("contactName").GetString());
        Assert.Matches("^1[3-9][0-9]{9}$", parameters.GetProperty("contactMobile").GetString());
        Assert.Single(messages, m => m.Channel == MessageChannel.InApp);
        Assert.Equal(ClockState.Stopped, (await app.ClockAsync(caseId, DefaultClockRules.DispatchSurveyor)).State);
        Assert.Equal(surveyor.StaffId, (await app.ClockAsync(caseId, DefaultClockRules.SurveyorContact)).OwnerStaffId);

        Assert.Equal(HttpStatusCode.OK, (await surveyor.Client.PostAsync($"/api/v1/assignments/{id}/acknowledge", null)).StatusCode);
        Assert.Equal(CaseStatus.Surveying, await app.CaseStatusAsync(caseId));
        Assert.Equal(ClockOutcome.Met, (await app.ClockAsync(caseId, DefaultClockRules.SurveyorContact)).Outcome);
        var arrival = await app.ClockAsync(caseId, DefaultClockRules.SurveyorArrival);
        Assert.Equal((ClockState.Running, 30), (arrival.State, (int)(arrival.DeadlineAt - arrival.StartedAt).TotalMinutes));
        var again = await surveyor.Client.PostAsync($"/api/v1/assignments/{id}/acknowledge", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await surveyor.Client.PostAsync($"/api/v1/assignments/{id}/arrival", null)).StatusCode);
        Assert.Equal(ClockState.Stopped, (await app.ClockAsync(caseId, DefaultClockRules.SurveyorArrival)).State);
        using var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(Jpeg);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        upload.Add(file, "photos", "前保险杠.jpg");
        var photos = await surveyor.Client.PostAsync($"/api/v1/assignments/{id}/photos", upload);
        Assert.True(photos.StatusCode == HttpStatusCode.OK, await photos.Content.ReadAsStringAsync());
        var photoUrl = (await photos.ReadJsonAsync<JsonElement>()).GetProperty("photos")[0].GetProperty("url").GetString()!;
        Assert.Equal(Jpeg, await surveyor.Client.GetByteArrayAsync(photoUrl));

        var assessed = await surveyor.Client.PostAsJsonAsync($"/api/v1/assignments/{id}/assessment", new { lossAmount = 3250.50m, notes = "前保险杠、左前大灯受损" });
        Assert.Equal(HttpStatusCode.OK, assessed.StatusCode);
        var result = await assessed.ReadJsonAsync<JsonElement>();
        Assert.Equal(("Assessed", 3250.50m), (result.GetProperty("state").GetString(), result.GetProperty("assessedLossAmount").GetDecimal()));
        Assert.Equal(CaseStatus.Assessed, await app.CaseStatusAsync(caseId));
        Assert.Equal(0, await app.WithDbAsync(d => d.SurveyorProfiles.Where(p => p.StaffId == surveyor.StaffId).Select(p => p.ActiveLoad).SingleAsync()));
        var events = await app.WithDbAsync(d => d.AuditEntries.Where(a => a.EntityType == "Assignment" && a.EntityId == id.ToString() && a.Kind == AuditKind.Event)
            .OrderBy(a => a.At).Select(a => a.Action).ToListAsync());
        Assert.Equal(["SurveyorAssigned", "AssignmentAcknowledged", "SurveyorArrived", "SurveyPhotosAdded", "LossAssessed"], events);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Reassignment_needs_a_reason_and_keeps_the_history(Db db)
    {
        var app = apps.For(db);
        var scene = DispatchTestKit.NewScene();
        var first = await app.NewSurveyorAsync("GD-SZ", scene.Lat, scene.Lng + 0.01);
        var second = await app.NewSurveyorAsync("GD-GZ", scene.Lat, scene.Lng + 0.03);
        var caseId = (await app.ReportCaseAsync(scene)).GetProperty("id").GetGuid();
        var dispatcher = await app.SignInAsync("dispatcher");
        var firstId = await dispatcher.AssignedAsync(caseId, first.StaffId);
        Assert.Equal(HttpStatusCode.OK, (await first.Client.PostAsync($"/api/v1/assignments/{firstId}/acknowledge", null)).StatusCode);

        var recommendation = await (await dispatcher.GetAsync($"/api/v1/cases/{caseId}/recommendations")).ReadJsonAsync<JsonElement>();
        Assert.Equal(first.StaffId, recommendation.GetProperty("currentSurveyorStaffId").GetGuid());
        Assert.DoesNotContain(first.StaffId, recommendation.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("staffId").GetGuid()));
        var noReason = await dispatcher.AssignAsync(caseId, second.StaffId);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(["Validation.Required"], DispatchTestKit.Codes(await noReason.ReadJsonAsync<JsonElement>())["reason"]);
        var secondId = await dispatcher.AssignedAsync(caseId, second.StaffId, "车辆抛锚，改派");

        var history = await (await dispatcher.GetAsync($"/api/v1/cases/{caseId}/assignments")).ReadJsonAsync<JsonElement>();
        Assert.Equal([secondId, firstId], history.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));
        Assert.Equal(("Reassigned", "车辆抛锚，改派"), (history[1].GetProperty("state").GetString(), history[1].GetProperty("endReason").GetString()));
        Assert.Equal(firstId, history[0].GetProperty("previousAssignmentId").GetGuid());
        Assert.Equal(CaseStatus.Dispatched, await app.CaseStatusAsync(caseId));
        var loads = await app.WithDbAsync(d => d.SurveyorProfiles.Where(p => p.StaffId == first.StaffId || p.StaffId == second.StaffId)
            .ToDictionaryAsync(p => p.StaffId, p => p.ActiveLoad));
        Assert.Equal((0, 1), (loads[first.StaffId], loads[second.StaffId]));
        var arrival = await app.WithDbAsync(d => d.ServiceClocks.Where(c => c.SubjectId == caseId.ToString() && c.RuleCode == DefaultClockRules.SurveyorArrival.Code).SingleAsync());
        Assert.Equal(ClockState.Stopped, arrival.State);
        var contact = await app.WithDbAsync(d => d.ServiceClocks.Where(c => c.SubjectId == caseId.ToString() && c.RuleCode == DefaultClockRules.SurveyorContact.Code)
            .OrderBy(c => c.StartedAt).ToListAsync());
        Assert.Equal(2, contact.Count);
        Assert.Equal((ClockState.Running, second.StaffId), (contact[1].State, contact[1].OwnerStaffId));
        Assert.Equal(HttpStatusCode.Conflict, (await first.Client.PostAsync($"/api/v1/assignments/{firstId}/arrival", null)).StatusCode);
        Assert.Contains(await app.WithDbAsync(d => d.AuditEntries.Where(a => a.EntityId == secondId.ToString()).Select(a => a.Action).ToListAsync()),
            a => a == "SurveyorReassigned");
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Only_the_assigned_surveyor_can_acknowledge(Db db)
    {
        var app = apps.For(db);
        var scene = DispatchTestKit.NewScene();
        var assignedOne = await app.NewSurveyorAsync("GD-SZ", scene.Lat, scene.Lng);
        var otherSurveyor = await app.NewSurveyorAsync("GD-SZ", scene.Lat, scene.Lng);
        var (_, surveyorInDispatchCentre) = await app.SignInAsNewStaffAsync("GD-CC", RoleCodes.Surveyor);
        var caseId = (await app.ReportCaseAsync(scene)).GetProperty("id").GetGuid();
        var dispatcher = await app.SignInAsync("dispatcher");
        var id = await dispatcher.AssignedAsync(caseId, assignedOne.StaffId);
        var url = $"/api/v1/assignments/{id}/acknowledge";

        Assert.Equal(HttpStatusCode.NotFound, (await otherSurveyor.Client.PostAsync(url, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await surveyorInDispatchCentre.PostAsync(url, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsync(url, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await assignedOne.Client.PostAsync($"/api/v1/assignments/{Guid.NewGuid()}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await assignedOne.Client.PostAsync(url, null)).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_recommendation_leaves_out_surveyors_at_their_cap_or_offline_and_says_why(Db db)
    {
        var app = apps.For(db);
        var scene = DispatchTestKit.NewScene();
        var full = await app.NewSurveyorAsync("GD-SZ", scene.Lat, scene.Lng, loadCap: 1);
        var offline = await app.NewSurveyorAsync("GD-SZ", scene.Lat, scene.Lng, presence: "Offline");
        var onBreak = await app.NewSurveyorAsync("GD-SZ", scene.Lat, scene.Lng, presence: "OnBreak");
        var available = await app.NewSurveyorAsync("GD-SZ", scene.Lat + 0.05, scene.Lng);
        var dispatcher = await app.SignInAsync("dispatcher");
        await dispatcher.AssignedAsync((await app.ReportCaseAsync(DispatchTestKit.NewScene())).GetProperty("id").GetGuid(), full.StaffId);
        var caseId = (await app.ReportCaseAsync(scene)).GetProperty("id").GetGuid();

        var recommendation = await (await dispatcher.GetAsync($"/api/v1/cases/{caseId}/recommendations?explain=true")).ReadJsonAsync<JsonElement>();

        var candidates = recommendation.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("staffId").GetGuid()).ToList();
        Assert.Equal(available.StaffId, candidates[0]);
        Assert.Contains(onBreak.StaffId, candidates);
        Assert.DoesNotContain(full.StaffId, candidates);
        Assert.DoesNotContain(offline.StaffId, candidates);
        var excluded = recommendation.GetProperty("excluded").EnumerateArray().ToDictionary(e => e.GetProperty("staffId").GetGuid(), e => e.GetProperty("reasons"));
        Assert.Equal(("AtCapacity", "在办已满 1/1"), (excluded[full.StaffId][0].GetProperty("code").GetString(), excluded[full.StaffId][0].GetProperty("text").GetString()));
        Assert.Equal(("Offline", "离线"), (excluded[offline.StaffId][0].GetProperty("code").GetString(), excluded[offline.StaffId][0].GetProperty("text").GetString()));

        var refused = await dispatcher.AssignAsync(caseId, offline.StaffId);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["Dispatch.Excluded.Offline"], DispatchTestKit.Codes(await refused.ReadJsonAsync<JsonElement>())["surveyorStaffId"]);
        Assert.Equal(["Dispatch.Excluded.AtCapacity"], DispatchTestKit.Codes(await (await dispatcher.AssignAsync(caseId, full.StaffId)).ReadJsonAsync<JsonElement>())["surveyorStaffId"]);
        Assert.Equal(CaseStatus.Reported, await app.CaseStatusAsync(caseId));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task An_insurer_rule_excludes_a_surveyor_and_sets_the_arrival_limit(Db db)
    {
        var app = apps.For(db);
        var scene = DispatchTestKit.NewScene();
        // Close to the scene (about 1 km): surveyors other tests of this class add at random places must not come nearer.
        var excluded = await app.NewSurveyorAsync("GD-SZ", scene.Lat, scene.Lng);
        var chosen = await app.NewSurveyorAsync("GD-SZ", scene.Lat + 0.01, scene.Lng);
        var paic = await app.InsurerIdAsync("PAIC");
        // The demo data already holds a PAIC rule: an edit names the version it read.
        var current = await app.Api().GetAsync($"/api/v1/insurers/{paic}/dispatch-rule");
        long? version = current.IsSuccessStatusCode && (await current.ReadJsonAsync<JsonElement>()).TryGetProperty("version", out var v)
            && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;
        var rule = await app.Api().PutAsJsonAsync($"/api/v1/insurers/{paic}/dispatch-rule", new
        {
            version,
            maxDistanceKm = 300.0, arrivalLimitMinutes = 45, excludedStaffIds = new[] { excluded.StaffId },
            requiredSkills = new Dictionary<string, string[]> { ["Motor"] = ["Motor"] },
        });
        Assert.True(rule.StatusCode == HttpStatusCode.OK, await rule.Content.ReadAsStringAsync());
        var caseId = (await app.ReportCaseAsync(scene, "PAIC")).GetProperty("id").GetGuid();
        var dispatcher = await app.SignInAsync("dispatcher");

        var recommendation = await (await dispatcher.GetAsync($"/api/v1/cases/{caseId}/recommendations?explain=true&top=20")).ReadJsonAsync<JsonElement>();
        Assert.Equal(45, recommendation.GetProperty("arrivalLimitMinutes").GetInt32());
        Assert.Equal(chosen.StaffId, recommendation.GetProperty("candidates")[0].GetProperty("staffId").GetGuid());
        var reasons = recommendation.GetProperty("excluded").EnumerateArray().Single(e => e.GetProperty("staffId").GetGuid() == excluded.StaffId).GetProperty("reasons");
        Assert.Equal("ExcludedByInsurer", reasons[0].GetProperty("code").GetString());

        var id = await dispatcher.AssignedAsync(caseId, chosen.StaffId);
        Assert.Equal(HttpStatusCode.OK, (await chosen.Client.PostAsync($"/api/v1/assignments/{id}/acknowledge", null)).StatusCode);
        var arrival = await app.ClockAsync(caseId, DefaultClockRules.SurveyorArrival);
        Assert.Equal(45, (int)(arrival.DeadlineAt - arrival.StartedAt).TotalMinutes);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_case_left_undispatched_past_two_minutes_escalates_to_the_dispatch_centre_supervisor(Db db)
    {
        var app = apps.For(db);
        var caseId = (await app.ReportCaseAsync(DispatchTestKit.NewScene())).GetProperty("id").GetGuid();
        var time = new FakeTime(DateTimeOffset.UtcNow);
        var node = app.WithTime(time);
        var supervisor = await app.DemoUserAsync("ccsupervisor");
        var clock = await app.ClockAsync(caseId, DefaultClockRules.DispatchSurveyor);

        time.Advance(TimeSpan.FromMinutes(3));
        await node.Services.GetRequiredService<ClockWorker>().EvaluateDueAsync(default);

        var breach = await app.WithDbAsync(d => d.ServiceClocks.SingleAsync(c => c.Id == clock.Id));
        Assert.NotNull(breach.BreachedAt);
        Assert.Equal(1, breach.EscalationLevel);
        var messages = await app.MessagesForAsync(clock.Id);
        Assert.Contains(messages, m => m.TemplateCode == ClockWorker.BreachTemplate && m.Recipient == supervisor.UserId.ToString());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_surveyor_who_does_not_call_within_five_minutes_is_escalated(Db db)
    {
        var app = apps.For(db);
        var scene = DispatchTestKit.NewScene();
        var surveyor = await app.NewSurveyorAsync("GD-SZ", scene.Lat, scene.Lng);
        var caseId = (await app.ReportCaseAsync(scene)).GetProperty("id").GetGuid();
        await (await app.SignInAsync("dispatcher")).AssignedAsync(caseId, surveyor.StaffId);
        var time = new FakeTime(DateTimeOffset.UtcNow);
        var node = app.WithTime(time);
        var clock = await app.ClockAsync(caseId, DefaultClockRules.SurveyorContact);

        time.Advance(TimeSpan.FromMinutes(6));
        await node.Services.GetRequiredService<ClockWorker>().EvaluateDueAsync(default);

        var messages = await app.MessagesForAsync(clock.Id);
        var surveyorUser = await app.WithDbAsync(d => d.Users.Where(u => u.StaffId == surveyor.StaffId).Select(u => u.Id).SingleAsync());
        Assert.Contains(messages, m => m.TemplateCode == ClockWorker.WarningTemplate && m.Recipient == surveyorUser.ToString());
        Assert.Equal(1, (await app.WithDbAsync(d => d.ServiceClocks.SingleAsync(c => c.Id == clock.Id))).EscalationLevel);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Bad_input_gives_field_errors_and_changes_nothing(Db db)
    {
        var app = apps.For(db);
        var scene = DispatchTestKit.NewScene();
        var surveyor = await app.NewSurveyorAsync("GD-SZ", scene.Lat, scene.Lng);
        var caseId = (await app.ReportCaseAsync(scene)).GetProperty("id").GetGuid();
        var dispatcher = await app.SignInAsync("dispatcher");

        var missing = await dispatcher.PostAsJsonAsync($"/api/v1/cases/{caseId}/assignments", new { });
        Assert.Equal(["Validation.Required"], DispatchTestKit.Codes(await missing.ReadJsonAsync<JsonElement>())["surveyorStaffId"]);
        var stranger = await dispatcher.AssignAsync(caseId, Guid.NewGuid());
        Assert.Equal(["Dispatch.Surveyor.NotInArea"], DispatchTestKit.Codes(await stranger.ReadJsonAsync<JsonElement>())["surveyorStaffId"]);
        Assert.Equal(HttpStatusCode.NotFound, (await dispatcher.AssignAsync(Guid.NewGuid(), surveyor.StaffId)).StatusCode);

        var id = await dispatcher.AssignedAsync(caseId, surveyor.StaffId);
        await surveyor.Client.PostAsync($"/api/v1/assignments/{id}/acknowledge", null);
        var early = await surveyor.Client.PostAsJsonAsync($"/api/v1/assignments/{id}/assessment", new { lossAmount = 100m });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        await surveyor.Client.PostAsync($"/api/v1/assignments/{id}/arrival", null);
        foreach (var (amount, code) in new (decimal?, string)[] { (null, "Validation.Required"), (-5m, "Dispatch.Assessment.AmountNegative"), (1.234m, "Validation.Money.Precision") })
        {
            var bad = await surveyor.Client.PostAsJsonAsync($"/api/v1/assignments/{id}/assessment", new { lossAmount = amount, notes = "x" });
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal([code], DispatchTestKit.Codes(await bad.ReadJsonAsync<JsonElement>())["lossAmount"]);
        }

        var longNotes = await surveyor.Client.PostAsJsonAsync($"/api/v1/assignments/{id}/assessment", new { lossAmount = 1m, notes = new string('字', 2001) });
        Assert.Equal(["Validation.TooLong"], DispatchTestKit.Codes(await longNotes.ReadJsonAsync<JsonElement>())["notes"]);
        using var svg = new MultipartFormDataContent { { new ByteArrayContent("<svg onload=alert(1)>"u8.ToArray()), "photos", "x.jpg" } };
        var notImage = await surveyor.Client.PostAsync($"/api/v1/assignments/{id}/photos", svg);
        Assert.Equal(["Dispatch.Photo.Type"], DispatchTestKit.Codes(await notImage.ReadJsonAsync<JsonElement>())["photos"]);
        Assert.Equal(AssignmentState.Arrived, await app.WithDbAsync(d => d.Assignments.Where(a => a.Id == id).Select(a => a.State).SingleAsync()));
        Assert.False(await app.WithDbAsync(d => d.AssignmentPhotos.AnyAsync(p => p.AssignmentId == id)));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Cancelling_a_dispatched_case_stands_the_surveyor_down_frees_their_load_and_stops_their_clocks(Db db)
    {
        var app = apps.For(db);
        var scene = DispatchTestKit.NewScene();
        var surveyor = await app.NewSurveyorAsync("GD-SZ", scene.Lat, scene.Lng);
        var caseId = (await app.ReportCaseAsync(scene)).GetProperty("id").GetGuid();
        var dispatcher = await app.SignInAsync("dispatcher");
        var assignmentId = await dispatcher.AssignedAsync(caseId, surveyor.StaffId);
        Assert.Equal(1, await app.WithDbAsync(d => d.SurveyorProfiles.Where(p => p.StaffId == surveyor.StaffId).Select(p => p.ActiveLoad).SingleAsync()));
        var version = (await (await dispatcher.GetAsync($"/api/v1/cases/{caseId}")).ReadJsonAsync<JsonElement>()).GetProperty("version").GetInt64();

        var cancelled = await app.Api().PostAsJsonAsync($"/api/v1/cases/{caseId}/cancel", new { reason = "报案人撤回", version });

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var assignment = await app.WithDbAsync(d => d.Assignments.SingleAsync(a => a.Id == assignmentId));
        Assert.Equal((AssignmentState.Cancelled, "报案人撤回"), (assignment.State, assignment.EndReason));
        Assert.Equal(0, await app.WithDbAsync(d => d.SurveyorProfiles.Where(p => p.StaffId == surveyor.StaffId).Select(p => p.ActiveLoad).SingleAsync()));
        Assert.Equal(ClockState.Stopped, (await app.ClockAsync(caseId, DefaultClockRules.SurveyorContact)).State);
        var userId = await app.WithDbAsync(d => d.Users.Where(u => u.StaffId == surveyor.StaffId).Select(u => u.Id).SingleAsync());
        var notice = await app.WithDbAsync(d => d.Outbox.SingleAsync(m => m.TemplateCode == "Dispatch.Cancelled" && m.Recipient == userId.ToString()));
        Assert.Equal("报案人撤回", JsonDocument.Parse(notice.Parameters).RootElement.GetProperty("reason").GetString());
        var timeline = await (await dispatcher.GetAsync($"/api/v1/cases/{caseId}/timeline")).ReadJsonAsync<JsonElement>();
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("type").GetString() == "AssignmentCancelled");
        // The status changes the assignment and the cancellation made show as those events, not again as raw field changes.
        Assert.DoesNotContain(timeline.EnumerateArray(), e => e.GetProperty("type").GetString() == "CaseChanged");
        // Who queued it: the dispatcher as colleagues know them (name and work number), not their sign-in name.
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("type").GetString() == "SmsQueued"
            && e.GetProperty("detail").GetString()!.StartsWith("查勘任务通知", StringComparison.Ordinal)
            && e.GetProperty("actor").GetString() == "赵调 (2105)");
    }
}

internal static class DispatchFlowAsserts
{
    public static Task<CaseStatus> CaseStatusAsync(this AnxinAppFactory app, Guid caseId) =>
        app.WithDbAsync(d => d.Cases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync());

    /// <summary>The latest clock of a rule on a case.</summary>
    public static Task<ServiceClock> ClockAsync(this AnxinAppFactory app, Guid caseId, ClockRule rule) =>
        app.WithDbAsync(d => d.ServiceClocks.Where(c => c.SubjectType == "Case" && c.SubjectId == caseId.ToString() && c.RuleCode == rule.Code)
            .OrderByDescending(c => c.StartedAt).FirstAsync());
}
