using System.Net;
using Anxin.Web.Tests.Infrastructure;

namespace Anxin.Web.Tests.Account;

public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task Sign_in_page_is_rate_limited_per_client()
    {
        await using var app = new AnxinAppFactory(Db.Sqlite, new Dictionary<string, string?> { ["RateLimiting:SignInPerMinute"] = "3" });
        var client = app.Browser();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.GetAsync("/account/login")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
