using System.Net;
using System.Text.Json;
using Anxin.Web.Tests.Infrastructure;

namespace Anxin.Web.Tests.Platform;

public sealed class OperationsTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Health_checks_the_database(Db db)
    {
        var app = apps.For(db);

        var response = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        var app = apps.For(Db.Sqlite);

        var response = await app.CreateClient().GetAsync("/account/login");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_api_resources()
    {
        var app = apps.For(Db.Sqlite);

        var response = await app.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/org-nodes", paths);
        Assert.Contains("/api/v1/org-nodes/{id}/move", paths);
    }

    [Fact]
    public async Task Ui_defaults_to_simplified_chinese_and_api_honours_accept_language()
    {
        var app = apps.For(Db.Sqlite);
        var client = app.Browser();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var page = await client.GetPageAsync("/account/login");
        var api = app.Api();
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var problem = await api.GetAsync("/api/v1/org-nodes/" + Guid.NewGuid());
        var body = await api.PostAsync("/api/v1/org-nodes", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
        Assert.Contains("This field is required.", await body.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chosen_language_sticks_across_requests()
    {
        var app = apps.For(Db.Sqlite);
        var client = await app.SignInAsync("qa");

        var response = await client.PostFormAsync("/culture", new() { ["culture"] = "en", ["returnUrl"] = "/" }, formPage: "/");
        var home = await client.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("en", home.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Hello", home.QuerySelector("h1")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        var saved = await app.WithDbAsync(d => Task.FromResult(d.Users.Single(u => u.UserName == "qa").PreferredCulture));
        Assert.Equal("en", saved);
    }
}
