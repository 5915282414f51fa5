using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Platform;

/// <summary>
/// Every write endpoint in the OpenAPI document gets malformed and hostile input: malformed JSON,
/// wrong types, missing and extra fields, 1 MB strings, invalid ids (in the body and the route),
/// dates in the far past and future, each also inside an otherwise plausible body so that it meets
/// the validation of that field: never a 5xx, and a refused request writes nothing (no row appears
/// in any table, and no audit row, so nothing was changed either).
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
                var requests = Bodies(document, operation!).Select(b => (Url: FillRouteValues(path, Guid.NewGuid().ToString()), b.Label, b.Body))
                    .Concat(path.Contains('{', StringComparison.Ordinal)
                        ? new[] { "not-a-guid", Guid.Empty.ToString(), "-1", new string('9', 400) }
                            .Select(v => (Url: FillRouteValues(path, v), Label: $"route value {v[..Math.Min(v.Length, 12)]}", Body: (string?)"{}"))
                        : []);
                foreach (var (url, label, body) in requests)
                {
                    var rowsBefore = await RowCountAsync(app);
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
                    else if ((int)response.StatusCode >= 400 && await RowCountAsync(app) != rowsBefore)
                    {
                        failures.Add($"{method} {path} [{label}] → {(int)response.StatusCode} but data was written");
                    }
                }
            }
        }

        Assert.True(calls > 10, $"Only {calls} calls made: the OpenAPI document lists too few write endpoints");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static string FillRouteValues(string path, string value) =>
        System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", Uri.EscapeDataString(value));

    /// <summary>All rows of all tables, in one query: any insert (and, through the audit rows, any change) shows.</summary>
    private static Task<long> RowCountAsync(AnxinAppFactory app) => app.WithDbAsync(async d =>
    {
        var tables = d.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal);
        var counts = string.Join(" UNION ALL ", tables.Select(t => $"SELECT COUNT(*) AS n FROM \"{t}\""));
#pragma warning disable EF1002 // table names come from the model
        return await d.Database.SqlQueryRaw<long>($"SELECT CAST(SUM(n) AS BIGINT) AS \"Value\" FROM ({counts}) AS t").SingleAsync();
#pragma warning restore EF1002
    });

    private static IEnumerable<(string Label, string? Body)> Bodies(JsonNode document, JsonNode operation)
    {
        yield return ("no body", null);
        yield return ("malformed", "{ \"a\": ");
        yield return ("array", "[1,2,3]");
        yield return ("string", "\"hello\"");
        yield return ("empty object", "{}");
        yield return ("extra fields", "{\"unexpected\": true, \"__proto__\": {}}");
        var properties = SchemaProperties(document, operation);
        var plausible = PlausibleBody(document, operation);
        foreach (var name in properties)
        {
            yield return ($"{name}: missing, rest plausible", With(plausible, name, null, remove: true));
            yield return ($"{name}: 1 MB, rest plausible", With(plausible, name, JsonValue.Create(new string('字', 1_000_000))));
            yield return ($"{name}: object, rest plausible", With(plausible, name, new JsonObject { ["x"] = new JsonArray(1) }));
            yield return ($"{name}: number, rest plausible", With(plausible, name, JsonValue.Create(12345)));
            yield return ($"{name}: invalid id, rest plausible", With(plausible, name, JsonValue.Create("not-a-guid")));
            yield return ($"{name}: far past, rest plausible", With(plausible, name, JsonValue.Create("0001-01-01T00:00:00Z")));
            yield return ($"{name}: far future, rest plausible", With(plausible, name, JsonValue.Create("9999-12-31T23:59:59Z")));

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

    private static string With(JsonObject plausible, string name, JsonNode? value, bool remove = false)
    {
        var body = plausible.DeepClone().AsObject();
        if (remove)
        {
            body.Remove(name);
        }
        else
        {
            body[name] = value;
        }

        return body.ToJsonString();
    }

    /// <summary>A value of the right type for every property (enums: their first value), so that one broken field meets its own validation.</summary>
    private static JsonObject PlausibleBody(JsonNode document, JsonNode operation)
    {
        var body = new JsonObject();
        var schema = Resolve(document, operation["requestBody"]?["content"]?["application/json"]?["schema"]);
        foreach (var (name, property) in schema?["properties"]?.AsObject() ?? [])
        {
            var p = Resolve(document, property);
            if ((p?["anyOf"] ?? p?["oneOf"]) is JsonArray options)
            {
                p = options.Select(o => Resolve(document, o)).FirstOrDefault(o => o?["type"]?.ToString() != "null") ?? p;
            }

            var type = p?["type"] is JsonArray types ? types.Select(t => t!.ToString()).FirstOrDefault(t => t != "null") : p?["type"]?.ToString();
            var format = p?["format"]?.ToString();
            body[name] = p?["enum"] is JsonArray values && values.FirstOrDefault(v => v is not null) is { } first ? first.DeepClone()
                : format == "uuid" ? JsonValue.Create(Guid.NewGuid())
                : format == "date-time" ? JsonValue.Create(DateTimeOffset.UtcNow.AddHours(-1))
                : format == "date" ? JsonValue.Create(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                : type switch
                {
                    "integer" => JsonValue.Create(1),
                    "number" => JsonValue.Create(1.5),
                    "boolean" => JsonValue.Create(true),
                    "array" => new JsonArray(),
                    "object" => new JsonObject(),
                    _ => JsonValue.Create("测试"),
                };
        }

        return body;
    }

    private static JsonNode? Resolve(JsonNode document, JsonNode? schema) =>
        schema?["$ref"]?.GetValue<string>() is { } reference ? document["components"]?["schemas"]?[reference.Split('/').Last()] : schema;

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
