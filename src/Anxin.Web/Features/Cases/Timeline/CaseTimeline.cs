using Anxin.Data;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Cases;

/// <summary>The case a timeline is gathered for (already checked visible to the actor).</summary>
public sealed record CaseTimelineSubject(Guid Id, string Number, Guid? CustomerId, DateTimeOffset ReportedAt, string OrgPath);

/// <summary>
/// One line of a case's timeline (X-12, issue §9). <see cref="Type"/> is the event name, shown as
/// CaseText <c>Timeline.{Type}</c>; <see cref="Detail"/> is already masked and localized;
/// <see cref="Href"/> links to the thing (a download, a call, an assignment) when there is one.
/// </summary>
public sealed record CaseTimelineEntry(DateTimeOffset At, string Type, string? Actor, string? Detail, string? Href = null);

/// <summary>
/// A source of case timeline entries. The case module brings its audit events, service clocks,
/// messages and attachments; other modules (calls, dispatch assignments, hand-overs, registration
/// errors) add theirs by implementing this interface anywhere in Anxin.Web.Features — it is
/// registered automatically (<see cref="ExtensionPointAttribute"/>).
/// </summary>
[ExtensionPoint]
public interface ICaseTimelineSource
{
    Task<IReadOnlyList<CaseTimelineEntry>> EntriesAsync(CaseTimelineSubject subject, CancellationToken ct);
}

/// <summary>Everything that happened to a case, newest first, from every <see cref="ICaseTimelineSource"/>.</summary>
public sealed class GetCaseTimelineHandler(AnxinDbContext db, IEnumerable<ICaseTimelineSource> sources)
{
    public const int MaxEntries = 500;

    /// <summary>Null when the case does not exist or lies outside the actor's scope or insurer.</summary>
    public async Task<IReadOnlyList<CaseTimelineEntry>?> HandleAsync(Guid caseId, CancellationToken ct)
    {
        var subject = await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new CaseTimelineSubject(c.Id, c.Number, c.CustomerId, c.ReportedAt, c.OrgPath))
            .SingleOrDefaultAsync(ct);
        if (subject is null)
        {
            return null;
        }

        // One after another: the sources share this request's DbContext.
        var entries = new List<CaseTimelineEntry>();
        foreach (var source in sources)
        {
            entries.AddRange(await source.EntriesAsync(subject, ct));
        }

        return [.. entries.OrderByDescending(e => e.At).ThenBy(e => e.Type, StringComparer.Ordinal).Take(MaxEntries)];
    }
}
