using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Web.Tests.Clocks;
using Anxin.Web.Tests.Infrastructure;

namespace Anxin.Web.Tests.Requests;

/// <summary>CC-08: QA records registration errors against the agent, who corrects them; QA confirms; counts feed KPIs.</summary>
public sealed class RegistrationErrorTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Qa_records_an_error_the_agent_corrects_it_qa_confirms_it_and_another_agent_cannot_correct_it(Db db)
    {
        var app = apps.For(db);
        var agent = await app.SignInAsync("agent1");
        var agentUser = await app.DemoUserAsync("agent1");
        var qa = await app.SignInAsync("qa");
        var created = await agent.ReportCaseAsync();
        var number = created.GetProperty("number").GetString()!;

        var recorded = await qa.PostAsJsonAsync("/api/v1/quality/errors", new { subjectNumber = number, category = "WrongPlate", description = "车牌号登记错误：粤B12345 记为 粤B12354" });

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var error = await recorded.ReadJsonAsync<JsonElement>();
        var id = error.GetProperty("id").GetGuid();
        Assert.Equal(("Open", agentUser.StaffId), (error.GetProperty("status").GetString(), error.GetProperty("responsibleStaffId").GetGuid()));
        Assert.Single(await app.NoticesAsync(agentUser.UserId, "Quality.ErrorRecorded"), n => n.GetProperty("errorId").GetGuid() == id);
        var mine = await agent.GetFromJsonAsync<JsonElement>("/api/v1/my/errors");
        Assert.Contains(mine.EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
        Assert.NotNull((await agent.GetPageAsync("/my/errors")).QuerySelector($"[data-error-id='{id}'] form"));

        var byColleague = await (await app.SignInAsync("agent2")).PostAsJsonAsync($"/api/v1/quality/errors/{id}/correct", new { note = "我帮他改了" });
        var tooEarly = await qa.PostAsJsonAsync($"/api/v1/quality/errors/{id}/confirm", new { });
        var corrected = await agent.PostAsJsonAsync($"/api/v1/quality/errors/{id}/correct", new { note = "已改为 粤B12345" });
        var confirmed = await qa.PostAsJsonAsync($"/api/v1/quality/errors/{id}/confirm", new { });

        Assert.Equal(HttpStatusCode.Forbidden, byColleague.StatusCode);
        Assert.Equal(["RegistrationError.NotCorrected"], RequestTestKit.Codes(tooEarly)[string.Empty]);
        Assert.Equal("Corrected", (await corrected.ReadJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var final = await confirmed.ReadJsonAsync<JsonElement>();
        Assert.Equal(("Confirmed", "已改为 粤B12345", "陈晓 (2102)"),
            (final.GetProperty("status").GetString(), final.GetProperty("correctionNote").GetString(), final.GetProperty("correctedBy").GetString()));

        var summary = await qa.GetFromJsonAsync<JsonElement>("/api/v1/quality/errors/summary");
        var row = summary.EnumerateArray().First(r => r.GetProperty("staffId").GetGuid() == agentUser.StaffId);
        Assert.True(row.GetProperty("confirmed").GetInt32() >= 1);
        Assert.Equal(row.GetProperty("total").GetInt32(), row.GetProperty("open").GetInt32() + row.GetProperty("corrected").GetInt32() + row.GetProperty("confirmed").GetInt32());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Only_qa_records_errors_and_an_unknown_number_is_a_field_error(Db db)
    {
        var app = apps.For(db);
        var agent = await app.SignInAsync("agent1");
        var qa = await app.SignInAsync("qa");
        var number = (await agent.ReportCaseAsync()).GetProperty("number").GetString()!;

        var byAgent = await agent.PostAsJsonAsync("/api/v1/quality/errors", new { subjectNumber = number, category = "Other", description = "自查" });
        var unknown = await qa.PostAsJsonAsync("/api/v1/quality/errors", new { subjectNumber = "BA20990101999999", category = "Other", description = "？" });
        var badMonth = await qa.GetAsync("/api/v1/quality/errors?month=2026-13");

        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        Assert.Equal(["RegistrationError.UnknownSubject"], RequestTestKit.Codes(unknown)["subjectNumber"]);
        Assert.Equal(["RegistrationError.MonthFormat"], RequestTestKit.Codes(badMonth)["month"]);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_registers_and_their_exports_render_for_qa_and_supervisors_with_the_demo_rows(Db db)
    {
        var app = apps.For(db);
        var qa = await app.SignInAsync("qa");
        var supervisor = await app.SignInAsync("ccsupervisor");

        var register = await qa.GetPageAsync("/quality/errors?status=Open");
        var summary = await qa.GetPageAsync("/quality/errors/summary");
        var csv = await qa.GetAsync("/quality/errors/export?format=csv");
        var consultations = await supervisor.GetPageAsync("/consultations");
        var xlsx = await supervisor.GetAsync("/consultations/export?format=xlsx");
        var difficult = await supervisor.GetPageAsync("/supervisor/difficult");

        Assert.NotNull(register.QuerySelector("[data-testid=record-form]"));
        Assert.NotEmpty(register.QuerySelectorAll("[data-testid=error-table] tr[data-error-id]"));
        Assert.NotEmpty(summary.QuerySelectorAll("[data-testid=error-summary] tr[data-staff-id]"));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("陈晓 (2102)", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(consultations.QuerySelectorAll("[data-testid=consultation-table] tr[data-consultation-id]").Length >= 2);
        Assert.DoesNotContain("13800138001", consultations.QuerySelector("[data-testid=consultation-table]")!.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.NotEmpty(difficult.QuerySelectorAll("[data-testid=escalations] tr[data-escalation-id] form"));
    }
}
