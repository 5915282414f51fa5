using Anxin.Data;
using Anxin.Domain.Cases;
using Anxin.Web.Features.Calls;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Cases;

/// <summary>
/// The caller's open cases on the agent desk's screen pop (CC-01): cases of the linked customer or
/// reported from the calling number, inside the agent's scope (applied here: a pop runs outside a request).
/// </summary>
public sealed class OpenCasesForCaller(AnxinDbContext db) : ICallerOpenItemsSource
{
    public async Task<IReadOnlyList<OpenItem>> FindAsync(CallerLookup lookup, CancellationToken ct)
    {
        if (lookup.CustomerId is null && string.IsNullOrWhiteSpace(lookup.Number))
        {
            return [];
        }

        var scope = lookup.ScopePrefix;
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.OrgPath.StartsWith(scope) && c.Status != CaseStatus.Closed && c.Status != CaseStatus.Cancelled
                && ((lookup.CustomerId != null && c.CustomerId == lookup.CustomerId) || (lookup.Number != null && c.ReporterMobile == lookup.Number)))
            .OrderByDescending(c => c.ReportedAt).Take(10)
            .Select(c => new { c.Id, c.Number, c.Plate, c.LossPlace, c.Status, c.ReportedAt })
            .ToListAsync(ct);
        return [.. rows.Select(c => new OpenItem("Case", c.Id, c.Number, $"{c.Plate} {c.LossPlace}".Trim(), c.Status.ToString(), null, $"/cases/{c.Id}"))];
    }
}
