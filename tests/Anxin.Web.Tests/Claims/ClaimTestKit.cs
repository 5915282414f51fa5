using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Demo;
using Anxin.Web.Tests.Cases;
using Anxin.Web.Tests.Customers;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Claims;

/// <summary>Intent methods for the claim tests: a case reported by the hotline, a claim opened by a handler, the claim's steps through the API.</summary>
public static class ClaimTestKit
{
    /// <summary>A PICC motor policy in force for the last 200 days (so no "soon after inception" flag), with a vehicle-damage cover.</summary>
    public static async Task<(Guid Id, string Number, string Plate)> SeedPolicyAsync(this AnxinAppFactory app)
    {
        var number = "PC" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        var plate = CaseTestKit.NewPlate();
        var start = DateTimeOffset.UtcNow.AddDays(-200);
        var id = await app.WithDbAsync(async db =>
        {
            var insurerId = await db.Insurers.Where(i => i.Code == "PICC").Select(i => i.Id).SingleAsync();
            var node = await db.OrgNodes.SingleAsync(n => n.Code == "GD");
            var policy = Policy.Register(new PolicyDraft(number, ProductLine.Motor, "测试投保人", CustomerTestKit.NewMobile(), "测试被保险人", null,
                start, start.AddYears(1), 2000m, plate, null, null, null,
                [new("VD", null, 150_000m, 500m), new("TPL", null, 1_000_000m)]), insurerId, null, node);
            db.Policies.Add(policy);
            await db.SaveChangesAsync();
            return policy.Id;
        });
        return (id, number, plate);
    }

    /// <summary>The hotline (agent1, 广东客服) reports a loss; returns the case JSON. An unknown policy number leaves it unverified.</summary>
    public static async Task<JsonElement> ReportCaseAsync(this AnxinAppFactory app, string? policyNumber = null, string? plate = null,
        DateTimeOffset? lossAt = null)
    {
        var agent = await app.SignInAsync("agent1");
        return await agent.ReportAsync(CaseTestKit.Report(policyNumber: policyNumber, plate: plate, lossAt: lossAt));
    }

    public static async Task<JsonElement> OpenFromCaseAsync(this HttpClient handler, Guid caseId)
    {
        var response = await handler.PostAsJsonAsync("/api/v1/claims", new { caseId });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync<JsonElement>();
    }

    /// <summary>A case on a fresh verified policy and a claim on it opened by <paramref name="handler"/>.</summary>
    public static async Task<JsonElement> OpenClaimAsync(this AnxinAppFactory app, HttpClient handler)
    {
        var policy = await app.SeedPolicyAsync();
        var @case = await app.ReportCaseAsync(policy.Number);
        return await handler.OpenFromCaseAsync(@case.GetProperty("id").GetGuid());
    }

    /// <summary>How many documents the PICC motor checklist asks for (the demo list: the defaults plus the registration certificate).</summary>
    public static Task<int> PiccMotorChecklistCountAsync(this AnxinAppFactory app) =>
        app.WithDbAsync(async db => (await db.RequiredDocumentLists.AsNoTracking()
            .SingleAsync(l => l.Line == ProductLine.Motor && l.InsurerId == db.Insurers.Where(i => i.Code == "PICC").Select(i => (Guid?)i.Id).Single())).ItemList().Count());

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, Guid claimId, string action, object? body = null) =>
        client.PostAsJsonAsync($"/api/v1/claims/{claimId}/{action}", body ?? new { });

    /// <summary>Posts a step that must succeed; returns the claim afterwards.</summary>
    public static async Task<JsonElement> StepAsync(this HttpClient client, Guid claimId, string action, object? body = null)
    {
        var response = await client.ActAsync(claimId, action, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetClaimAsync(this HttpClient client, Guid claimId) =>
        await (await client.GetAsync($"/api/v1/claims/{claimId}")).ReadJsonAsync<JsonElement>();

    public static Guid Id(this JsonElement claim) => claim.GetProperty("id").GetGuid();

    public static string Status(this JsonElement claim) => claim.GetProperty("status").GetString()!;

    public static string Number(this JsonElement claim) => claim.GetProperty("number").GetString()!;

    public static long Version(this JsonElement claim) => claim.GetProperty("version").GetInt64();

    /// <summary>Codes of the documents still missing.</summary>
    public static IReadOnlyList<string> Missing(this JsonElement claim) =>
        claim.GetProperty("documents").EnumerateArray().Where(d => d.GetProperty("isMissing").GetBoolean()).Select(d => d.GetProperty("code").GetString()!).ToList();

    /// <summary>Every document still missing, received in one submission.</summary>
    public static Task<JsonElement> ReceiveAllAsync(this HttpClient client, JsonElement claim) =>
        client.StepAsync(claim.Id(), "documents", new { documents = claim.Missing().Select(code => new { code }).ToArray() });

    /// <summary>A vehicle-damage loss of <paramref name="loss"/> less the 500 deductible.</summary>
    public static object Coverages(decimal loss) => new
    {
        coverages = new[] { new { coverage = "VD", assessedLoss = loss, deductibleAmount = 500m, sumInsured = 150_000m } },
    };

    /// <summary>A bank card number no other test uses, with a valid Luhn check digit.</summary>
    public static string NewBankCard()
    {
        var body = "622202" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture) + Random.Shared.Next(10, 99).ToString(CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var digit = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return body + ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Problem details' stable codes per field.</summary>
    public static async Task<Dictionary<string, string[]>> CodesAsync(this HttpResponseMessage response) =>
        CustomerTestKit.Codes(await response.ReadJsonAsync<JsonElement>());

    public static async Task<HttpClient> LogInAsync(this WebApplicationFactory<Program> app, string userName)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostFormAsync("/account/login", new() { ["Input.UserName"] = userName, ["Input.Password"] = DemoDataSeeder.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
