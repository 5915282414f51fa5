using System.Net;
using Anxin.Web.Tests.Infrastructure;

namespace Anxin.Web.Tests.Account;

public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_per_client_but_page_views_are_not()
    {
        await using var app = new AnxinAppFactory(Db.Sqlite, new Dictionary<string, string?> { ["RateLimiting:SignInPerMinute"] = "3" });
        var client = app.Browser();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            // PostFormAsync loads the page first (a view, never limited), then posts an attempt.
            var attempt = await client.PostFormAsync("/account/login", new() { ["Input.UserName"] = "hzsales", ["Input.Password"] = "wrong" });
            statuses.Add(attempt.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }
}
