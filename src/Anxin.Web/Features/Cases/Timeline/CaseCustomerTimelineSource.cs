using Anxin.Data;
using Anxin.Web.Features.Customers;
using Anxin.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Cases;

/// <summary>The customer's cases on the customer 360 timeline, each linking to its case page.</summary>
public sealed class CaseCustomerTimelineSource(AnxinDbContext db, IStringLocalizer<CaseText> caseText, IStringLocalizer<SharedResource> sharedText)
    : ICustomerTimelineSource
{
    public async Task<IReadOnlyList<TimelineEntry>> EntriesAsync(Guid customerId, CancellationToken ct)
    {
        var text = new CaseLocalizer(caseText, sharedText);
        var cases = await db.Cases.AsNoTracking().Where(c => c.CustomerId == customerId)
            .OrderByDescending(c => c.ReportedAt).ThenByDescending(c => c.Id)
            .Take(GetCustomerTimelineHandler.MaxEntries)
            .Select(c => new { c.Id, c.Number, c.Line, c.Status, c.Plate, c.Cause, c.ReportedAt, c.ReportedByStaffId })
            .ToListAsync(ct);
        var staff = await StaffNames.LoadAsync(db, cases.Select(c => c.ReportedByStaffId), ct);
        return [.. cases.Select(c => new TimelineEntry(c.ReportedAt, "CaseReported",
            c.ReportedByStaffId is { } s ? staff.GetValueOrDefault(s) : null,
            string.Join(" · ", new[] { c.Number, text["ProductLine." + c.Line].Value, text["Peril." + c.Cause].Value, c.Plate, text["Case.Status." + c.Status].Value }
                .Where(p => !string.IsNullOrEmpty(p))),
            $"/cases/{c.Id}"))];
    }
}
