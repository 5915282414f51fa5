using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Administration;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Tests.Customers;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Cases;

/// <summary>Intent methods for policy and case tests.</summary>
public static class CaseTestKit
{
    /// <summary>A motor policy in force from 30 days ago for a year, arranged directly in the database.</summary>
    public static async Task<(Guid Id, string Number, string Plate)> SeedMotorPolicyAsync(this AnxinAppFactory app, string? insurerCode,
        params CoverageDraft[] coverages)
    {
        var number = "PT" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        var plate = NewPlate();
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        var id = await app.WithDbAsync(async db =>
        {
            var insurerId = insurerCode is null ? (Guid?)null : await db.Insurers.Where(i => i.Code == insurerCode).Select(i => i.Id).SingleAsync();
            var node = await db.OrgNodes.SingleAsync(n => n.Code == "GD");
            var policy = Policy.Register(new PolicyDraft(number, ProductLine.Motor, "测试投保人", CustomerTestKit.NewMobile(), "测试被保险人", null,
                start, start.AddYears(1), 2000m, plate, null, null, null,
                coverages.Length > 0 ? coverages : [new("VD", null, 150_000m, 500m), new("TPL", null, 1_000_000m)]), insurerId, null, node);
            db.Policies.Add(policy);
            await db.SaveChangesAsync();
            return policy.Id;
        });
        return (id, number, plate);
    }

    public static string NewPlate() => "粤B" + Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Dictionary<string, object?> Report(string? insurerCode = "PICC", string? policyNumber = null, string? plate = null,
        string cause = "Collision", DateTimeOffset? lossAt = null) => new()
    {
        ["insurerCode"] = insurerCode,
        ["policyNumber"] = policyNumber,
        ["plate"] = plate,
        ["line"] = "Motor",
        ["reporterName"] = "李报案",
        ["reporterMobile"] = CustomerTestKit.NewMobile(),
        ["lossAt"] = lossAt ?? DateTimeOffset.UtcNow.AddHours(-1),
        ["lossPlace"] = "深圳市南山区深南大道 9988 号",
        ["latitude"] = 22.5405,
        ["longitude"] = 113.9345,
        ["cause"] = cause,
        ["description"] = "追尾前车，车头受损 " + Guid.NewGuid().ToString("N")[..8],
        ["injuries"] = false,
    };

    public static async Task<JsonElement> ReportAsync(this HttpClient api, object body, string? idempotencyKey = null)
    {
        var response = await PostReportAsync(api, body, idempotencyKey);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync<JsonElement>();
    }

    public static async Task<HttpResponseMessage> PostReportAsync(this HttpClient api, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await api.SendAsync(request);
    }

    /// <summary>An API key of a commissioning insurer, at head office, with the case permissions.</summary>
    public static async Task<string> CreateInsurerKeyAsync(this AnxinAppFactory app, string insurerCode)
    {
        var secret = "ak_test-" + insurerCode.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N");
        await app.WithDbAsync(async db =>
        {
            var insurerId = await db.Insurers.Where(i => i.Code == insurerCode).Select(i => i.Id).SingleAsync();
            var node = await db.OrgNodes.SingleAsync(n => n.Code == "HO");
            var admin = await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync();
            db.ApiKeys.Add(ApiKey.Create("测试 " + insurerCode, ApiKeys.DisplayPrefix(secret), ApiKeys.Hash(secret), node,
                [Permissions.Cases.Report, Permissions.Cases.View, Permissions.Policies.View], admin, insurerId));
            return await db.SaveChangesAsync();
        });
        return secret;
    }
}
