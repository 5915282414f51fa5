using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Messaging;
using Anxin.Web.Tests.Clocks;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Claims;

/// <summary>CLM-09 through HTTP: the vendor register, and a claim's service request moving quote → service → invoice with handler tasks.</summary>
public sealed class ClaimVendorTests(Apps apps) : IClassFixture<Apps>
{
    private static int _codes;

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_register_checks_the_credit_code_and_keeps_one_vendor_per_code(Db db)
    {
        var app = apps.For(db);
        var manager = await app.SignInAsync("gdmanager");
        var code = NewCreditCode();

        var badCheck = await manager.PostAsJsonAsync("/api/v1/vendors", Vendor(code[..17] + (code[17] == '0' ? '1' : '0')));
        Assert.Equal(["Validation.CreditCode.Checksum"], (await badCheck.CodesAsync())["creditCode"]);
        var badMobile = await manager.PostAsJsonAsync("/api/v1/vendors", Vendor(code) with { ContactMobile = "1234" });
        Assert.Contains("contactMobile", (await badMobile.CodesAsync()).Keys);

        var created = await manager.PostAsJsonAsync("/api/v1/vendors", Vendor(code.ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var vendor = await created.ReadJsonAsync<JsonElement>();
        Assert.Equal(code, vendor.GetProperty("creditCode").GetString());
        Assert.Contains("****", vendor.GetProperty("contactMobile").GetString(), StringComparison.Ordinal);
        var duplicate = await manager.PostAsJsonAsync("/api/v1/vendors", Vendor(code));
        Assert.Equal(["Vendor.CreditCodeTaken"], (await duplicate.CodesAsync())["creditCode"]);

        var handler = await app.SignInAsync("claims1");
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PostAsJsonAsync("/api/v1/vendors", Vendor(NewCreditCode()))).StatusCode);
        var found = await (await handler.GetAsync($"/api/v1/vendors?q={code}")).ReadJsonAsync<JsonElement>();
        Assert.Equal(vendor.Id(), Assert.Single(found.GetProperty("items").EnumerateArray()).Id());

        // Taken off the register: no new requests; a stale change is 409.
        var off = await manager.PutAsJsonAsync($"/api/v1/vendors/{vendor.Id()}", Vendor(code) with { IsActive = false, Version = vendor.Version() });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        var stale = await manager.PutAsJsonAsync($"/api/v1/vendors/{vendor.Id()}", Vendor(code) with { Version = vendor.Version() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var claim = await app.OpenClaimAsync(handler);
        var refused = await handler.PostAsJsonAsync($"/api/v1/claims/{claim.Id()}/service-requests", new { vendorId = vendor.Id(), description = "更换前挡风玻璃" });
        Assert.Equal(["Claim.Service.VendorInactive"], (await refused.CodesAsync())["vendorId"]);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_service_request_moves_quote_service_invoice_and_each_vendor_step_is_a_task_for_the_handler(Db db)
    {
        var app = apps.For(db);
        var vendorId = await NewVendorAsync(app);
        var handler = await app.SignInAsync("claims1");
        var claim = await app.OpenClaimAsync(handler);
        var vendorSystem = app.Api(); // the head-office key stands in for the repair shop's system (Vendors.Report)

        var created = await handler.PostAsJsonAsync($"/api/v1/claims/{claim.Id()}/service-requests", new { vendorId, description = "后保险杠更换" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var request = await created.ReadJsonAsync<JsonElement>();
        var id = request.Id();
        Assert.Equal(("Requested", false), (request.GetProperty("status").GetString(), request.GetProperty("awaitingHandler").GetBoolean()));

        // The vendor quotes: bad amounts are field errors; an invoice before the work is a conflict.
        Assert.Equal(["Validation.Money.Precision"], (await (await vendorSystem.PostAsJsonAsync($"/api/v1/service-requests/{id}/quote", new { amount = 1.234m })).CodesAsync())["amount"]);
        Assert.Equal(["Claim.Service.AmountPositive"], (await (await vendorSystem.PostAsJsonAsync($"/api/v1/service-requests/{id}/quote", new { amount = 0m })).CodesAsync())["amount"]);
        request = await StepAsync(vendorSystem, id, "quote", new { amount = 4_000m, note = "含工时" });
        Assert.Equal(("Quoted", true, 4_000m), (request.GetProperty("status").GetString(), request.GetProperty("awaitingHandler").GetBoolean(),
            request.GetProperty("quotedAmount").GetDecimal()));
        var early = await vendorSystem.PostAsJsonAsync($"/api/v1/service-requests/{id}/invoice", new { amount = 100m, invoiceNumber = "FP1" });
        Assert.Equal(("Claim.Service.NotDone", HttpStatusCode.Conflict), ((await early.ReadJsonAsync<JsonElement>()).GetProperty("code").GetString(), early.StatusCode));

        // The handler's task: a notice, the queue badge, the claim timeline.
        var me = await app.DemoUserAsync("claims1");
        var notices = await app.WithDbAsync(d => d.Outbox.Where(m => m.TemplateCode == "Claim.VendorUpdate" && m.Recipient == me.UserId.ToString()
            && m.Channel == MessageChannel.InApp).ToListAsync());
        Assert.Contains(notices, m => JsonDocument.Parse(m.Parameters).RootElement.GetProperty("claimNumber").GetString() == claim.Number()
            && JsonDocument.Parse(m.Parameters).RootElement.GetProperty("step").GetString() == "报价");
        var queue = await (await handler.GetAsync($"/api/v1/claims?queue=Mine&q={claim.Number()}")).ReadJsonAsync<JsonElement>();
        Assert.Equal(1, Assert.Single(queue.GetProperty("items").EnumerateArray()).GetProperty("vendorTasks").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await vendorSystem.PostAsJsonAsync($"/api/v1/service-requests/{id}/accept-quote", new { })).StatusCode);

        request = await StepAsync(handler, id, "accept-quote", new { version = request.Version() });
        Assert.Equal(("Authorised", false), (request.GetProperty("status").GetString(), request.GetProperty("awaitingHandler").GetBoolean()));
        var stale = await handler.PostAsJsonAsync($"/api/v1/service-requests/{id}/replies", new { text = "请尽快", version = request.Version() - 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        request = await StepAsync(vendorSystem, id, "service-done", new { text = "已更换完毕" });
        var above = await vendorSystem.PostAsJsonAsync($"/api/v1/service-requests/{id}/invoice", new { amount = 4_000.01m, invoiceNumber = "FP20261122001" });
        Assert.Equal(["Claim.Service.InvoiceAboveQuote"], (await above.CodesAsync())["amount"]);
        var noNumber = await vendorSystem.PostAsJsonAsync($"/api/v1/service-requests/{id}/invoice", new { amount = 3_980m });
        Assert.Equal(["Validation.Required"], (await noNumber.CodesAsync())["invoiceNumber"]);
        request = await StepAsync(vendorSystem, id, "invoice", new { amount = 3_980m, invoiceNumber = "FP20261122001" });
        Assert.Equal(("Invoiced", true, 3_980m), (request.GetProperty("status").GetString(), request.GetProperty("awaitingHandler").GetBoolean(),
            request.GetProperty("invoicedAmount").GetDecimal()));
        request = await StepAsync(handler, id, "acknowledge", new { version = request.Version() });
        Assert.False(request.GetProperty("awaitingHandler").GetBoolean());
        var cancelled = await handler.PostAsJsonAsync($"/api/v1/service-requests/{id}/cancel", new { text = "不需要了" });
        Assert.Equal(HttpStatusCode.Conflict, cancelled.StatusCode);

        Assert.Equal(["Requested", "Quoted", "QuoteAccepted", "ServiceDone", "Invoiced", "Acknowledged"],
            request.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
        var timeline = await (await handler.GetAsync($"/api/v1/claims/{claim.Id()}/timeline")).ReadJsonAsync<JsonElement>();
        Assert.Contains("Service.Invoiced", timeline.EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        var detail = await handler.GetClaimAsync(claim.Id());
        Assert.Equal("Invoiced", Assert.Single(detail.GetProperty("serviceRequests").EnumerateArray()).GetProperty("status").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task On_the_claim_page_the_handler_sends_a_request_records_the_vendors_call_and_accepts_the_quote(Db db)
    {
        var app = apps.For(db);
        var vendorId = await NewVendorAsync(app);
        var handler = await app.SignInAsync("claims1");
        var claim = await app.OpenClaimAsync(handler);
        var url = $"/claims/{claim.Id()}";

        var sent = await handler.PostFormAsync($"{url}?handler=ServiceRequest", new() { ["vendorId"] = vendorId.ToString(), ["description"] = "拖车至修理厂" }, url);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var page = await handler.GetPageAsync(url);
        var box = page.QuerySelector("#vendors [data-status=Requested]")!;
        var requestId = box.GetAttribute("data-testid")!["service-".Length..];
        var version = box.QuerySelector("input[name=version]")!.GetAttribute("value")!;

        // The shop phones its quote in; the handler records it for them (no notice to himself) and then accepts it.
        var quoted = await handler.PostFormAsync($"{url}?handler=ServiceStep",
            new() { ["requestId"] = requestId, ["step"] = "quote", ["amount"] = "680", ["text"] = "拖车 30 公里", ["version"] = version }, url);
        Assert.Equal(HttpStatusCode.Redirect, quoted.StatusCode);
        page = await handler.GetPageAsync(url);
        Assert.NotNull(page.QuerySelector($"[data-testid=service-{requestId}] [data-testid=service-waiting]"));
        var me = await app.DemoUserAsync("claims1");
        Assert.False(await app.WithDbAsync(d => d.Outbox.AnyAsync(m => m.TemplateCode == "Claim.VendorUpdate" && m.Recipient == me.UserId.ToString()
            && m.Parameters.Contains(requestId))));

        var bad = await handler.PostFormAsync($"{url}?handler=ServiceStep",
            new() { ["requestId"] = requestId, ["step"] = "quote", ["amount"] = "-1", ["version"] = page.QuerySelector($"[data-testid=service-{requestId}] input[name=version]")!.GetAttribute("value")! }, url);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.NotNull((await bad.ReadHtmlAsync()).QuerySelector("[data-testid=form-error]"));

        version = page.QuerySelector($"[data-testid=service-{requestId}] input[name=version]")!.GetAttribute("value")!;
        var accepted = await handler.PostFormAsync($"{url}?handler=ServiceStep", new() { ["requestId"] = requestId, ["step"] = "accept-quote", ["version"] = version }, url);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        page = await handler.GetPageAsync(url);
        Assert.Equal("Authorised", page.QuerySelector($"[data-testid=service-{requestId}]")!.GetAttribute("data-status"));

        // The register pages: everyone with claims looks vendors up; only managers edit.
        Assert.NotNull((await handler.GetPageAsync("/claims/vendors")).QuerySelector($"[data-testid=vendor-table] tr[data-vendor='{vendorId}']"));
        var denied = await handler.GetAsync($"/claims/vendors/edit/{vendorId}");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        var manager = await app.SignInAsync("gdmanager");
        var form = await manager.PostFormAsync("/claims/vendors/edit", new()
        {
            ["Input.Kind"] = "RepairShop", ["Input.Name"] = "测试修理厂", ["Input.CreditCode"] = "91440300MA5DAAAA10", ["Input.ContactName"] = "王",
            ["Input.ContactMobile"] = "13912345678",
        });
        var html = await form.ReadHtmlAsync();
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal("测试修理厂", html.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.NotNull(html.QuerySelector("[data-testid=form-error]"));
    }

    private static async Task<JsonElement> StepAsync(HttpClient client, Guid requestId, string step, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/service-requests/{requestId}/{step}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync<JsonElement>();
    }

    private static async Task<Guid> NewVendorAsync(AnxinAppFactory app)
    {
        var response = await (await app.SignInAsync("gdmanager")).PostAsJsonAsync("/api/v1/vendors", Vendor(NewCreditCode()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync<JsonElement>()).Id();
    }

    private static VendorBody Vendor(string code) => new("RepairShop", "测试汽修 " + code[^6..], code, "黄师傅", "13912345678", "深圳市南山区");

    /// <summary>A valid unified social credit code no other test uses (the check character computed as GB 32100 says).</summary>
    private static string NewCreditCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var serial = (Interlocked.Increment(ref _codes) + Random.Shared.Next(1, 1_000_000) * 100).ToString("D9", System.Globalization.CultureInfo.InvariantCulture)[^9..];
        var body = "91440300" + serial;
        var sum = body.Select((c, i) => alphabet.IndexOf(c, StringComparison.Ordinal) * weights[i]).Sum();
        return body + alphabet[(31 - (sum % 31)) % 31];
    }

    private sealed record VendorBody(string Kind, string Name, string CreditCode, string ContactName, string ContactMobile, string? Address,
        bool IsActive = true, long? Version = null);
}
