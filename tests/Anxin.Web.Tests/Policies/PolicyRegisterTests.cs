using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Common;
using Anxin.Web.Tests.Customers;
using Anxin.Web.Tests.Infrastructure;
using Anxin.Web.Tests.Staff;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Policies;

/// <summary>Issue 4 §2: registering, finding, exporting and ending policies through the API.</summary>
public sealed class PolicyRegisterTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_registered_policy_is_shown_masked_and_found_by_number_plate_vin_and_mobile(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();
        var mobile = CustomerTestKit.NewMobile();
        var body = PolicyTestKit.Motor(mobile: mobile);
        var number = (string)body["number"]!;
        var plate = (string)body["plate"]!;

        var created = await api.CreatePolicyAsync(body);
        var id = created.GetProperty("id").GetGuid();
        var byId = await api.GetFromJsonAsync<JsonElement>($"/api/v1/policies/{id}");

        Assert.Equal("PICC", byId.GetProperty("insurerCode").GetString());
        Assert.Equal("InForce", byId.GetProperty("status").GetString());
        Assert.Equal(Masking.Mobile(mobile), byId.GetProperty("holderMobile").GetString());
        Assert.Equal(Masking.IdNumber("11010519491231002X"), byId.GetProperty("insuredIdNumber").GetString());
        Assert.Equal(["CTPL", "VD", "TPL"], byId.GetProperty("coverages").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        Assert.Equal(500m, byId.GetProperty("coverages")[1].GetProperty("deductible").GetDecimal());
        Assert.Contains(await api.ListPoliciesAsync("q=" + number), p => p.GetProperty("id").GetGuid() == id);
        Assert.Contains(await api.ListPoliciesAsync("q=" + number[..10]), p => p.GetProperty("id").GetGuid() == id);
        Assert.Contains(await api.ListPoliciesAsync("q=" + Uri.EscapeDataString(plate)), p => p.GetProperty("id").GetGuid() == id);
        Assert.Contains(await api.ListPoliciesAsync("q=LSVAM4187C2184752"), p => p.GetProperty("id").GetGuid() == id);
        var byMobile = Assert.Single(await api.ListPoliciesAsync("q=" + mobile));
        Assert.Equal(Masking.Mobile(mobile), byMobile.GetProperty("holderMobile").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_list_filters_by_line_insurer_status_and_the_date_in_force(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();
        var number = (string)PolicyTestKit.Motor()["number"]!;
        await api.CreatePolicyAsync(PolicyTestKit.Motor("PAIC", number));
        var q = "q=" + number;
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Single(await api.ListPoliciesAsync(q + "&line=Motor&insurer=PAIC&status=InForce&inForceOn=" + today));
        Assert.Empty(await api.ListPoliciesAsync(q + "&line=Property"));
        Assert.Empty(await api.ListPoliciesAsync(q + "&insurer=PICC"));
        Assert.Empty(await api.ListPoliciesAsync(q + "&insurer=OWN"));
        Assert.Empty(await api.ListPoliciesAsync(q + "&status=Cancelled"));
        Assert.Empty(await api.ListPoliciesAsync(q + "&inForceOn=2020-01-01"));
        var bad = await api.GetAsync("/api/v1/policies?after=garbage");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Every_invalid_field_is_reported_at_once_by_name_and_nothing_is_saved(Db db)
    {
        var app = apps.For(db);
        var body = PolicyTestKit.Motor(insurerCode: "NOPE", number: "BAD NUMBER!", mobile: "12345");
        body["coverages"] = new object[] { new { code = "VD", sumInsured = 0m }, new { code = "VD", sumInsured = 1000m } };
        body["endsAt"] = DateTimeOffset.UtcNow.AddDays(-60);
        var auditBefore = await app.WithDbAsync(d => d.AuditEntries.CountAsync());

        var response = await app.Api().PostAsJsonAsync("/api/v1/policies", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var codes = CustomerTestKit.Codes(await response.ReadJsonAsync<JsonElement>());
        Assert.Equal(["Policy.NumberFormat"], codes["number"]);
        Assert.Equal([ValidationCodes.MobileFormat], codes["holderMobile"]);
        Assert.Equal(["Policy.PeriodOrder"], codes["endsAt"]);
        Assert.Equal(["Policy.SumInsuredPositive"], codes["coverages[0].SumInsured"]);
        Assert.Equal(["Policy.DuplicateCoverage"], codes["coverages"]);
        Assert.Equal(["Case.UnknownInsurer"], codes["insurerCode"]);
        Assert.Equal(auditBefore, await app.WithDbAsync(d => d.AuditEntries.CountAsync()));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_number_is_unique_within_its_insurer_and_within_our_own_business(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();
        var number = PolicyTestKit.NewNumber();
        await api.CreatePolicyAsync(PolicyTestKit.Motor("PICC", number));
        await api.CreatePolicyAsync(PolicyTestKit.Motor("OWN", number));

        var samePicc = await api.PostAsJsonAsync("/api/v1/policies", PolicyTestKit.Motor("PICC", number.ToLowerInvariant()));
        var sameOwn = await api.PostAsJsonAsync("/api/v1/policies", PolicyTestKit.Motor(null, number));
        var otherInsurer = await api.PostAsJsonAsync("/api/v1/policies", PolicyTestKit.Motor("PAIC", number));

        Assert.Equal(HttpStatusCode.BadRequest, samePicc.StatusCode);
        var problem = await samePicc.ReadJsonAsync<JsonElement>();
        Assert.Equal(["Policy.DuplicateNumber"], CustomerTestKit.Codes(problem)["number"]);
        Assert.Contains(number, problem.GetProperty("errors").GetProperty("number")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, sameOwn.StatusCode);
        Assert.Equal(HttpStatusCode.Created, otherInsurer.StatusCode);
        Assert.Equal(3, await app.CountPoliciesAsync(number));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Creating_twice_with_the_same_idempotency_key_registers_one_policy(Db db)
    {
        var app = apps.For(db);
        var body = PolicyTestKit.Motor();
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> Send()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/policies") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return await app.Api().SendAsync(request);
        }

        var first = await Send();
        var second = await Send();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal((await first.ReadJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), (await second.ReadJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(1, await app.CountPoliciesAsync((string)body["number"]!));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Terminating_ends_cover_once_is_audited_and_a_stale_version_is_a_conflict(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();
        var created = await api.CreatePolicyAsync(PolicyTestKit.Motor());
        var id = created.GetProperty("id").GetGuid();
        var at = DateTimeOffset.UtcNow.AddDays(-1);

        var stale = await api.PostAsJsonAsync($"/api/v1/policies/{id}/terminate", new { status = "Lapsed", at, version = 7 });
        var outside = await api.PostAsJsonAsync($"/api/v1/policies/{id}/terminate", new { status = "Cancelled", at = at.AddYears(-2) });
        var done = await api.PostAsJsonAsync($"/api/v1/policies/{id}/terminate",
            new { status = "Cancelled", at, reason = "投保人退保", version = created.GetProperty("version").GetInt64() });
        var again = await api.PostAsJsonAsync($"/api/v1/policies/{id}/terminate", new { status = "Lapsed", at });
        var missing = await api.PostAsJsonAsync($"/api/v1/policies/{Guid.NewGuid()}/terminate", new { status = "Lapsed", at });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(["Policy.TerminationOutsidePeriod"], CustomerTestKit.Codes(await outside.ReadJsonAsync<JsonElement>())["at"]);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var ended = await done.ReadJsonAsync<JsonElement>();
        Assert.Equal("Cancelled", ended.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(["Policy.NotInForce"], CustomerTestKit.Codes(await again.ReadJsonAsync<JsonElement>())["status"]);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var events = await app.WithDbAsync(d => d.AuditEntries.Where(a => a.EntityId == id.ToString() && a.Kind == Domain.Administration.AuditKind.Event)
            .Select(a => a.Action).ToListAsync());
        Assert.Equal(["PolicyRegistered", "PolicyTerminated"], events.Order());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_export_holds_the_filtered_policies_with_personal_data_masked(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();
        var mobile = CustomerTestKit.NewMobile();
        var body = PolicyTestKit.Motor(mobile: mobile);
        await api.CreatePolicyAsync(body);
        var other = await api.CreatePolicyAsync(PolicyTestKit.Motor());

        var csv = await api.GetStringAsync($"/api/v1/policies/export?format=csv&q={body["number"]}");
        var xlsx = await api.GetAsync($"/api/v1/policies/export?format=xlsx&q={body["number"]}&columns=number,holderMobile");
        var badColumn = await api.GetAsync("/api/v1/policies/export?columns=nope");

        var rows = StaffTestKit.ParseCsv(csv);
        Assert.Equal("保单号", rows[0][0]);
        Assert.Equal(2, rows.Count);
        Assert.Contains(Masking.Mobile(mobile), rows[1]);
        Assert.DoesNotContain(mobile, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(other.GetProperty("number").GetString()!, csv, StringComparison.Ordinal);
        var sheet = StaffTestKit.ParseXlsx(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal([(string)body["number"]!, Masking.Mobile(mobile)], sheet[1]);
        Assert.Equal(HttpStatusCode.BadRequest, badColumn.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_policy_is_linked_to_the_customer_whose_mobile_the_holder_gives(Db db)
    {
        var app = apps.For(db);
        var mobile = CustomerTestKit.NewMobile();
        var customer = await app.RegisterIndividualAsync(mobile: mobile);

        var linked = await app.Api().CreatePolicyAsync(PolicyTestKit.Motor(mobile: mobile));
        var unlinked = await app.Api().CreatePolicyAsync(PolicyTestKit.Motor());

        Assert.Equal(customer.GetProperty("id").GetGuid(), linked.GetProperty("customerId").GetGuid());
        Assert.Equal(customer.GetProperty("number").GetString(), linked.GetProperty("customerNumber").GetString());
        Assert.Equal(JsonValueKind.Null, unlinked.GetProperty("customerId").ValueKind);
        var customerPage = await (await app.SignInAsync("admin")).GetPageAsync($"/customers/{customer.GetProperty("id").GetGuid()}");
        var held = customerPage.QuerySelectorAll("[data-testid=customer-policies] [data-policy-number]").Select(e => e.GetAttribute("data-policy-number"));
        Assert.Equal([linked.GetProperty("number").GetString()], held);
    }
}
