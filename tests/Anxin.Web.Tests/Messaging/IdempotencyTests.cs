using System.Net;
using System.Net.Http.Json;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Messaging;

public sealed class IdempotencyTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Replay_with_the_same_key_and_body_returns_the_first_response_and_creates_one_node(Db db)
    {
        var app = apps.For(db);
        var parentId = await app.WithDbAsync(d => d.OrgNodes.Where(n => n.Code == "GD-SZ").Select(n => n.Id).SingleAsync());
        var code = "I-" + Guid.NewGuid().ToString("N")[..10];
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(app, key, new { parentId, kind = "SubBranch", code, name = "幂等支公司" });
        var second = await PostAsync(app, key, new { parentId, kind = "SubBranch", code, name = "幂等支公司" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await app.WithDbAsync(d => d.OrgNodes.CountAsync(n => n.Code == code)));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Same_key_with_a_different_body_is_a_409_and_an_overlong_key_a_400(Db db)
    {
        var app = apps.For(db);
        var parentId = await app.WithDbAsync(d => d.OrgNodes.Where(n => n.Code == "GD-SZ").Select(n => n.Id).SingleAsync());
        var key = Guid.NewGuid().ToString();
        var code = "J-" + Guid.NewGuid().ToString("N")[..10];

        var first = await PostAsync(app, key, new { parentId, kind = "SubBranch", code, name = "第一个" });
        var conflicting = await PostAsync(app, key, new { parentId, kind = "SubBranch", code = code + "X", name = "第二个" });
        var overlong = await PostAsync(app, new string('k', 101), new { parentId, kind = "SubBranch", code = code + "Y", name = "第三个" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflicting.StatusCode);
        Assert.Equal("application/problem+json", conflicting.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, overlong.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(d => d.OrgNodes.CountAsync(n => n.Code == code + "X" || n.Code == code + "Y")));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Concurrent_duplicates_create_one_node(Db db)
    {
        var app = apps.For(db);
        var parentId = await app.WithDbAsync(d => d.OrgNodes.Where(n => n.Code == "GD-GZ").Select(n => n.Id).SingleAsync());
        var key = Guid.NewGuid().ToString();
        var code = "K-" + Guid.NewGuid().ToString("N")[..10];

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostAsync(app, key, new { parentId, kind = "SubBranch", code, name = "并发幂等" })));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1, await app.WithDbAsync(d => d.OrgNodes.CountAsync(n => n.Code == code)));
    }

    private static async Task<HttpResponseMessage> PostAsync(AnxinAppFactory app, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/org-nodes") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await app.Api().SendAsync(request);
    }
}
