using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Claims;
using Anxin.Domain.Clocks;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Claims;

/// <summary>One step of a claim's story: a business event (ClaimOpened, MissingDocumentsNoticeSent, ClaimApproved, …) or a clock event.</summary>
public sealed record ClaimTimelineEntry(DateTimeOffset At, string Type, string? Actor, string? Detail);

/// <summary>
/// The claim's timeline, oldest first: the business events its use cases wrote, and the start, pauses,
/// resumptions, stops and escalations of its statutory clocks.
/// </summary>
public sealed class GetClaimTimelineHandler(AnxinDbContext db)
{
    public const int MaxEntries = 500;

    /// <summary>Null when the claim does not exist or lies outside the user's scope.</summary>
    public async Task<IReadOnlyList<ClaimTimelineEntry>?> HandleAsync(Guid claimId, CancellationToken ct)
    {
        if (!await db.Claims.AnyAsync(c => c.Id == claimId, ct))
        {
            return null;
        }

        var id = claimId.ToString();
        var clockIds = (await db.ServiceClocks.IgnoreQueryFilters().AsNoTracking()
            .Where(k => k.SubjectType == Claim.SubjectType && k.SubjectId == id)
            .Select(k => k.Id)
            .ToListAsync(ct)).Select(k => k.ToString()).ToList();
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Kind == AuditKind.Event
                && ((a.EntityType == nameof(Claim) && a.EntityId == id) || (a.EntityType == nameof(ServiceClock) && clockIds.Contains(a.EntityId!))))
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .Take(MaxEntries)
            .Select(a => new ClaimTimelineEntry(a.At, a.Action, a.ActorName, a.NewValue))
            .ToListAsync(ct);
        return rows;
    }
}
