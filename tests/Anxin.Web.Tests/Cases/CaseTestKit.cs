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
    public static Task<(Guid Id, string Number, string Plate)> SeedMotorPolicyAsync(this AnxinAppFactory app, string? insurerCode,
        params CoverageDraft[] coverages) => app.SeedMotorPolicyAsync(insurerCode, null, coverages);

    /// <summary>As above, with the given policy number (e.g. one a report named before the policy was registered).</summary>
    public static async Task<(Guid Id, string Number, string Plate)> SeedMotorPolicyAsync(this AnxinAppFactory app, string? insurerCode, string? number,
        params CoverageDraft[] coverages)
    {
        number ??= NewPolicyNumber();
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

    public static string NewPolicyNumber() => "PT" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();

    /// <summary>The smallest file the attachment check accepts as a PNG (its signature), with a little body.</summary>
    public static byte[] Png(int size = 64)
    {
        var bytes = new byte[size];
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>Like <see cref="AppClients.PostFormAsync"/> but multipart, with files (name, content type, bytes) under <paramref name="fileField"/>.</summary>
    public static async Task<HttpResponseMessage> PostMultipartFormAsync(this HttpClient client, string url, Dictionary<string, string> fields,
        string fileField, IEnumerable<(string Name, string ContentType, byte[] Content)> files, string? formPage = null)
    {
        var page = await client.GetPageAsync(formPage ?? url);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {formPage ?? url}");
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        content.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
            content.Add(part, fileField, file.Name);
        }

        return await client.PostAsync(url, content);
    }

    /// <summary>Uploads files to a case through the API (multipart, field "files").</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient api, Guid caseId, params (string Name, string ContentType, byte[] Content)[] files)
    {
        using var content = new MultipartFormDataContent();
        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
            content.Add(part, "files", file.Name);
        }

        return await api.PostAsync($"/api/v1/cases/{caseId}/attachments", content);
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
