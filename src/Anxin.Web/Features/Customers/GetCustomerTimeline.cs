using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Customers;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Customers;

/// <summary>
/// One line of the customer 360 timeline (X-12). <see cref="Type"/> is the event name
/// (CustomerRegistered, CustomerChanged, PersonalDataRevealed, CaseReported, …), shown as
/// CustomerText <c>Timeline.{Type}</c>; <see cref="Href"/> links to the case, call or claim it is about.
/// </summary>
public sealed record TimelineEntry(DateTimeOffset At, string Type, string? Actor, string? Detail, string? Href = null);

/// <summary>
/// Contacts with a customer recorded by another module (cases, calls, claims, complaints…): each
/// module implements this anywhere in Anxin.Web.Features and it is registered automatically.
/// Entries must respect the actor's scope (query through the filtered DbContext).
/// </summary>
[ExtensionPoint]
public interface ICustomerTimelineSource
{
    Task<IReadOnlyList<TimelineEntry>> EntriesAsync(Guid customerId, CancellationToken ct);
}

/// <summary>
/// The customer's 360 timeline, newest first: the customer's own audit trail (business events and
/// field changes, already masked) and every <see cref="ICustomerTimelineSource"/>.
/// </summary>
public sealed class GetCustomerTimelineHandler(AnxinDbContext db, IEnumerable<ICustomerTimelineSource> sources)
{
    public const int MaxEntries = 100;

    /// <summary>Null when the customer does not exist or lies outside the user's scope.</summary>
    public async Task<IReadOnlyList<TimelineEntry>?> HandleAsync(Guid customerId, CancellationToken ct)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, ct))
        {
            return null;
        }

        var id = customerId.ToString();
        var type = nameof(Customer);
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == type && a.EntityId == id && (a.Kind == AuditKind.Event || a.Action == "Modified"))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(MaxEntries * 4)
            .Select(a => new { a.At, a.Kind, a.Action, a.Field, a.OldValue, a.NewValue, a.ActorName, a.RequestId })
            .ToListAsync(ct);

        // The field changes of one save become one "CustomerChanged" line.
        var entries = new List<TimelineEntry>();
        foreach (var group in rows.GroupBy(r => (r.Kind, r.Kind == AuditKind.Event ? r.Action : "CustomerChanged", r.At, r.RequestId)))
        {
            var first = group.First();
            var detail = first.Kind == AuditKind.Event
                ? first.NewValue
                : string.Join("; ", group.Where(r => r.Field != nameof(Customer.Version)).Select(r => $"{r.Field}: {r.OldValue ?? "—"} → {r.NewValue ?? "—"}"));
            entries.Add(new TimelineEntry(first.At, group.Key.Item2, first.ActorName, detail));
        }

        foreach (var source in sources)
        {
            entries.AddRange(await source.EntriesAsync(customerId, ct));
        }

        return [.. entries.OrderByDescending(e => e.At).Take(MaxEntries)];
    }
}
