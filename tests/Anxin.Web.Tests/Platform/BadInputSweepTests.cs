using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Platform;

/// <summary>
/// Every write endpoint in the OpenAPI document gets malformed and hostile input: never a 5xx,
/// and a refused request writes nothing (no audit rows appear).
/// </summary>
public sealed class BadInputSweepTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task No_write_endpoint_answers_bad_input_with_a_server_error(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();
        var document = JsonNode.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var failures = new List<string>();
        var calls = 0;

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => o.Key is "post" or "put" or "delete" or "patch"))
            {
                var url = FillRouteValues(path);
                foreach (var (label, body) in Bodies(document, operation!))
                {
                    var auditBefore = await app.WithDbAsync(d => d.AuditEntries.CountAsync());
                    using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url)
                    {
                        Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
                    };
                    var response = await api.SendAsync(request);
                    calls++;
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{method} {path} [{label}] → {(int)response.StatusCode}");
                    }
                    else if ((int)response.StatusCode >= 400 && await app.WithDbAsync(d => d.AuditEntries.CountAsync()) != auditBefore)
                    {
                        failures.Add($"{method} {path} [{label}] → {(int)response.StatusCode} but data was written");
                    }
                }
            }
        }

        Assert.True(calls > 10, $"Only {calls} calls made: the OpenAPI document lists too few write endpoints");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static string FillRouteValues(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", Guid.NewGuid().ToString());

    private static IEnumerable<(string Label, string? Body)> Bodies(JsonNode document, JsonNode operation)
    {
        yield return ("no body", null);
        yield return ("malformed", "{ \"a\": ");
        yield return ("array", "[1,2,3]");
        yield return ("string", "\"hello\"");
        yield return ("empty object", "{}");
        yield return ("extra fields", "{\"unexpected\": true, \"__proto__\": {}}");
        var properties = SchemaProperties(document, operation);
        foreach (var name in properties)
        {
            yield return ($"{name}: 1 MB", Json(name, new string('字', 1_000_000)));
            yield return ($"{name}: number", Json(name, 12345));
            yield return ($"{name}: object", $"{{\"{name}\": {{\"x\": [1]}}}}");
            yield return ($"{name}: invalid id", Json(name, "not-a-guid"));
            yield return ($"{name}: far past", Json(name, "0001-01-01T00:00:00Z"));
            yield return ($"{name}: far future", Json(name, "9999-12-31T23:59:59Z"));
            yield return ($"{name}: huge number", $"{{\"{name}\": 1e400}}");
            yield return ($"{name}: negative", $"{{\"{name}\": -9223372036854775808}}");
        }
    }

    private static string Json(string name, object value) => JsonSerializer.Serialize(new Dictionary<string, object> { [name] = value });

    private static IReadOnlyList<string> SchemaProperties(JsonNode document, JsonNode operation)
    {
        var schema = operation["requestBody"]?["content"]?["application/json"]?["schema"];
        if (schema?["$ref"]?.GetValue<string>() is { } reference)
        {
            schema = document["components"]?["schemas"]?[reference.Split('/').Last()];
        }

        return schema?["properties"]?.AsObject().Select(p => p.Key).ToList() ?? [];
    }
}
