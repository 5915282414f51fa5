using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Customers;

/// <summary>
/// Streams the filtered customer list as CSV straight from one query to the response. Personal
/// data stays masked; the scope filter applies as in the list.
/// </summary>
public sealed class ExportCustomersHandler(ListCustomersHandler list, AnxinDbContext db, TimeProvider time,
    IStringLocalizer<CustomerText> customerText, IStringLocalizer<SharedResource> sharedText)
{
    public static Result ParseFormat(string? format) => format?.Trim().ToLowerInvariant() is null or "" or "csv"
        ? Result.Ok()
        : Result.Invalid("Format", "Customer.ExportFormat");

    public async Task WriteAsync(HttpContext http, CustomerFilter filter, CancellationToken ct)
    {
        var t = new CustomerLocalizer(customerText, sharedText);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"customers-{time.GetLocalNow():yyyyMMdd}.csv\"";
        var query = list.Filter(filter).OrderBy(c => c.Name).ThenBy(c => c.Id).Select(c => new
        {
            c.Number, c.Kind, c.Name, c.IdNumber, c.CreditCode, c.Mobile, c.IsActive,
            OrgNodeName = db.OrgNodes.Where(n => n.Id == c.OrgNodeId).Select(n => n.Name).FirstOrDefault(),
        });

        // A BOM so that Excel reads the UTF-8 (Chinese) text; formula-like cells are escaped (CSV injection).
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(http.Response.Body, options, leaveOpen: true);
        await csv.WriteRecordAsync(
            [t["Customer.Number"], t["Customer.Kind"], t["Customer.Name"], t["Customer.IdNumber"], t["Customer.CreditCode"],
             t["Customer.Mobile"], t["Customer.OrgNode"], t["Common.Status"]], ct);
        await foreach (var r in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            await csv.WriteRecordAsync(
                [r.Number, t["Customer.Kind." + r.Kind], r.Name, Masking.IdNumber(r.IdNumber), r.CreditCode ?? string.Empty,
                 Masking.Mobile(r.Mobile), r.OrgNodeName ?? string.Empty, r.IsActive ? t["Common.Active"] : t["Common.Inactive"]], ct);
        }

        await csv.FlushAsync(ct);
    }
}
