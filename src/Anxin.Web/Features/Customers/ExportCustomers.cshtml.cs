using Anxin.Domain.Administration;
using Anxin.Domain.Customers;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Customers;

/// <summary>The list page's export links: the same filters, streamed as CSV or XLSX.</summary>
[HasPermission(Permissions.Customers.View)]
public sealed class ExportCustomersModel(ExportCustomersHandler export) : PageModel
{
    public IActionResult OnGet(string? format, string? q, CustomerKind? kind, bool? active, string? columns) =>
        export.Handle(new CustomerFilter(q, kind, active), format, columns) is { IsOk: true } result
            ? result.Value!
            : BadRequest();
}
