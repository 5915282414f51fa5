using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Clocks;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Home;

/// <summary>What needs the signed-in user's attention, by what they may do.</summary>
public sealed record HomeDashboard(string? OrgName, IReadOnlyList<string> Roles, IReadOnlyList<HomeTile> Tiles);

public sealed record HomeTile(string TextKey, int Count, string Href, bool Warn);

public sealed class GetHomeDashboardHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    public async Task<HomeDashboard> HandleAsync(CancellationToken ct)
    {
        var orgName = me.OrgNodeId is { } nodeId
            ? await db.OrgNodes.IgnoreQueryFilters().Where(n => n.Id == nodeId).Select(n => n.Name).SingleOrDefaultAsync(ct)
            : null;
        var tiles = new List<HomeTile>();
        var now = time.GetUtcNow();
        if (me.Has(Permissions.Clocks.ViewOwn) && me.StaffId is { } staffId)
        {
            var mine = db.ServiceClocks.Where(c => c.OwnerStaffId == staffId && c.State != ClockState.Stopped);
            var overdue = await mine.CountAsync(c => c.DeadlineAt <= now, ct);
            var soon = now.AddHours(24);
            tiles.Add(new("Home.MyClocksOverdue", overdue, "/clocks/my", overdue > 0));
            tiles.Add(new("Home.MyClocksDueSoon", await mine.CountAsync(c => c.DeadlineAt > now && c.DeadlineAt <= soon, ct), "/clocks/my", false));
        }

        if (me.Has(Permissions.Clocks.ViewTeam))
        {
            var breached = await db.ServiceClocks.CountAsync(c => c.State != ClockState.Stopped && c.DeadlineAt <= now, ct);
            tiles.Add(new("Home.TeamClocksBreached", breached, "/clocks/team", breached > 0));
        }

        if (me.Has(Permissions.Cases.Report) && me.StaffId is { } reporter)
        {
            // Midnight in China time: "today" for a contact centre in Guangdong.
            var china = now.ToOffset(TimeSpan.FromHours(8));
            var today = new DateTimeOffset(china.Year, china.Month, china.Day, 0, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
            var mine = await db.Cases.CountAsync(c => c.ReportedByStaffId == reporter && c.ReportedAt >= today, ct);
            tiles.Add(new("Home.Cases.MyReportsToday", mine, "/cases/new", false));
        }

        if (me.Has(Permissions.Cases.View))
        {
            var waiting = await db.Cases.CountAsync(c => c.Status == Domain.Cases.CaseStatus.Reported, ct);
            tiles.Add(new("Home.Cases.AwaitingDispatch", waiting, "/cases?status=Reported", waiting > 0));
        }

        if (me.Has(Permissions.Staff.View))
        {
            tiles.Add(new("Home.Admin.StaffCount", await db.Staff.CountAsync(s => s.IsActive, ct), "/admin/staff", false));
        }

        if (me.Has(Permissions.Staff.Manage))
        {
            var users = db.Users.Where(u => u.StaffId != null && db.Staff.Any(s => s.Id == u.StaffId));
            var locked = await users.Where(u => u.LockoutEnd != null).Select(u => u.LockoutEnd).ToListAsync(ct);
            tiles.Add(new("Home.Admin.LockedUsers", locked.Count(l => l > now), "/admin/staff?locked=true", locked.Any(l => l > now)));
            tiles.Add(new("Home.Admin.PendingPasswordChange", await users.CountAsync(u => u.MustChangePassword, ct), "/admin/staff", false));
        }

        if (me.Has(Permissions.ApiKeys.Manage))
        {
            tiles.Add(new("Home.Admin.ActiveApiKeys", await db.ApiKeys.CountAsync(k => k.RevokedAt == null, ct), "/admin/api-keys", false));
        }

        if (me.Has(Permissions.Audit.View))
        {
            var since = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
            tiles.Add(new("Home.Admin.AuditToday", await db.AuditEntries.CountAsync(a => a.At >= since, ct), "/admin/audit", false));
        }

        return new HomeDashboard(orgName, me.Roles, tiles);
    }
}
