using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Anxin.Domain.Administration;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Messaging;
using Anxin.Web.Tests.Infrastructure;
using Anxin.Web.Tests.Staff;

namespace Anxin.Web.Tests.Customers;

/// <summary>CUS-01, X-05, X-08: registering customers with numbers, validation and duplicate detection.</summary>
public sealed partial class CustomerRegistrationTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Registration_assigns_a_KH_number_and_derives_gender_and_birth_date(Db db)
    {
        var app = apps.For(db);
        var idNumber = CustomerTestKit.NewIdNumber(male: false, birth: "19920229");

        var customer = await app.RegisterIndividualAsync(idNumber);

        Assert.Matches(KhNumber(), customer.GetProperty("number").GetString());
        Assert.Equal("Female", customer.GetProperty("gender").GetString());
        Assert.Equal("1992-02-29", customer.GetProperty("birthDate").GetString());
        Assert.Equal(Masking.IdNumber(idNumber), customer.GetProperty("idNumber").GetString());
        var organisation = await app.Api().RegisterAsync(new { kind = "Organisation", name = "深圳安信科技有限公司", creditCode = CustomerTestKit.NewCreditCode(), mobile = CustomerTestKit.NewMobile() });
        Assert.Matches(KhNumber(), organisation.GetProperty("number").GetString());
        Assert.NotEqual(customer.GetProperty("number").GetString(), organisation.GetProperty("number").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Invalid_id_number_mobile_and_credit_code_are_field_errors(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();

        var individual = await api.PostAsJsonAsync("/api/v1/customers", new { kind = "Individual", name = "张三", idNumber = "110105199013", mobile = "12345678901" });
        var checksum = await api.PostAsJsonAsync("/api/v1/customers", new { kind = "Individual", name = "张三", idNumber = "11010519491231002Y", mobile = CustomerTestKit.NewMobile() });
        var organisation = await api.PostAsJsonAsync("/api/v1/customers", new { kind = "Organisation", name = "某公司", creditCode = "91440300MA5XXXXXX0", mobile = CustomerTestKit.NewMobile() });

        Assert.Equal(HttpStatusCode.BadRequest, individual.StatusCode);
        var codes = CustomerTestKit.Codes(await individual.ReadJsonAsync<JsonElement>());
        Assert.Equal([ValidationCodes.IdNumberFormat], codes["idNumber"]);
        Assert.Equal([ValidationCodes.MobileFormat], codes["mobile"]);
        Assert.Equal(HttpStatusCode.BadRequest, checksum.StatusCode);
        Assert.True(CustomerTestKit.Codes(await checksum.ReadJsonAsync<JsonElement>()).ContainsKey("idNumber"));
        Assert.Equal(HttpStatusCode.BadRequest, organisation.StatusCode);
        Assert.True(CustomerTestKit.Codes(await organisation.ReadJsonAsync<JsonElement>()).ContainsKey("creditCode"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_same_id_number_is_refused_naming_the_existing_customer(Db db)
    {
        var app = apps.For(db);
        var idNumber = CustomerTestKit.NewIdNumber();
        var first = await app.RegisterIndividualAsync(idNumber);

        var again = await app.Api().PostAsJsonAsync("/api/v1/customers", CustomerTestKit.Individual(idNumber.ToLowerInvariant()));

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var problem = await again.ReadJsonAsync<JsonElement>();
        Assert.Equal(["Customer.DuplicateId"], CustomerTestKit.Codes(problem)["idNumber"]);
        var message = problem.GetProperty("errors").GetProperty("idNumber")[0].GetString();
        Assert.Contains(first.GetProperty("number").GetString()!, message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_same_mobile_needs_a_confirmation(Db db)
    {
        var app = apps.For(db);
        var mobile = CustomerTestKit.NewMobile();
        var first = await app.RegisterIndividualAsync(mobile: mobile);

        var warned = await app.Api().PostAsJsonAsync("/api/v1/customers", CustomerTestKit.Individual(mobile: mobile));
        Assert.Equal(HttpStatusCode.Conflict, warned.StatusCode);
        var problem = await warned.ReadJsonAsync<JsonElement>();
        Assert.Equal("Customer.DuplicateMobile", problem.GetProperty("code").GetString());
        var match = Assert.Single(problem.GetProperty("possibleDuplicates").EnumerateArray());
        Assert.Equal(first.GetProperty("number").GetString(), match.GetProperty("number").GetString());
        Assert.DoesNotContain(mobile, problem.GetRawText(), StringComparison.Ordinal);

        var confirmed = await app.Api().RegisterAsync(CustomerTestKit.Individual(mobile: mobile, confirm: true));
        Assert.NotEqual(first.GetProperty("id").GetGuid(), confirmed.GetProperty("id").GetGuid());
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task The_register_page_shows_possible_duplicates_and_registers_when_confirmed(Db db)
    {
        var app = apps.For(db);
        var mobile = CustomerTestKit.NewMobile();
        var nanshanApi = await app.ScopedApiAsync("GD-SZ-NS", Permissions.Customers.View, Permissions.Customers.Manage);
        var first = await nanshanApi.RegisterAsync(CustomerTestKit.Individual(mobile: mobile));
        var browser = await app.SignInAsync("nsteller");
        Dictionary<string, string> Form(bool confirm) => new()
        {
            ["Input.Kind"] = "Individual", ["Input.Name"] = "王五", ["Input.IdNumber"] = CustomerTestKit.NewIdNumber(), ["Input.Mobile"] = mobile,
            ["Input.ConfirmDuplicateMobile"] = confirm ? "true" : "false",
        };

        var warned = await (await browser.PostFormAsync("/customers/new", Form(false))).ReadHtmlAsync();
        var link = warned.QuerySelector("[data-testid=possible-duplicates] a");
        Assert.Equal($"/customers/{first.GetProperty("id").GetGuid()}", link?.GetAttribute("href"));

        var saved = await browser.PostFormAsync("/customers/new", Form(true));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await browser.GetPageAsync(saved.Headers.Location!.ToString());
        Assert.Matches(KhNumber(), page.QuerySelector("[data-testid=customer-number]")?.TextContent);
        Assert.NotNull(page.QuerySelector("form[data-main-form] [autofocus]"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task An_idempotent_replay_returns_the_same_customer(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();
        var name = "幂等" + StaffTestKit.Unique("I");
        var body = new { kind = "Individual", name, idNumber = CustomerTestKit.NewIdNumber(), mobile = CustomerTestKit.NewMobile() };
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers") { Content = JsonContent.Create(body) };
            request.Headers.Add(Idempotency.Header, key);
            return await api.SendAsync(request);
        }

        var first = await PostAsync();
        var replay = await PostAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.True(replay.Headers.Contains(Idempotency.ReplayedHeader));
        var a = await first.ReadJsonAsync<JsonElement>();
        var b = await replay.ReadJsonAsync<JsonElement>();
        Assert.Equal(a.GetProperty("id").GetGuid(), b.GetProperty("id").GetGuid());
        Assert.Equal(a.GetProperty("number").GetString(), b.GetProperty("number").GetString());
        var found = await (await api.GetAsync("/api/v1/customers?q=" + Uri.EscapeDataString(name))).ReadJsonAsync<JsonElement>();
        Assert.Equal(1, found.GetProperty("total").GetInt32());
    }

    [GeneratedRegex(@"^KH\d{8}\d{6}$", RegexOptions.None, 1000)]
    private static partial Regex KhNumber();
}
