using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Tests.Cases;
using Anxin.Web.Tests.Customers;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Policies;

/// <summary>Intent methods for the policy register tests: policies through the API, import files, insurer keys.</summary>
public static class PolicyTestKit
{
    public const string Header = "保单号,委托公司,险种,投保人,投保人手机,被保险人,被保险人证件号,起保日期,终保日期,保费,车牌号,车架号,标的地址,产品序列号,险别";

    public static string NewNumber() => "TP" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();

    /// <summary>A motor policy in force from 30 days ago for a year, as the API takes it.</summary>
    public static Dictionary<string, object?> Motor(string? insurerCode = "PICC", string? number = null, string? mobile = null, string? plate = null) => new()
    {
        ["insurerCode"] = insurerCode,
        ["number"] = number ?? NewNumber(),
        ["line"] = "Motor",
        ["holderName"] = "张伟",
        ["holderMobile"] = mobile ?? CustomerTestKit.NewMobile(),
        ["insuredName"] = "张伟",
        ["insuredIdNumber"] = "11010519491231002X",
        ["startsAt"] = DateTimeOffset.UtcNow.AddDays(-30),
        ["endsAt"] = DateTimeOffset.UtcNow.AddDays(335),
        ["premium"] = 4860.00m,
        ["plate"] = plate ?? CaseTestKit.NewPlate(),
        ["vin"] = "LSVAM4187C2184752",
        ["coverages"] = new object[]
        {
            new { code = "CTPL", sumInsured = 200_000m },
            new { code = "VD", sumInsured = 180_000m, deductible = 500m },
            new { code = "TPL", sumInsured = 1_000_000m },
        },
    };

    public static async Task<JsonElement> CreatePolicyAsync(this HttpClient api, object body)
    {
        var response = await api.PostAsJsonAsync("/api/v1/policies", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync<JsonElement>();
    }

    /// <summary>An API key of a commissioning insurer at head office, with the given permissions.</summary>
    public static async Task<HttpClient> InsurerApiAsync(this AnxinAppFactory app, string insurerCode, params string[] permissions)
    {
        var secret = ApiKeys.Generate();
        await app.WithDbAsync(async db =>
        {
            var insurerId = await db.Insurers.Where(i => i.Code == insurerCode).Select(i => i.Id).SingleAsync();
            var node = await db.OrgNodes.SingleAsync(n => n.Code == "HO");
            db.ApiKeys.Add(ApiKey.Create("test " + insurerCode, ApiKeys.DisplayPrefix(secret), ApiKeys.Hash(secret), node,
                permissions.Length > 0 ? permissions : [Permissions.Policies.View, Permissions.Policies.Manage, Permissions.Policies.Import, Permissions.Cases.View],
                Guid.Empty, insurerId));
            return await db.SaveChangesAsync();
        });
        return app.Api(secret);
    }

    /// <summary>One CSV row in the template's column order.</summary>
    public static string Row(string number, string insurer = "PICC", string line = "车险", string premium = "4860.00", string starts = "2026-03-01",
        string ends = "2027-02-28", string? plate = null, string coverages = "CTPL:200000;VD:180000:500;TPL:1000000", string mobile = "",
        string address = "", string vin = "", string serial = "") =>
        string.Join(',', number, insurer, line, "张伟", mobile, "张伟", "11010519491231002X", starts, ends, premium, plate ?? CaseTestKit.NewPlate(), vin,
            address, serial, coverages);

    public static string Csv(params string[] rows) => Header + "\r\n" + string.Join("\r\n", rows) + "\r\n";

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient api, string csv, Encoding? encoding = null) =>
        api.ImportAsync((encoding ?? Encoding.UTF8).GetBytes(csv));

    public static async Task<HttpResponseMessage> ImportAsync(this HttpClient api, byte[] bytes)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "policies.csv");
        return await api.PostAsync("/api/v1/policies/import", content);
    }

    /// <summary>Posts a file to the import page like a browser: the antiforgery token from the page, multipart form data.</summary>
    public static async Task<HttpResponseMessage> PostImportPageAsync(this HttpClient browser, string csv)
    {
        var page = await browser.GetStringAsync("/policies/import");
        var token = new HtmlParser().ParseDocument(page).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "Upload", "policies.csv");
        return await browser.PostAsync("/policies/import", content);
    }

    public static Task<int> CountPoliciesAsync(this AnxinAppFactory app, params string[] numbers) =>
        app.WithDbAsync(db => db.Policies.IgnoreQueryFilters().CountAsync(p => numbers.Contains(p.Number)));

    public static async Task<List<JsonElement>> ListPoliciesAsync(this HttpClient api, string query)
    {
        var response = await api.GetAsync("/api/v1/policies?pageSize=200&" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await response.ReadJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()];
    }
}
