using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Tests.Clocks;
using Anxin.Web.Tests.Customers;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anxin.Web.Tests.Requests;

/// <summary>CC-06: consultations answered at once, or registered with a promised reply and a reply clock.</summary>
public sealed class ConsultationTests(Apps apps) : IClassFixture<Apps>
{
    // Monday 2 March 2026, 10:00 in Shanghai: the reply is due on Tuesday at 17:30.
    private static readonly DateTimeOffset Monday10 = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_consultation_answered_at_once_is_closed_owned_by_the_agent_and_has_no_clock(Db db)
    {
        var app = apps.For(db);
        var agent = await app.SignInAsync("agent1");
        var mobile = CustomerTestKit.NewMobile();

        var created = await agent.RegisterConsultationAsync(new
        {
            callerName = "张咨询", callerMobile = mobile, category = "Documents", question = "车损理赔要带什么材料？", answer = "保单、行驶证、驾驶证、定损单和维修发票。",
        });

        Assert.Matches(@"^ZX\d{14}$", created.GetProperty("number").GetString());
        Assert.Equal("Answered", created.GetProperty("status").GetString());
        Assert.Equal(Masking.Mobile(mobile), created.GetProperty("callerMobile").GetString());
        Assert.Equal("张**", created.GetProperty("callerName").GetString());
        Assert.Equal((await app.DemoUserAsync("agent1")).StaffId, created.GetProperty("owner").GetProperty("staffId").GetGuid());
        var id = created.GetProperty("id").GetGuid().ToString();
        Assert.False(await app.WithDbAsync(d => d.ServiceClocks.AnyAsync(c => c.SubjectId == id)));
        var list = await agent.GetStringAsync("/api/v1/consultations?q=" + mobile);
        Assert.Contains(created.GetProperty("number").GetString()!, list, StringComparison.Ordinal);
        Assert.DoesNotContain(mobile, list, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_consultation_to_answer_later_gets_a_promise_and_a_reply_clock_that_stops_when_it_is_answered(Db db)
    {
        var app = apps.For(db);
        var agent = await app.SignInAsync("agent1");
        var owner = await app.DemoUserAsync("agent1");

        var created = await agent.RegisterConsultationAsync(RequestTestKit.PendingConsultation());

        Assert.Equal("Pending", created.GetProperty("status").GetString());
        var id = created.GetProperty("id").GetGuid();
        var clock = await app.WithDbAsync(d => d.ServiceClocks.SingleAsync(c => c.SubjectId == id.ToString()));
        Assert.Equal((DefaultClockRules.ConsultationReply.Code, ClockState.Running, (Guid?)owner.StaffId), (clock.RuleCode, clock.State, clock.OwnerStaffId));
        Assert.Equal(clock.DeadlineAt, created.GetProperty("promisedReplyAt").GetDateTimeOffset());
        Assert.True(clock.DeadlineAt > DateTimeOffset.UtcNow.AddHours(6), "one working day, at the close of business");

        var response = await agent.PostAsJsonAsync($"/api/v1/consultations/{id}/answer",
            new { answer = "已核实：公估师明天上午联系您定损。", version = created.GetProperty("version").GetInt64() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answered = await response.ReadJsonAsync<JsonElement>();
        Assert.Equal("Answered", answered.GetProperty("status").GetString());
        var stopped = await app.WithDbAsync(d => d.ServiceClocks.SingleAsync(c => c.Id == clock.Id));
        Assert.Equal((ClockState.Stopped, (ClockOutcome?)ClockOutcome.Met), (stopped.State, stopped.Outcome));
        var again = await agent.PostAsJsonAsync($"/api/v1/consultations/{id}/answer", new { answer = "再答", version = answered.GetProperty("version").GetInt64() });
        Assert.Equal(["Consultation.AlreadyAnswered"], RequestTestKit.Codes(again)[string.Empty]);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task An_earlier_promise_sets_the_deadline_a_later_one_and_a_missing_mobile_are_field_errors(Db db)
    {
        var app = apps.For(db);
        var agent = await app.SignInAsync("agent3");
        var soon = DateTimeOffset.UtcNow.AddHours(2);

        var early = await agent.RegisterConsultationAsync(RequestTestKit.PendingConsultation(promisedReplyAt: soon));
        var late = await agent.PostAsJsonAsync("/api/v1/consultations", RequestTestKit.PendingConsultation(promisedReplyAt: DateTimeOffset.UtcNow.AddDays(10)));
        var noMobile = await agent.PostAsJsonAsync("/api/v1/consultations", new { callerName = "赵", category = "Other", question = "问题" });

        var clock = await app.WithDbAsync(d => d.ServiceClocks.SingleAsync(c => c.SubjectId == early.GetProperty("id").GetGuid().ToString()));
        Assert.Equal(soon.UtcTicks / TimeSpan.TicksPerSecond, clock.DeadlineAt.UtcTicks / TimeSpan.TicksPerSecond);
        Assert.Equal(["Consultation.PromiseTooLate"], RequestTestKit.Codes(late)["promisedReplyAt"]);
        Assert.Equal(["Consultation.MobileForReply"], RequestTestKit.Codes(noMobile)["callerMobile"]);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_reply_clock_that_breaches_warns_the_owner_and_escalates_to_the_team_supervisor(Db db)
    {
        var app = apps.For(db);
        var time = new FakeTime(Monday10);
        var node = app.WithTime(time);
        var owner = await app.DemoUserAsync("agent2");
        var supervisor = await app.DemoUserAsync("ccsupervisor");
        var created = await (await node.SignInAsync("agent2")).RegisterConsultationAsync(RequestTestKit.PendingConsultation());
        var id = created.GetProperty("id").GetGuid().ToString();
        var clock = await app.WithDbAsync(d => d.ServiceClocks.SingleAsync(c => c.SubjectId == id && c.RuleCode == "Consultation.Reply"));
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 17, 30, 0, TimeSpan.FromHours(8)), clock.DeadlineAt);
        var worker = node.Services.GetRequiredService<ClockWorker>();

        time.Advance(TimeSpan.FromHours(24)); // Tuesday 10:00: past 75 % of the time
        await worker.EvaluateDueAsync(default);
        Assert.Equal([(ClockWorker.WarningTemplate, owner.UserId.ToString())], (await app.MessagesForAsync(clock.Id)).Select(m => (m.TemplateCode, m.Recipient)));

        time.Advance(TimeSpan.FromHours(8)); // Tuesday 18:00: breached
        await worker.EvaluateDueAsync(default);

        var messages = await app.MessagesForAsync(clock.Id);
        Assert.Equal((ClockWorker.BreachTemplate, supervisor.UserId.ToString()), (messages[^1].TemplateCode, messages[^1].Recipient));
        var breached = await app.WithDbAsync(d => d.ServiceClocks.SingleAsync(c => c.Id == clock.Id));
        Assert.Equal(1, breached.EscalationLevel);
        Assert.NotNull(breached.BreachedAt);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Handing_a_consultation_over_moves_its_reply_clock_to_the_new_owner(Db db)
    {
        var app = apps.For(db);
        var agent = await app.SignInAsync("agent1");
        var colleague = await app.DemoUserAsync("agent3");
        var created = await agent.RegisterConsultationAsync(RequestTestKit.PendingConsultation());
        var id = created.GetProperty("id").GetGuid();

        var response = await agent.HandOverAsync("consultations", id, colleague.StaffId, "黄敏熟悉该险种", created.GetProperty("version").GetInt64());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var clocks = await app.WithDbAsync(d => d.ServiceClocks.Where(c => c.SubjectId == id.ToString() && c.State == ClockState.Running).ToListAsync());
        Assert.Equal(["Consultation.Reply", "Request.FollowUp"], clocks.Select(c => c.RuleCode).Order(StringComparer.Ordinal));
        Assert.All(clocks, c => Assert.Equal(colleague.StaffId, c.OwnerStaffId));
        var detail = await (await app.SignInAsync("agent3")).GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{id}");
        Assert.Equal(colleague.StaffId, detail.GetProperty("owner").GetProperty("staffId").GetGuid());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_keyboard_form_saves_and_shows_the_consultation_closing_script(Db db)
    {
        var app = apps.For(db);
        var agent = await app.SignInAsync("agent1");

        var response = await agent.PostFormAsync("/consultations/new", new()
        {
            ["Input.CallerName"] = "钱来电", ["Input.CallerMobile"] = CustomerTestKit.NewMobile(), ["Input.Category"] = "Product",
            ["Input.Question"] = "家财险保不保水管爆裂？", ["Input.Answer"] = "保，属于水暴责任，需提供物业证明。",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await agent.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Equal("谢谢,欢迎再次来电。", page.QuerySelector("[data-testid=closing-script] .fs-5")!.TextContent.Trim());
        Assert.Equal("已答复", page.QuerySelector("[data-testid=consultation-status]")!.TextContent.Trim());

        var invalid = await agent.PostFormAsync("/consultations/new", new() { ["Input.CallerName"] = "孙", ["Input.Category"] = "Product", ["Input.Question"] = "要多久？" });
        var form = await invalid.ReadHtmlAsync();
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Equal("要多久？", form.QuerySelector("#Input_Question")!.TextContent);
        Assert.NotEmpty(form.QuerySelector("[data-valmsg-for='Input.CallerMobile']")!.TextContent.Trim());
    }
}
