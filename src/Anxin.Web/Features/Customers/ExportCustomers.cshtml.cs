using Anxin.Domain.Administration;
using Anxin.Domain.Customers;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Customers;

/// <summary>The list page's export link: the same filters, streamed as CSV.</summary>
[HasPermission(Permissions.Customers.View)]
public sealed class ExportCustomersModel(ExportCustomersHandler export) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? format, string? q, CustomerKind? kind, bool? active, CancellationToken ct)
    {
        if (!ExportCustomersHandler.ParseFormat(format).IsOk)
        {
            return BadRequest();
        }

        await export.WriteAsync(HttpContext, new CustomerFilter(q, kind, active), ct);
        return new EmptyResult();
    }
}
