using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Anxin.Web.Tests.Infrastructure;

namespace Anxin.Web.Tests.Administration;

internal sealed record NodeJson(Guid Id, string Code, string Path);

internal sealed record CreatedKeyJson(Guid Id, string Key, string Name, string Prefix, Guid OrgNodeId, string[] Permissions);

internal sealed record RoleJson(string Code, string[] Permissions);

internal sealed record AuditRowJson(Guid Id, DateTimeOffset At, string? Actor, string Kind, string Action, string EntityType,
    string? EntityId, string? Field, string? OldValue, string? NewValue, string? RequestId);

internal sealed record AuditPageJson(AuditRowJson[] Items, string? NextCursor);

/// <summary>Intent methods for the administration tests.</summary>
internal static class AdminApi
{
    private static readonly HtmlParser Parser = new();

    public static async Task<Guid> NodeIdAsync(this AnxinAppFactory app, string code)
    {
        var nodes = await app.Api().GetFromJsonAsync<NodeJson[]>("/api/v1/org-nodes");
        return nodes!.Single(n => n.Code == code).Id;
    }

    /// <summary>Creates a key with the head-office demo key (or <paramref name="by"/>) and returns it.</summary>
    public static async Task<CreatedKeyJson> CreateKeyAsync(this AnxinAppFactory app, string name, string nodeCode, params string[] permissions)
    {
        var response = await app.Api().PostAsJsonAsync("/api/v1/api-keys", new { name, orgNodeId = await app.NodeIdAsync(nodeCode), permissions });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync<CreatedKeyJson>();
    }

    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Posts a form that may repeat a field name (checkbox lists), with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFieldsAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string formPage)
    {
        var html = await (await client.GetAsync(formPage)).Content.ReadAsStringAsync();
        var token = Parser.ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No antiforgery token on " + formPage);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":" + (int)status, body, StringComparison.Ordinal);
    }

    public static void AssertDenied(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/denied", StringComparison.OrdinalIgnoreCase)),
            $"Expected 403 or a redirect to /account/denied, got {(int)response.StatusCode} {response.Headers.Location}");
    }
}
