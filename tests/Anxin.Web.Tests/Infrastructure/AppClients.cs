using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Anxin.Web.Infrastructure.Demo;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Anxin.Web.Tests.Infrastructure;

/// <summary>Intent methods for tests: sign in as a demo user, call the API with a key, read pages.</summary>
public static class AppClients
{
    private static readonly HtmlParser Parser = new();

    public static HttpClient Browser(this AnxinAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real login form; returns a client carrying the auth cookie.</summary>
    public static async Task<HttpClient> SignInAsync(this AnxinAppFactory app, string userName, string password = DemoDataSeeder.Password)
    {
        var client = app.Browser();
        var response = await client.PostFormAsync("/account/login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    public static HttpClient Api(this AnxinAppFactory app, string apiKey = DemoDataSeeder.HeadOfficeApiKey)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>GETs the form page, then posts the fields with its antiforgery token (like a browser).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetAsync(formPage ?? url);
        var html = await page.Content.ReadAsStringAsync();
        var token = Parser.ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {formPage ?? url} ({(int)page.StatusCode})");
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    public static async Task<IHtmlDocument> ReadHtmlAsync(this HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    public static async Task<T> ReadJsonAsync<T>(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>() ?? throw new InvalidOperationException("Empty JSON body");
}
