using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Clocks;
using Anxin.Web.Tests.Clocks;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Requests;

/// <summary>CC-05: first-contact ownership of a case — hand-over rules, concurrency, notice and follow-up clock.</summary>
public sealed class HandoverTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_owner_hands_a_case_to_a_named_colleague_in_another_department_who_is_notified_and_must_follow_it_up(Db db)
    {
        var app = apps.For(db);
        var agent = await app.SignInAsync("agent1");
        var claims = await app.DemoUserAsync("claims1");
        var created = await agent.ReportCaseAsync();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal((await app.DemoUserAsync("agent1")).StaffId, created.GetProperty("ownerStaffId").GetGuid());

        var response = await agent.HandOverAsync("cases", id, claims.StaffId, "客户要求理赔部核定赔款", created.GetProperty("version").GetInt64());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.ReadJsonAsync<JsonElement>();
        Assert.Equal(claims.StaffId, view.GetProperty("owner").GetProperty("staffId").GetGuid());
        Assert.Equal("2301", view.GetProperty("owner").GetProperty("workNumber").GetString());
        var handover = Assert.Single(view.GetProperty("handovers").EnumerateArray());
        Assert.Equal(("HandOver", "客户要求理赔部核定赔款"), (handover.GetProperty("kind").GetString(), handover.GetProperty("note").GetString()));
        Assert.Equal("陈晓 (2102)", handover.GetProperty("from").GetString());

        var notice = Assert.Single(await app.NoticesAsync(claims.UserId, "Request.HandedOver"), n => n.GetProperty("subjectId").GetString() == id.ToString());
        Assert.Equal(created.GetProperty("number").GetString(), notice.GetProperty("number").GetString());

        var followUp = await app.WithDbAsync(d => d.ServiceClocks.SingleAsync(c => c.SubjectId == id.ToString() && c.RuleCode == "Request.FollowUp"));
        Assert.Equal((ClockState.Running, (Guid?)claims.StaffId, claims.OrgNodeId), (followUp.State, followUp.OwnerStaffId, followUp.OrgNodeId));
        Assert.Equal((DeadlineUnit.WorkingDays, 1), (followUp.Unit, followUp.Amount));

        // The new owner works in another department, outside the case's subtree, and still finds it under "my requests".
        var claimsClient = await app.SignInAsync("claims1");
        var mine = await claimsClient.GetFromJsonAsync<JsonElement>("/api/v1/my/requests");
        var item = Assert.Single(mine.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
        Assert.Contains(item.GetProperty("clocks").EnumerateArray(), c => c.GetProperty("ruleCode").GetString() == "Request.FollowUp");
        var page = await claimsClient.GetPageAsync("/my/requests");
        Assert.NotNull(page.QuerySelector($"[data-request-id='{id}']"));
        var badge = (await claimsClient.GetPageAsync($"/requests/case/{id}")).QuerySelector("[data-testid=owner-badge]")!;
        Assert.Contains("罗赔", badge.TextContent, StringComparison.Ordinal);
        Assert.Contains("2301", badge.TextContent, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Someone_who_neither_owns_nor_supervises_the_case_cannot_hand_it_over(Db db)
    {
        var app = apps.For(db);
        var created = await (await app.SignInAsync("agent1")).ReportCaseAsync();
        var id = created.GetProperty("id").GetGuid();
        var colleague = await app.SignInAsync("agent2");
        var target = await app.DemoUserAsync("agent3");

        var response = await colleague.HandOverAsync("cases", id, target.StaffId, "我来处理", created.GetProperty("version").GetInt64());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(created.GetProperty("ownerStaffId").GetGuid(), await app.WithDbAsync(d => d.Cases.Where(c => c.Id == id).Select(c => c.OwnerStaffId).SingleAsync()));
        Assert.False(await app.WithDbAsync(d => d.Handovers.AnyAsync(h => h.SubjectId == id)));
        Assert.False(await app.WithDbAsync(d => d.ServiceClocks.AnyAsync(c => c.SubjectId == id.ToString() && c.RuleCode == "Request.FollowUp")));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_owners_supervisor_may_hand_over_but_not_with_a_stale_version(Db db)
    {
        var app = apps.For(db);
        var created = await (await app.SignInAsync("agent1")).ReportCaseAsync();
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetInt64();
        var supervisor = await app.SignInAsync("ccsupervisor");
        var agent2 = await app.DemoUserAsync("agent2");
        var agent3 = await app.DemoUserAsync("agent3");

        var first = await supervisor.HandOverAsync("cases", id, agent2.StaffId, "陈晓休假，由林静跟进", version);
        var stale = await supervisor.HandOverAsync("cases", id, agent3.StaffId, "改由黄敏跟进", version);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(agent2.StaffId, await app.WithDbAsync(d => d.Cases.Where(c => c.Id == id).Select(c => c.OwnerStaffId).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(d => d.Handovers.CountAsync(h => h.SubjectId == id)));

        // The first owner's follow-up clock is gone with the case; the second hand-over with the fresh version moves the clock on.
        var fresh = (await (await supervisor.GetAsync($"/api/v1/cases/{id}/ownership")).ReadJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await supervisor.HandOverAsync("cases", id, agent3.StaffId, "改由黄敏跟进", fresh)).StatusCode);
        var clocks = await app.WithDbAsync(d => d.ServiceClocks.Where(c => c.SubjectId == id.ToString() && c.RuleCode == "Request.FollowUp").ToListAsync());
        Assert.Equal([(agent2.StaffId, ClockState.Stopped), (agent3.StaffId, ClockState.Running)],
            clocks.OrderBy(c => c.StartedAt).ThenBy(c => c.State).Select(c => (c.OwnerStaffId!.Value, c.State)));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_hand_over_needs_a_note_and_an_active_named_person(Db db)
    {
        var app = apps.For(db);
        var agent = await app.SignInAsync("agent1");
        var created = await agent.ReportCaseAsync();
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetInt64();
        var inactive = await app.WithDbAsync(async d =>
        {
            var node = await d.OrgNodes.SingleAsync(n => n.Code == "GD-CLM");
            var staff = Anxin.Domain.Organisation.Staff.Create("X" + Random.Shared.Next(100000, 999999), "离职员工", node);
            staff.Deactivate();
            d.Staff.Add(staff);
            await d.SaveChangesAsync();
            return staff.Id;
        });
        var self = await app.DemoUserAsync("agent1");

        var noNote = await agent.HandOverAsync("cases", id, inactive, " ", version);
        var unknown = await agent.HandOverAsync("cases", id, Guid.NewGuid(), "转交", version);
        var gone = await agent.HandOverAsync("cases", id, inactive, "转交", version);
        var toSelf = await agent.HandOverAsync("cases", id, self.StaffId, "转交", version);

        Assert.Equal(["Validation.Required"], RequestTestKit.Codes(noNote)["note"]);
        Assert.Equal(["Ownership.UnknownStaff"], RequestTestKit.Codes(unknown)["toStaffId"]);
        Assert.Equal(["Ownership.TargetInactive"], RequestTestKit.Codes(gone)["toStaffId"]);
        Assert.Equal(["Ownership.SameOwner"], RequestTestKit.Codes(toSelf)["toStaffId"]);
        Assert.False(await app.WithDbAsync(d => d.Handovers.AnyAsync(h => h.SubjectId == id)));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_hand_over_form_on_a_consultation_takes_a_work_number_and_keeps_the_note_on_error(Db db)
    {
        var app = apps.For(db);
        var agent = await app.SignInAsync("agent1");
        var id = (await agent.RegisterConsultationAsync(RequestTestKit.PendingConsultation())).GetProperty("id").GetGuid();
        var detail = $"/consultations/{id}";
        var version = (await agent.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{id}")).GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var unknown = await agent.PostFormAsync($"/requests/consultation/{id}?handler=HandOver",
            new() { ["Input.ToWorkNumber"] = "9999999", ["Input.Note"] = "客户要求回电", ["Input.Version"] = version, ["Input.ReturnUrl"] = detail }, detail);
        var done = await agent.PostFormAsync($"/requests/consultation/{id}?handler=HandOver",
            new() { ["Input.ToWorkNumber"] = "2103", ["Input.Note"] = "客户要求回电", ["Input.Version"] = version, ["Input.ReturnUrl"] = detail }, detail);

        var form = await unknown.ReadHtmlAsync();
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.NotEmpty(form.QuerySelector("[data-valmsg-for='Input.ToWorkNumber']")!.TextContent.Trim());
        Assert.Equal("客户要求回电", form.QuerySelector("#handover-note")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.StartsWith(detail + "?done=HandOver", done.Headers.Location!.ToString(), StringComparison.Ordinal);
        var page = await agent.GetPageAsync(done.Headers.Location!.ToString());
        Assert.Contains("林静", page.QuerySelector("[data-testid=owner-badge]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=handovers] [data-handover-kind=HandOver]"));
        Assert.Null(page.QuerySelector("[data-testid=answer-form]")); // agent1 no longer owns it
    }
}
