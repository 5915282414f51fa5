using System.Net;
using System.Net.Http.Json;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Staff;

public sealed class StaffIdempotencyTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Retried_staff_creation_with_the_same_key_creates_one_member(Db db)
    {
        var app = apps.For(db);
        var body = new
        {
            workNumber = StaffTestKit.Unique("I"), name = "重放测试", orgNodeId = await app.NodeIdAsync("GD-SZ-NS"),
            userName = StaffTestKit.Unique("idem"), initialPassword = "Replay2026ok", roles = new[] { "Teller" },
        };
        async Task<HttpResponseMessage> PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/staff") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "staff-" + body.workNumber);
            return await app.Api().SendAsync(request);
        }

        var first = await PostAsync();
        var replay = await PostAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDbAsync(d => d.Staff.CountAsync(s => s.WorkNumber == body.workNumber)));
    }
}
