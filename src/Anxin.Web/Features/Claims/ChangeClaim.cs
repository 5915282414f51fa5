using Anxin.Data;
using Anxin.Domain.Claims;
using Anxin.Domain.Common;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Claims;

/// <summary>The business event a change writes to the audit trail (and so to the claim's timeline).</summary>
public sealed record ClaimEvent(string Name, string Detail);

/// <summary>Who is acting on a claim, and when.</summary>
public sealed record ClaimActor(Guid StaffId, DateTimeOffset Now);

/// <summary>
/// The one way a claim changes: load the aggregate inside the user's scope, refuse a stale version
/// (409), run the guarded domain method(s), apply the clock actions, write the business event, and
/// save everything in one transaction; a concurrent change of the same claim loses with 409 (the
/// claim's version is its concurrency token and every change bumps it).
/// </summary>
public sealed class ChangeClaimHandler(AnxinDbContext db, ServiceClocks clocks, CurrentUser me, TimeProvider time)
{
    /// <summary>The claim with all its child rows, as the user may see it (org scope and insurer partition); tracked.</summary>
    public static Task<Claim?> LoadAsync(AnxinDbContext db, Guid id, CancellationToken ct) =>
        db.Claims
            .Include(c => c.Documents).Include(c => c.Notices).Include(c => c.Approvals).Include(c => c.Payments)
            .Include(c => c.ReserveChanges).Include(c => c.FraudFlags)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, ct);

    public async Task<Result<Claim>> ApplyAsync(Guid id, long? version, Func<Claim, ClaimActor, Task<Result<ClaimEvent>>> change, CancellationToken ct)
    {
        if (me.StaffId is not { } staffId)
        {
            return Result<Claim>.Fail(Result.Forbidden());
        }

        var claim = await LoadAsync(db, id, ct);
        if (claim is null)
        {
            return Result<Claim>.NotFound();
        }

        if (version is { } read && !db.IsAtVersion(claim, read))
        {
            return Result<Claim>.Conflict();
        }

        var actor = new ClaimActor(staffId, time.GetUtcNow());
        Result<ClaimEvent> outcome;
        try
        {
            outcome = await change(claim, actor);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return await ChangedMeanwhileAsync(claim, ct) ? Result<Claim>.Conflict() : ClaimResults.Fail<Claim>(e);
        }

        if (!outcome.IsOk)
        {
            db.ChangeTracker.Clear();
            return await ChangedMeanwhileAsync(claim, ct) ? Result<Claim>.Conflict() : Result<Claim>.Fail(outcome);
        }

        await ClaimClocks.ApplyAsync(clocks, claim, ct);
        db.AddAuditEvent(outcome.Value!.Name, nameof(Claim), claim.Id, outcome.Value.Detail, claim.OrgPath, actor.Now);

        // A change of child rows only (a document received) still bumps the claim's version.
        var entry = db.Entry(claim);
        if (entry.State == EntityState.Unchanged)
        {
            entry.Property(c => c.UpdatedAt).IsModified = true;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<Claim>.Conflict();
        }
        catch (DbUpdateException)
        {
            // A unique number taken meanwhile (archive number) or a row changed under us.
            db.ChangeTracker.Clear();
            return Result<Claim>.Conflict();
        }

        return claim;
    }

    /// <summary>
    /// The claim's rows are read in several queries: when another change commits in between, the domain may refuse
    /// on a mix of old and new rows (the step it saw pending is already decided). That is a conflict, not bad input.
    /// </summary>
    private async Task<bool> ChangedMeanwhileAsync(Claim loaded, CancellationToken ct)
    {
        var id = loaded.Id;
        var current = await db.Claims.AsNoTracking().Where(c => c.Id == id).Select(c => (long?)c.Version).FirstOrDefaultAsync(ct);
        return current != loaded.Version;
    }

    /// <summary>For a synchronous change with no failure other than the domain's.</summary>
    public Task<Result<Claim>> ApplyAsync(Guid id, long? version, Func<Claim, ClaimActor, ClaimEvent> change, CancellationToken ct) =>
        ApplyAsync(id, version, (claim, actor) => Task.FromResult<Result<ClaimEvent>>(change(claim, actor)), ct);
}
