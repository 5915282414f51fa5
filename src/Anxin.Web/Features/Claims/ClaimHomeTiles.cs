using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Claims;
using Anxin.Domain.Clocks;
using Anxin.Web.Features.Home;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Claims;

/// <summary>
/// The claims handler's home tiles: the open claims in my queue, approvals waiting for me, my claims
/// breaching a statutory clock, and vendor steps waiting for me; for the callback team, the beneficiary
/// checks still to call.
/// </summary>
public sealed class ClaimHomeTiles(AnxinDbContext db, CurrentUser me, TimeProvider time) : IHomeTileSource
{
    public async Task<IReadOnlyList<HomeTile>> TilesAsync(CancellationToken ct)
    {
        var tiles = new List<HomeTile>();
        if (me.StaffId is { } staffId && me.Has(Permissions.Claims.Handle))
        {
            var mine = await db.Claims.AsNoTracking().Where(c => c.HandlerStaffId == staffId && c.Status != ClaimStatus.Closed)
                .Select(c => c.Id).ToListAsync(ct);
            tiles.Add(new("Home.Claims.Mine", mine.Count, "/claims?queue=Mine&open=True", false));

            var now = time.GetUtcNow();
            var subjects = mine.Select(id => id.ToString()).ToList();
            var breaching = subjects.Count == 0
                ? 0
                : await db.ServiceClocks.IgnoreQueryFilters().AsNoTracking()
                    .Where(k => k.SubjectType == Claim.SubjectType && subjects.Contains(k.SubjectId) && k.State == ClockState.Running && k.DeadlineAt < now)
                    .Select(k => k.SubjectId).Distinct().CountAsync(ct);
            tiles.Add(new("Home.Claims.Breaching", breaching, "/claims?queue=Mine&overdue=True", breaching > 0));

            var vendorSteps = await db.ServiceRequests.AsNoTracking().CountAsync(r => r.HandlerStaffId == staffId && r.AwaitingHandler, ct);
            tiles.Add(new("Home.Claims.VendorTasks", vendorSteps, "/claims?queue=Mine&open=True", vendorSteps > 0));
        }

        if (me.StaffId is { } approver && me.Has(Permissions.Claims.Approve))
        {
            var waiting = await db.Claims.AsNoTracking()
                .CountAsync(c => c.Approvals.Any(a => a.Decision == ApprovalDecision.Pending && a.RoutedToStaffId == approver), ct);
            tiles.Add(new("Home.Claims.AwaitingMyApproval", waiting, "/claims?queue=Approvals", waiting > 0));
        }

        if (me.Has(Permissions.Claims.Callback))
        {
            var callbacks = await db.BeneficiaryChecks.AsNoTracking().CountAsync(b => b.Status == BeneficiaryCheckStatus.Open, ct);
            tiles.Add(new("Home.Claims.Callbacks", callbacks, "/claims/reviews", false));
        }

        return tiles;
    }
}
