using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Clocks;
using Anxin.Domain.Requests;
using Anxin.Web.Tests.Clocks;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Requests;

/// <summary>CC-07: difficult cases go to the supervisor of the agent's team, who can take them over.</summary>
public sealed class DifficultCaseTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_difficult_case_notifies_the_team_supervisor_who_takes_it_over(Db db)
    {
        var app = apps.For(db);
        var agent = await app.SignInAsync("agent1");
        var agentUser = await app.DemoUserAsync("agent1");
        var supervisorUser = await app.DemoUserAsync("ccsupervisor");
        var created = await agent.ReportCaseAsync();
        var id = created.GetProperty("id").GetGuid();

        var flagged = await agent.PostAsJsonAsync($"/api/v1/cases/{id}/escalate", new { reason = "客户对责任认定有异议，情绪激动，要求主管回电" });

        Assert.Equal(HttpStatusCode.Created, flagged.StatusCode);
        var notice = Assert.Single(await app.NoticesAsync(supervisorUser.UserId, "Request.Escalated"), n => n.GetProperty("subjectId").GetString() == id.ToString());
        Assert.Equal("陈晓 (2102)", notice.GetProperty("agent").GetString());
        Assert.DoesNotContain(await app.NoticesAsync((await app.DemoUserAsync("gdmanager")).UserId, "Request.Escalated"),
            n => n.GetProperty("subjectId").GetString() == id.ToString());

        var supervisor = await app.SignInAsync("ccsupervisor");
        var open = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/escalations");
        Assert.Contains(open.EnumerateArray(), e => e.GetProperty("subjectId").GetGuid() == id && e.GetProperty("owner").GetString() == "陈晓 (2102)");
        var page = await supervisor.GetPageAsync("/supervisor/difficult");
        Assert.NotNull(page.QuerySelector($"[data-number='{created.GetProperty("number").GetString()}'] form"));

        var taken = await supervisor.PostAsJsonAsync($"/api/v1/cases/{id}/take-over", new { note = "由我直接回电客户" });

        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        var view = await taken.ReadJsonAsync<JsonElement>();
        Assert.Equal(supervisorUser.StaffId, view.GetProperty("owner").GetProperty("staffId").GetGuid());
        Assert.Equal("TakenOver", view.GetProperty("escalation").GetProperty("status").GetString());
        var record = Assert.Single(view.GetProperty("handovers").EnumerateArray());
        Assert.Equal(("TakeOver", "陈晓 (2102)", "王督 (2101)"),
            (record.GetProperty("kind").GetString(), record.GetProperty("from").GetString(), record.GetProperty("to").GetString()));
        Assert.Single(await app.NoticesAsync(agentUser.UserId, "Request.TakenOver"), n => n.GetProperty("subjectId").GetString() == id.ToString());
        var followUp = await app.WithDbAsync(d => d.ServiceClocks.SingleAsync(c => c.SubjectId == id.ToString() && c.RuleCode == "Request.FollowUp"));
        Assert.Equal((ClockState.Running, (Guid?)supervisorUser.StaffId), (followUp.State, followUp.OwnerStaffId));
        Assert.Equal(EscalationStatus.TakenOver, await app.WithDbAsync(d => d.Escalations.Where(e => e.SubjectId == id).Select(e => e.Status).SingleAsync()));
        Assert.DoesNotContain((await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/escalations")).EnumerateArray(), e => e.GetProperty("subjectId").GetGuid() == id);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Only_the_owner_flags_a_case_once_and_an_agent_cannot_take_one_over(Db db)
    {
        var app = apps.For(db);
        var agent = await app.SignInAsync("agent1");
        var colleague = await app.SignInAsync("agent2");
        var id = (await agent.ReportCaseAsync()).GetProperty("id").GetGuid();

        var byColleague = await colleague.PostAsJsonAsync($"/api/v1/cases/{id}/escalate", new { reason = "帮同事提" });
        var noReason = await agent.PostAsJsonAsync($"/api/v1/cases/{id}/escalate", new { reason = "" });
        var first = await agent.PostAsJsonAsync($"/api/v1/cases/{id}/escalate", new { reason = "客户要求赔偿超出保额" });
        var second = await agent.PostAsJsonAsync($"/api/v1/cases/{id}/escalate", new { reason = "再提一次" });
        var takeOver = await colleague.PostAsJsonAsync($"/api/v1/cases/{id}/take-over", new { note = "我来" });
        var ownTakeOver = await (await app.SignInAsync("claimslead")).PostAsJsonAsync($"/api/v1/cases/{id}/take-over", new { note = "理赔主管" });

        Assert.Equal(HttpStatusCode.Forbidden, byColleague.StatusCode);
        Assert.Equal(["Validation.Required"], RequestTestKit.Codes(noReason)["reason"]);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, takeOver.StatusCode);
        Assert.True(ownTakeOver.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, "a supervisor of another department does not supervise the owner");
        Assert.Equal(1, await app.WithDbAsync(d => d.Escalations.CountAsync(e => e.SubjectId == id)));
        Assert.False(await app.WithDbAsync(d => d.Handovers.AnyAsync(h => h.SubjectId == id)));
    }
}
