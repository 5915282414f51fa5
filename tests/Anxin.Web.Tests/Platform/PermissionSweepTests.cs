using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Tests.Cases;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Platform;

/// <summary>
/// Every endpoint in the OpenAPI document, called without credentials, with a revoked API key,
/// and by callers of another organisation subtree or another insurer with the other side's ids:
/// 401/403/404 as fits, never a 5xx, never a success on the other side's objects, and none of the
/// other side's data in any response.
/// </summary>
public sealed partial class PermissionSweepTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Without_credentials_or_with_a_revoked_key_every_endpoint_is_401(Db db)
    {
        var app = apps.For(db);
        var revoked = await CreateKeyAsync(app, "HO", insurerCode: null, revoke: true);
        var endpoints = await EndpointsAsync(app);
        var failures = new List<string>();

        foreach (var (method, path, form) in endpoints)
        {
            var url = Regex.Replace(path, "{[^}]+}", Guid.NewGuid().ToString());
            foreach (var (label, client) in new[] { ("anonymous", app.CreateClient()), ("revoked key", app.Api(revoked)) })
            {
                using var response = await client.SendAsync(Request(method, url, form));
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    failures.Add($"{label}: {method} {path} → {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(endpoints.Count > 20, $"only {endpoints.Count} endpoints in the OpenAPI document");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task A_key_of_another_subtree_and_insurer_gets_nothing_of_the_other_side_from_any_endpoint(Db db)
    {
        var app = apps.For(db);

        // The other side: Zhejiang's nodes and staff (another subtree), and a PAIC case and policy (another insurer).
        var paicCase = await app.Api().ReportAsync(CaseTestKit.Report(insurerCode: "PAIC", plate: CaseTestKit.NewPlate()));
        var caseNumber = paicCase.GetProperty("number").GetString()!;
        var other = await app.WithDbAsync(async d =>
        {
            var zj = await d.OrgNodes.SingleAsync(n => n.Code == "ZJ");
            var nodes = await d.OrgNodes.Where(n => n.Path.StartsWith(zj.Path)).Select(n => new { n.Id, n.Name }).ToListAsync();
            var staff = await d.Staff.Where(s => s.OrgPath.StartsWith(zj.Path)).Select(s => new { s.Id, s.Name }).ToListAsync();
            var paic = await d.Insurers.Where(i => i.Code == "PAIC").Select(i => i.Id).SingleAsync();
            var policies = await d.Policies.Where(p => p.InsurerId == paic).Select(p => new { p.Id, p.Number }).ToListAsync();
            return new
            {
                Ids = nodes.Select(n => n.Id).Concat(staff.Select(s => s.Id)).Concat(policies.Select(p => p.Id)).ToList(),
                Markers = nodes.Select(n => n.Name).Concat(staff.Select(s => s.Name)).Concat(policies.Select(p => p.Number)).ToList(),
            };
        });
        var ids = other.Ids.Append(paicCase.GetProperty("id").GetGuid()).ToList();
        var markers = other.Markers.Append(caseNumber).Append(paicCase.GetProperty("description").GetString()!).ToList();

        // The caller: a PICC key at the Guangdong branch with every permission.
        var key = await CreateKeyAsync(app, "GD", insurerCode: "PICC", revoke: false);
        var api = app.Api(key);
        var endpoints = await EndpointsAsync(app);
        var failures = new List<string>();
        var calls = 0;
        foreach (var (method, path, form) in endpoints)
        {
            var targets = path.Contains('{', StringComparison.Ordinal)
                ? ids.Select(id => Regex.Replace(Regex.Replace(path, "{[^}]*(id|Id)[^}]*}", id.ToString()), "{[^}]+}", "x")).ToList()
                : [path];
            foreach (var url in targets)
            {
                using var response = await api.SendAsync(Request(method, url, form));
                calls++;
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                if (status >= 500)
                {
                    failures.Add($"{method} {url} → {status}");
                }
                else if (url != path && status < 300)
                {
                    failures.Add($"{method} {url} → {status}: the other side's object answered");
                }

                foreach (var marker in markers.Where(m => body.Contains(m, StringComparison.Ordinal)))
                {
                    failures.Add($"{method} {url} → {status} shows \"{marker}\"");
                }
            }
        }

        Assert.True(calls > 50, $"only {calls} calls");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Distinct()));
    }

    /// <summary>A body of the kind the endpoint takes (an upload endpoint answers any other content type 415 at routing, before authentication).</summary>
    private static HttpRequestMessage Request(string method, string url, bool form) => new(new HttpMethod(method), url)
    {
        Content = method is "GET" or "DELETE" ? null
            : form ? new MultipartFormDataContent { { new ByteArrayContent([0x25, 0x50, 0x44, 0x46]), "file", "x.pdf" } }
            : new StringContent("{}", Encoding.UTF8, "application/json"),
    };

    private static async Task<List<(string Method, string Path, bool Form)>> EndpointsAsync(AnxinAppFactory app)
    {
        var document = JsonNode.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        // Only the API requires credentials; /culture (switching the language) is anonymous by design.
        return document["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "delete" or "patch")
                .Select(o => (o.Key.ToUpperInvariant(), p.Key,
                    o.Value?["requestBody"]?["content"]?.AsObject().Any(c => c.Key == "multipart/form-data") == true)))
            .ToList();
    }

    private static async Task<string> CreateKeyAsync(AnxinAppFactory app, string nodeCode, string? insurerCode, bool revoke)
    {
        var secret = "ak_sweep-" + Guid.NewGuid().ToString("N");
        await app.WithDbAsync(async d =>
        {
            var node = await d.OrgNodes.SingleAsync(n => n.Code == nodeCode);
            var admin = await d.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync();
            var insurer = insurerCode is null ? (Guid?)null : await d.Insurers.Where(i => i.Code == insurerCode).Select(i => i.Id).SingleAsync();
            var key = ApiKey.Create("sweep " + nodeCode, ApiKeys.DisplayPrefix(secret), ApiKeys.Hash(secret), node, Permissions.All, admin, insurer);
            if (revoke)
            {
                key.Revoke(admin, DateTimeOffset.UtcNow);
            }

            d.ApiKeys.Add(key);
            return await d.SaveChangesAsync();
        });
        return secret;
    }
}
