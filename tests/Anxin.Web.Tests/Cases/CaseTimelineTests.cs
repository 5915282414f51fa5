using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Administration;
using Anxin.Web.Features.Cases;
using Anxin.Web.Features.Customers;
using Anxin.Web.Tests.Customers;
using Anxin.Web.Tests.Infrastructure;
using Anxin.Web.Tests.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace Anxin.Web.Tests.Cases;

/// <summary>X-12, issue §9: a case's timeline gathers its events from several sources; the customer 360 shows the customer's cases.</summary>
public sealed class CaseTimelineTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_timeline_holds_the_report_the_dispatch_clock_the_sms_and_the_attachments(Db db)
    {
        var app = apps.For(db);
        var body = CaseTestKit.Report(policyNumber: (await app.SeedMotorPolicyAsync("PICC")).Number);
        var created = await app.Api().ReportAsync(body);
        var id = created.GetProperty("id").GetGuid();
        await app.Api().UploadAsync(id, ("现场.png", "image/png", CaseTestKit.Png()));

        var timeline = await app.Api().GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/timeline");
        var missing = await app.Api().GetAsync($"/api/v1/cases/{Guid.NewGuid()}/timeline");

        var entries = timeline.EnumerateArray().ToList();
        var types = entries.Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Contains("CaseReported", types);
        Assert.Contains("ClockStarted", types);
        Assert.Contains(types, t => t is "SmsQueued");
        var sms = entries.First(e => e.GetProperty("type").GetString() == "SmsQueued").GetProperty("detail").GetString()!;
        Assert.Contains("Case.Reported", sms, StringComparison.Ordinal);
        Assert.DoesNotContain((string)body["reporterMobile"]!, timeline.GetRawText(), StringComparison.Ordinal);
        var attachment = entries.Single(e => e.GetProperty("type").GetString() == "AttachmentAdded");
        Assert.StartsWith($"/api/v1/cases/{id}/attachments/", attachment.GetProperty("href").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("CaseMessageQueued", types);
        var times = entries.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Another_insurer_cannot_read_the_timeline(Db db)
    {
        var app = apps.For(db);
        var created = await app.Api().ReportAsync(CaseTestKit.Report(insurerCode: "PICC", plate: CaseTestKit.NewPlate()));

        var paic = await app.Api(await app.CreateInsurerKeyAsync("PAIC")).GetAsync($"/api/v1/cases/{created.GetProperty("id").GetGuid()}/timeline");

        Assert.Equal(HttpStatusCode.NotFound, paic.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_customer_360_timeline_shows_the_customers_cases_with_links(Db db)
    {
        var app = apps.For(db);
        var teamApi = await app.ScopedApiAsync("GD-CC-T1", Permissions.Customers.View, Permissions.Customers.Manage, Permissions.Cases.Report,
            Permissions.Cases.View);
        var customer = await teamApi.RegisterAsync(CustomerTestKit.Individual());
        var customerId = customer.GetProperty("id").GetGuid();
        var report = CaseTestKit.Report(plate: CaseTestKit.NewPlate());
        report["customerId"] = customerId;
        var created = await teamApi.ReportAsync(report);
        var caseId = created.GetProperty("id").GetGuid();

        var timeline = await teamApi.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/timeline");
        var page = await (await app.SignInAsync("agent1")).GetPageAsync($"/customers/{customerId}");

        var entry = timeline.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "CaseReported");
        Assert.Equal($"/cases/{caseId}", entry.GetProperty("href").GetString());
        Assert.Contains(created.GetProperty("number").GetString()!, entry.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var link = page.QuerySelector("[data-testid=timeline] [data-timeline-type=CaseReported] a");
        Assert.Equal($"/cases/{caseId}", link?.GetAttribute("href"));
        Assert.Contains("报案", page.QuerySelector("[data-testid=timeline] [data-timeline-type=CaseReported]")!.TextContent, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Timeline_sources_are_found_without_registration(Db db)
    {
        var app = apps.For(db);
        await using var scope = app.Services.CreateAsyncScope();

        var sources = scope.ServiceProvider.GetServices<ICaseTimelineSource>().Select(s => s.GetType()).ToList();
        var customerSources = scope.ServiceProvider.GetServices<ICustomerTimelineSource>().Select(s => s.GetType()).ToList();

        Assert.Contains(typeof(CaseAuditTimelineSource), sources);
        Assert.Contains(typeof(CaseClockTimelineSource), sources);
        Assert.Contains(typeof(CaseMessageTimelineSource), sources);
        Assert.Contains(typeof(CaseAttachmentTimelineSource), sources);
        Assert.Contains(typeof(CaseCustomerTimelineSource), customerSources);
    }
}
