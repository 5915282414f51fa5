using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Calls;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Calls;

/// <summary>A customer as the desk shows them: personal data masked.</summary>
public sealed record CallerRecord(Guid Id, string Number, string Name, string Mobile, string Phone2, string? OrgNodeName, bool IsActive);

/// <summary>
/// Something still open for the caller — a case, a request, a complaint — with a link to it.
/// <paramref name="Kind"/> is a resource key suffix (<c>OpenItem.{Kind}</c> in CallText).
/// </summary>
public sealed record OpenItem(string Kind, Guid Id, string Number, string Title, string Status, DateTimeOffset? DueAt, string Link);

/// <summary>
/// Who is calling (CC-01 screen pop): the linked customer, else the only customer whose mobile or
/// second number is the caller's number; every match when there are several; and what is open for them.
/// </summary>
public sealed record CallerContext(CallerRecord? Customer, IReadOnlyList<CallerRecord> Matches, IReadOnlyList<OpenItem> OpenItems);

/// <summary>What an open-items source gets: the call, the customer (if known) and the viewer's data scope.</summary>
public sealed record CallerLookup(Guid CallId, Guid? CustomerId, string? Number, string ScopePrefix);

/// <summary>
/// Extension point of the caller context: each registered source adds open items (cases,
/// requests, complaints) for the caller. Register with <c>services.AddScoped&lt;ICallerOpenItemsSource, …&gt;()</c>
/// in <see cref="CallsSetup"/>. A source reads with <c>IgnoreQueryFilters()</c> and filters by
/// <see cref="CallerLookup.ScopePrefix"/> itself, because a screen pop is built outside the agent's request.
/// </summary>
public interface ICallerOpenItemsSource
{
    Task<IReadOnlyList<OpenItem>> FindAsync(CallerLookup lookup, CancellationToken ct);
}

/// <summary>Whose eyes the caller context is built for: their data scope and whether they may see customers.</summary>
public sealed record CallViewer(string ScopePrefix, bool CanSeeCustomers)
{
    public static CallViewer Of(CurrentUser me) => new(me.ScopePrefix ?? AnxinClaims.NoScope, me.Has(Permissions.Customers.View));
}

/// <summary>
/// Builds the caller context of a call for a viewer. Customers are looked up in the viewer's
/// scope only (a screen pop runs outside any request, so the scope is applied here explicitly).
/// </summary>
public sealed class GetCallerContextHandler(AnxinDbContext db, IEnumerable<ICallerOpenItemsSource> openItemSources)
{
    public const int MaxMatches = 5;

    /// <summary>For the signed-in user: the call must lie in their scope.</summary>
    public async Task<Result<CallerContext>> HandleAsync(Guid callId, CurrentUser me, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct);
        return call is null ? Result<CallerContext>.NotFound() : await BuildAsync(call, CallViewer.Of(me), ct);
    }

    public async Task<CallerContext> BuildAsync(Call call, CallViewer viewer, CancellationToken ct)
    {
        var number = call.CustomerNumber;
        var matches = new List<CallerRecord>();
        CallerRecord? linked = null;
        if (viewer.CanSeeCustomers)
        {
            var visible = db.Customers.IgnoreQueryFilters().AsNoTracking().Where(c => c.OrgPath.StartsWith(viewer.ScopePrefix));
            if (number is not null)
            {
                matches = await Project(visible.Where(c => c.Mobile == number || c.Phone2 == number)
                    .OrderByDescending(c => c.IsActive).ThenBy(c => c.Name).Take(MaxMatches)).ToListAsync(ct);
            }

            if (call.CustomerId is { } customerId)
            {
                linked = matches.FirstOrDefault(m => m.Id == customerId)
                    ?? await Project(visible.Where(c => c.Id == customerId)).SingleOrDefaultAsync(ct);
            }
        }

        var customer = linked ?? (matches.Count(m => m.IsActive) == 1 ? matches.First(m => m.IsActive) : null);
        var lookup = new CallerLookup(call.Id, customer?.Id, number, viewer.ScopePrefix);
        var openItems = new List<OpenItem>();
        foreach (var source in openItemSources)
        {
            openItems.AddRange(await source.FindAsync(lookup, ct));
        }

        return new CallerContext(customer, matches, openItems);
    }

    private IQueryable<CallerRecord> Project(IQueryable<Domain.Customers.Customer> customers) => customers.Select(c => new CallerRecord(
        c.Id, c.Number, c.Name, Masking.Mobile(c.Mobile), Masking.Mobile(c.Phone2),
        db.OrgNodes.IgnoreQueryFilters().Where(n => n.Id == c.OrgNodeId).Select(n => n.Name).FirstOrDefault(), c.IsActive));
}
