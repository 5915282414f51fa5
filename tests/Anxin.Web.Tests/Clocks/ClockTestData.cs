using Anxin.Data;
using Anxin.Domain.Clocks;
using Anxin.Domain.Messaging;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Anxin.Web.Tests.Clocks;

/// <summary>Intent methods for the clock tests.</summary>
internal static class ClockTestData
{
    /// <summary>The same app and database with a hand-moved clock (another "app node" when called twice).</summary>
    public static WebApplicationFactory<Program> WithTime(this AnxinAppFactory app, FakeTime time) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time)));

    public static async Task<Guid> NodeIdAsync(this AnxinAppFactory app, string code) =>
        await app.WithDbAsync(db => db.OrgNodes.IgnoreQueryFilters().Where(n => n.Code == code).Select(n => n.Id).SingleAsync());

    public static async Task<string> NodePathAsync(this AnxinAppFactory app, string code) =>
        await app.WithDbAsync(db => db.OrgNodes.IgnoreQueryFilters().Where(n => n.Code == code).Select(n => n.Path).SingleAsync());

    /// <summary>The staff id, org node and user id of a demo user.</summary>
    public static async Task<(Guid StaffId, Guid OrgNodeId, Guid UserId)> DemoUserAsync(this AnxinAppFactory app, string userName) =>
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            var staff = await db.Staff.IgnoreQueryFilters().SingleAsync(s => s.Id == user.StaffId);
            return (staff.Id, staff.OrgNodeId, user.Id);
        });

    /// <summary>Starts a clock the way a module does: through ServiceClocks, saved with the caller's change.</summary>
    public static async Task<ServiceClock> StartClockAsync(this WebApplicationFactory<Program> app, ClockRule rule, string subjectId, Guid orgNodeId, Guid ownerStaffId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnxinDbContext>();
        var clock = await scope.ServiceProvider.GetRequiredService<ServiceClocks>().StartAsync(rule.Code, "Case", subjectId, orgNodeId, ownerStaffId);
        await db.SaveChangesAsync();
        return clock;
    }

    public static async Task<List<OutboxMessage>> MessagesForAsync(this AnxinAppFactory app, Guid clockId)
    {
        var id = clockId.ToString();
        return await app.WithDbAsync(db => db.Outbox.Where(m => m.Parameters.Contains(id)).OrderBy(m => m.CreatedAt).ThenBy(m => m.TemplateCode).ToListAsync());
    }
}
