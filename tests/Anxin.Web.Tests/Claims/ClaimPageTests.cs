using System.Globalization;
using System.Net;
using Anxin.Web.Tests.Infrastructure;

namespace Anxin.Web.Tests.Claims;

/// <summary>The claim screens through HTTP: the queue, the claim page and its forms, the printable notices, the export, the authority profiles.</summary>
public sealed class ClaimPageTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_handler_works_the_notice_from_the_claim_page_and_a_second_notice_is_refused_on_the_page(Db db)
    {
        var app = apps.For(db);
        var handler = await app.SignInAsync("claims1");
        var claim = await app.OpenClaimAsync(handler);
        var url = $"/claims/{claim.Id()}";

        var page = await handler.GetPageAsync(url);
        Assert.Equal(claim.GetProperty("number").GetString(), page.QuerySelector("[data-testid=claim-number]")!.TextContent);
        Assert.Equal(await app.PiccMotorChecklistCountAsync(), page.QuerySelectorAll("input[name=codes]").Length);

        var sent = await handler.PostFormAsync(url + "?handler=Notice", new() { ["version"] = claim.Version().ToString(CultureInfo.InvariantCulture) }, url);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(url + "#documents", sent.Headers.Location!.OriginalString);
        page = await handler.GetPageAsync(url);
        Assert.Contains("暂停", page.QuerySelector("[data-testid=due-dates]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-timeline-type=MissingDocumentsNoticeSent]"));

        var version = (await handler.GetClaimAsync(claim.Id())).Version().ToString(CultureInfo.InvariantCulture);
        var again = await handler.PostFormAsync(url + "?handler=Notice", new() { ["version"] = version }, url);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("已发送", (await again.ReadHtmlAsync()).QuerySelector("[data-testid=form-error]")!.TextContent, StringComparison.Ordinal);

        // A stale form (the version it showed) is refused rather than overwriting.
        var stale = await handler.PostFormAsync(url + "?handler=Flag", new() { ["version"] = "0", ["detail"] = "旧页面提交" }, url);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.NotNull((await stale.ReadHtmlAsync()).QuerySelector("[data-testid=form-error]"));

        // The printable notice lists what the notice asked for, in Chinese and in English.
        var print = await handler.GetPageAsync(url + "/notices/missing-documents");
        Assert.Contains("第二十二条", print.QuerySelector("[data-testid=notice]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(await app.PiccMotorChecklistCountAsync(), print.QuerySelectorAll("[data-testid=notice-items] li").Length);
        var english = await handler.GetPageAsync(url + "/notices/missing-documents?culture=en");
        Assert.Contains("article 22", english.QuerySelector("[data-testid=notice]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync(url + "/notices/refusal")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_queue_shows_my_claims_with_clocks_and_the_export_is_masked(Db db)
    {
        var app = apps.For(db);
        var handler = await app.SignInAsync("claims1");
        var claim = await app.OpenClaimAsync(handler);
        var number = claim.GetProperty("number").GetString()!;

        var queue = await handler.GetPageAsync("/claims?queue=Mine");
        var row = queue.QuerySelector($"[data-number='{number}']");
        Assert.NotNull(row);
        Assert.Contains("理赔核定", row.TextContent, StringComparison.Ordinal);
        Assert.Null((await handler.GetPageAsync("/claims?queue=Mine&status=Closed")).QuerySelector($"[data-number='{number}']"));

        var csv = await handler.GetStringAsync("/api/v1/claims/export?format=csv&queue=Mine&q=" + number);
        Assert.Contains(number, csv, StringComparison.Ordinal);
        Assert.Contains("理赔号", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("李报案", csv, StringComparison.Ordinal);
        Assert.Contains("李**", csv, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_manager_changes_a_profile_limit_on_the_authority_page_and_a_handler_may_only_look(Db db)
    {
        var app = apps.For(db);
        var manager = await app.SignInAsync("gdmanager");
        var page = await manager.GetPageAsync("/admin/authority");
        var form = page.QuerySelector("[data-profile=CLM-BRANCH] form")!;
        var fields = form.QuerySelectorAll("input[name]").Where(i => i.GetAttribute("type") != "checkbox" || i.HasAttribute("checked"))
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? string.Empty);
        fields["limit[Liability.Payment]"] = "123456";
        fields.Remove("__RequestVerificationToken");

        var saved = await manager.PostFormAsync("/admin/authority?handler=Save", fields, "/admin/authority");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        page = await manager.GetPageAsync("/admin/authority");
        Assert.Equal("123456", page.QuerySelector("[data-profile=CLM-BRANCH] input[name='limit[Liability.Payment]']")!.GetAttribute("value"));
        Assert.Equal("100000", page.QuerySelector("[data-profile=CLM-BRANCH] input[name='limit[Motor.Payment]']")!.GetAttribute("value"));

        var handler = await app.SignInAsync("claims1");
        var readOnly = await handler.GetPageAsync("/admin/authority");
        Assert.NotNull(readOnly.QuerySelector("[data-profile=CLM-HANDLER] fieldset[disabled]"));
        var refused = await handler.PostFormAsync("/admin/authority?handler=Save", new() { ["code"] = "X", ["name"] = "X" }, "/admin/authority");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/denied", refused.Headers.Location!.OriginalString.Replace("http://localhost", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
