using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Anxin.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Customers;

public static class CustomerColumns
{
    /// <param name="t">Customer strings, then shared ones (<see cref="CustomerLocalizer"/>).</param>
    public static ListColumns<CustomerListItem> For(IStringLocalizer t) => new(
        new("number", "Customer.Number", c => c.Number),
        new("kind", "Customer.Kind", c => t["Customer.Kind." + c.Kind]),
        new("name", "Customer.Name", c => c.Name),
        new("idNumber", "Customer.IdNumber", c => c.IdNumber),
        new("creditCode", "Customer.CreditCode", c => c.CreditCode),
        new("mobile", "Customer.Mobile", c => c.Mobile),
        new("orgNode", "Customer.OrgNode", c => c.OrgNodeName),
        new("status", "Common.Status", c => c.IsActive ? t["Common.Active"] : t["Common.Inactive"]));
}

/// <summary>
/// Exports the filtered customer list as CSV or XLSX with the chosen columns, row by row
/// from one streaming query through <see cref="TabularExport"/>. Same filters and data scope as
/// the list; personal data is masked here, before a row reaches the writer.
/// </summary>
public sealed class ExportCustomersHandler(ListCustomersHandler list, AnxinDbContext db, TimeProvider time,
    IStringLocalizer<CustomerText> customerText, IStringLocalizer<SharedResource> sharedText)
{
    public Result<TabularExportResult<CustomerListItem>> Handle(CustomerFilter filter, string? format, string? columns)
    {
        var parsed = TabularExport.ParseFormat(format);
        if (!parsed.IsOk)
        {
            return Result<TabularExportResult<CustomerListItem>>.Fail(parsed);
        }

        var t = new CustomerLocalizer(customerText, sharedText);
        var chosen = CustomerColumns.For(t).Choose(columns);
        return chosen.IsOk
            ? Result<TabularExportResult<CustomerListItem>>.Ok(TabularExport.File("customers", parsed.Value, chosen.Value!, t, RowsAsync(filter), time))
            : Result<TabularExportResult<CustomerListItem>>.Fail(chosen);
    }

    private async IAsyncEnumerable<CustomerListItem> RowsAsync(CustomerFilter filter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var query = list.Filter(filter).OrderBy(c => c.Name).ThenBy(c => c.Id).Select(c => new
        {
            c.Id, c.Number, c.Kind, c.Name, c.IdNumber, c.CreditCode, c.Mobile, c.IsActive,
            OrgNodeName = db.OrgNodes.Where(n => n.Id == c.OrgNodeId).Select(n => n.Name).FirstOrDefault(),
        });
        await foreach (var r in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new CustomerListItem(r.Id, r.Number, r.Kind, r.Name, Masking.IdNumber(r.IdNumber), r.CreditCode ?? string.Empty,
                Masking.Mobile(r.Mobile), r.OrgNodeName, r.IsActive);
        }
    }
}
