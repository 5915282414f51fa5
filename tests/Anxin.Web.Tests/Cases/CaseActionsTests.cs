using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Cases;
using Anxin.Domain.Clocks;
using Anxin.Domain.Policies;
using Anxin.Web.Tests.Customers;
using Anxin.Web.Tests.Infrastructure;
using Anxin.Web.Tests.Staff;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Cases;

/// <summary>CC-10 verification later, cancellation and attachments, through the API and the case page.</summary>
public sealed class CaseActionsTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task An_unverified_case_is_verified_against_a_policy_found_later_and_a_stale_version_is_refused(Db db)
    {
        var app = apps.For(db);
        var number = CaseTestKit.NewPolicyNumber();
        var created = await app.Api().ReportAsync(CaseTestKit.Report(policyNumber: number));
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetInt64();
        Assert.False(created.GetProperty("policyVerified").GetBoolean());
        var missing = await app.Api().PostAsJsonAsync($"/api/v1/cases/{id}/verify-policy", new { policyNumber = number, version });
        await app.SeedMotorPolicyAsync("PICC", number);

        var verified = await app.Api().PostAsJsonAsync($"/api/v1/cases/{id}/verify-policy", new { policyNumber = number.ToLowerInvariant(), version });
        var stale = await app.Api().PostAsJsonAsync($"/api/v1/cases/{id}/verify-policy", new { policyNumber = number, version });

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["Case.PolicyNotInRegister"], CustomerTestKit.Codes(await missing.ReadJsonAsync<JsonElement>())["policyNumber"]);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var body = await verified.ReadJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("policyVerified").GetBoolean());
        Assert.Equal("Covered", body.GetProperty("coverage").GetProperty("outcome").GetString());
        Assert.True(body.GetProperty("version").GetInt64() > version);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var events = await app.WithDbAsync(d => d.AuditEntries.Where(a => a.EntityId == id.ToString() && a.Action == "CasePolicyVerified").ToListAsync());
        Assert.Contains(number, Assert.Single(events).NewValue, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_claims_handler_verifies_on_the_case_page_and_a_stale_form_keeps_what_was_typed(Db db)
    {
        var app = apps.For(db);
        var number = CaseTestKit.NewPolicyNumber();
        var claimsApi = await app.ScopedApiAsync("GD-CLM", Domain.Administration.Permissions.Cases.Report, Domain.Administration.Permissions.Cases.View);
        var created = await claimsApi.ReportAsync(CaseTestKit.Report(policyNumber: number));
        var id = created.GetProperty("id").GetGuid();
        await app.SeedMotorPolicyAsync("PICC", number);
        var browser = await app.SignInAsync("claims1");
        var page = await browser.GetPageAsync($"/cases/{id}");
        Assert.NotNull(page.QuerySelector("[data-testid=verify-form]"));
        var version = page.QuerySelector("[data-testid=verify-form] input[name=Version]")!.GetAttribute("value")!;

        // A form shown before someone else's change carries an old version.
        var stale = await browser.PostFormAsync($"/cases/{id}?handler=Verify", new() { ["VerifyPolicyNumber"] = number, ["Version"] = "999" }, $"/cases/{id}");
        var stalePage = await stale.ReadHtmlAsync();
        var ok = await browser.PostFormAsync($"/cases/{id}?handler=Verify", new() { ["VerifyPolicyNumber"] = number, ["Version"] = version }, $"/cases/{id}");
        var okPage = await ok.ReadHtmlAsync();

        Assert.Contains("已被他人修改", stalePage.QuerySelector("[data-testid=form-error]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(number, stalePage.QuerySelector("input[name=VerifyPolicyNumber]")?.GetAttribute("value"));
        Assert.Contains(number, okPage.QuerySelector("[data-testid=message]")?.TextContent, StringComparison.Ordinal);
        Assert.Null(okPage.QuerySelector("[data-testid=unverified]"));
        Assert.Null(okPage.QuerySelector("[data-testid=verify-form]"));
        Assert.Contains(okPage.QuerySelectorAll("[data-timeline-type]"), e => e.GetAttribute("data-timeline-type") == "CasePolicyVerified");
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Cancelling_needs_a_reason_and_stops_the_dispatch_clock(Db db)
    {
        var app = apps.For(db);
        var created = await app.Api().ReportAsync(CaseTestKit.Report(plate: CaseTestKit.NewPlate()));
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetInt64();

        var noReason = await app.Api().PostAsJsonAsync($"/api/v1/cases/{id}/cancel", new { reason = " ", version });
        var cancelled = await app.Api().PostAsJsonAsync($"/api/v1/cases/{id}/cancel", new { reason = "报案人撤回：车辆无损", version });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Cancelled", (await cancelled.ReadJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var clock = await app.WithDbAsync(d => d.ServiceClocks.SingleAsync(c => c.SubjectId == id.ToString()));
        Assert.Equal(ClockState.Stopped, clock.State);
        var timeline = await app.Api().GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/timeline");
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("type").GetString() == "CaseCancelled"
            && e.GetProperty("detail").GetString()!.Contains("车辆无损", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Attachments_upload_and_download_within_the_insurer_partition_only(Db db)
    {
        var app = apps.For(db);
        var created = await app.Api().ReportAsync(CaseTestKit.Report(insurerCode: "PICC", plate: CaseTestKit.NewPlate()));
        var id = created.GetProperty("id").GetGuid();
        var png = CaseTestKit.Png(4096);

        var uploaded = await app.Api().UploadAsync(id, ("现场1.png", "image/png", png));
        var tooLarge = await app.Api().UploadAsync(id, ("big.png", "image/png", CaseTestKit.Png(CaseAttachment.MaxBytes + 1)));
        var wrongType = await app.Api().UploadAsync(id, ("virus.exe", "image/png", "MZ not an image"u8.ToArray()));
        var noFiles = await app.Api().UploadAsync(id);

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var attachmentId = (await uploaded.ReadJsonAsync<JsonElement>())[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Equal(["Attachment.FileTooLarge"], CustomerTestKit.Codes(await tooLarge.ReadJsonAsync<JsonElement>())["files"]);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(["Attachment.FileType"], CustomerTestKit.Codes(await wrongType.ReadJsonAsync<JsonElement>())["files"]);
        Assert.Equal(HttpStatusCode.BadRequest, noFiles.StatusCode);

        var download = await app.Api().GetAsync($"/api/v1/cases/{id}/attachments/{attachmentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
        var piccKey = await app.CreateInsurerKeyAsync("PICC");
        var paicKey = await app.CreateInsurerKeyAsync("PAIC");
        Assert.Equal(HttpStatusCode.OK, (await app.Api(piccKey).GetAsync($"/api/v1/cases/{id}/attachments/{attachmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api(paicKey).GetAsync($"/api/v1/cases/{id}/attachments/{attachmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api(paicKey).UploadAsync(id, ("x.png", "image/png", png))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync($"/api/v1/cases/{Guid.NewGuid()}/attachments/{attachmentId}")).StatusCode);
        Assert.Single(await app.WithDbAsync(d => d.CaseAttachments.Where(a => a.CaseId == id).ToListAsync()));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_cookie_signed_upload_without_the_antiforgery_token_is_refused(Db db)
    {
        var app = apps.For(db);
        var browser = await app.SignInAsync("agent1");
        var created = await browser.PostFormAsync("/cases/new", new()
        {
            ["Input.InsurerCode"] = "OWN", ["Input.Line"] = "Property", ["Input.ReporterName"] = "赵敏", ["Input.ReporterMobile"] = CustomerTestKit.NewMobile(),
            ["Input.LossAt"] = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddHours(-1).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.LossPlace"] = "深圳市南山区科技园南区 8 栋", ["Input.Cause"] = "WaterDamage", ["Input.Description"] = "水管爆裂，仓库进水",
            ["Input.PolicyNumber"] = "AX-PROP-2026-0001",
        });
        var id = Guid.Parse(created.Headers.Location!.ToString().Split('/')[2]);

        var forged = await browser.UploadAsync(id, ("x.png", "image/png", CaseTestKit.Png()));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(await app.WithDbAsync(d => d.CaseAttachments.AnyAsync(a => a.CaseId == id)));
        var own = await app.WithDbAsync(d => d.Cases.SingleAsync(c => c.Id == id));
        Assert.Null(own.InsurerId);
        Assert.Equal(CoverageOutcome.Covered, own.CoverageOutcome);
    }
}
