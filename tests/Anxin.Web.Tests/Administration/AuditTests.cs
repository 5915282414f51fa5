using System.Net;
using System.Net.Http.Json;
using Anxin.Domain.Administration;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Administration;

public sealed class AuditTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Audit_viewer_is_forbidden_for_an_agent(Db db)
    {
        var app = apps.For(db);
        var agent = await app.SignInAsync("agent1");

        AdminApi.AssertDenied(await agent.GetAsync("/admin/audit"));
        AdminApi.AssertDenied(await agent.GetAsync("/admin/audit/export"));
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/audit")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Branch_administrator_does_not_see_audit_rows_of_another_branch(Db db)
    {
        var app = apps.For(db);
        var zjKey = await app.CreateKeyAsync(AdminApi.Unique("zj-audit"), "ZJ-HZ", Permissions.Org.View);
        var gdKey = await app.CreateKeyAsync(AdminApi.Unique("gd-audit"), "GD-SZ", Permissions.Org.View);
        var gdadmin = await app.SignInAsync("gdadmin");
        var admin = await app.SignInAsync("admin");

        var gdSeesZj = await gdadmin.GetFromJsonAsync<AuditPageJson>($"/api/v1/audit?entityId={zjKey.Id}");
        var gdSeesGd = await gdadmin.GetFromJsonAsync<AuditPageJson>($"/api/v1/audit?entityId={gdKey.Id}");
        var adminSeesZj = await admin.GetFromJsonAsync<AuditPageJson>($"/api/v1/audit?entityId={zjKey.Id}");
        var gdPage = await gdadmin.GetPageAsync($"/admin/audit?entityId={zjKey.Id}");
        var adminPage = await admin.GetPageAsync($"/admin/audit?entityId={zjKey.Id}");
        var gdCsv = await gdadmin.GetStringAsync($"/admin/audit/export?entityId={zjKey.Id}");

        Assert.Empty(gdSeesZj!.Items);
        Assert.Contains(gdSeesGd!.Items, r => r.Action == "ApiKeyCreated");
        Assert.Contains(adminSeesZj!.Items, r => r.Action == "ApiKeyCreated");
        Assert.NotNull(gdPage.QuerySelector("[data-testid=no-rows]"));
        Assert.NotEmpty(adminPage.QuerySelectorAll($"tr[data-entity-id='{zjKey.Id}']"));
        Assert.DoesNotContain(zjKey.Id.ToString(), gdCsv, StringComparison.Ordinal);
        var zjSeedRows = await gdadmin.GetFromJsonAsync<AuditPageJson>("/api/v1/audit?entityType=Staff&actor=system");
        Assert.NotEmpty(zjSeedRows!.Items);
        var zjPaths = await app.WithDbAsync(d => d.AuditEntries.Where(a => a.OrgPath.StartsWith("/1/3/")).Select(a => a.Id).ToListAsync());
        Assert.DoesNotContain(zjSeedRows.Items, r => zjPaths.Contains(r.Id));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Filters_narrow_by_action_kind_actor_entity_and_date(Db db)
    {
        var app = apps.For(db);
        var key = await app.CreateKeyAsync(AdminApi.Unique("filters"), "GD", Permissions.Org.View);
        var api = app.Api();
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");

        var events = await api.GetFromJsonAsync<AuditPageJson>($"/api/v1/audit?entityId={key.Id}&kind=Event");
        var changes = await api.GetFromJsonAsync<AuditPageJson>($"/api/v1/audit?entityType=ApiKey&entityId={key.Id}&kind=Change");
        var byAction = await api.GetFromJsonAsync<AuditPageJson>($"/api/v1/audit?action=ApiKeyCreated&entityId={key.Id}");
        var byActor = await api.GetFromJsonAsync<AuditPageJson>($"/api/v1/audit?actor=api-key:&entityId={key.Id}");
        var byOtherActor = await api.GetFromJsonAsync<AuditPageJson>($"/api/v1/audit?actor=nobody-like-this&entityId={key.Id}");
        var inRange = await api.GetFromJsonAsync<AuditPageJson>($"/api/v1/audit?entityId={key.Id}&from={today}&to={today}");
        var beforeRange = await api.GetFromJsonAsync<AuditPageJson>($"/api/v1/audit?entityId={key.Id}&to=2020-01-01");

        Assert.Equal(["ApiKeyCreated"], events!.Items.Select(r => r.Action));
        Assert.NotEmpty(changes!.Items);
        Assert.All(changes.Items, r => Assert.Equal("Added", r.Action));
        Assert.Contains(changes.Items, r => r.Field == "Name" && r.NewValue == key.Name);
        Assert.Single(byAction!.Items);
        Assert.Equal(events.Items.Length + changes.Items.Length, byActor!.Items.Length);
        Assert.Empty(byOtherActor!.Items);
        Assert.Equal(byActor.Items.Length, inRange!.Items.Length);
        Assert.Empty(beforeRange!.Items);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Keyset_paging_walks_every_row_newest_first_without_gaps_or_repeats(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();
        var expected = await app.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.EntityType == "Staff" && a.Kind == AuditKind.Change));
        Assert.True(expected > 100, $"need several pages of seed rows, have {expected}");

        var seen = new List<AuditRowJson>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await api.GetFromJsonAsync<AuditPageJson>("/api/v1/audit?entityType=Staff&kind=Change" + (cursor is null ? string.Empty : "&after=" + cursor));
            Assert.True(page!.Items.Length <= 50);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 100);

        Assert.Equal(expected, seen.Count);
        Assert.Equal(expected, seen.Select(r => r.Id).Distinct().Count());
        Assert.Equal(seen.Select(r => r.At), seen.Select(r => r.At).OrderDescending());
        var html = await (await app.SignInAsync("admin")).GetPageAsync("/admin/audit?entityType=Staff&kind=Change");
        Assert.Equal(50, html.QuerySelectorAll("tr[data-audit-id]").Length);
        Assert.NotNull(html.QuerySelector("a[data-testid=next-page]"));
        Assert.NotNull(html.QuerySelector("input[data-search]"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Bad_audit_queries_get_400_problem_details(Db db)
    {
        var app = apps.For(db);
        var api = app.Api();

        await AdminApi.AssertProblemAsync(await api.GetAsync("/api/v1/audit?after=not-a-cursor"));
        await AdminApi.AssertProblemAsync(await api.GetAsync("/api/v1/audit?after=" + Convert.ToBase64String("99999999999999999999_x"u8.ToArray())));
        await AdminApi.AssertProblemAsync(await api.GetAsync("/api/v1/audit?from=yesterday"));
        await AdminApi.AssertProblemAsync(await api.GetAsync("/api/v1/audit?kind=Nonsense"));
        await AdminApi.AssertProblemAsync(await api.GetAsync("/api/v1/audit?from=2026-02-01&to=2026-01-01"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Csv_export_streams_the_filtered_rows_with_a_header(Db db)
    {
        var app = apps.For(db);
        var key = await app.CreateKeyAsync(AdminApi.Unique("csv-export"), "GD", Permissions.Org.View);
        var admin = await app.SignInAsync("admin");

        var response = await admin.GetAsync($"/admin/audit/export?entityId={key.Id}&kind=Event");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("ApiKeyCreated", lines[1], StringComparison.Ordinal);
        Assert.Contains(key.Id.ToString(), lines[1], StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Audit_trail_is_append_only(Db db)
    {
        var app = apps.For(db);

        var modify = await Record.ExceptionAsync(() => app.WithDbAsync(async d =>
        {
            var entry = await d.AuditEntries.OrderBy(a => a.Id).FirstAsync();
            d.Entry(entry).Property(a => a.Action).CurrentValue = "Tampered";
            return await d.SaveChangesAsync();
        }));
        var delete = await Record.ExceptionAsync(() => app.WithDbAsync(async d =>
        {
            d.AuditEntries.Remove(await d.AuditEntries.OrderBy(a => a.Id).FirstAsync());
            return await d.SaveChangesAsync();
        }));

        Assert.IsType<InvalidOperationException>(modify);
        Assert.IsType<InvalidOperationException>(delete);
        Assert.Equal(0, await app.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.Action == "Tampered")));
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete, HttpMethod.Post, HttpMethod.Patch })
        {
            var response = await app.Api().SendAsync(new HttpRequestMessage(method, "/api/v1/audit"));
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotFound });
        }
    }
}
