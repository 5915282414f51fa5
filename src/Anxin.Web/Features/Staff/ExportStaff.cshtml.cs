using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Staff;

/// <summary>The list page's export links: the same filters, streamed as CSV or XLSX.</summary>
[HasPermission(Permissions.Staff.Export)]
public sealed class ExportStaffModel(ExportStaffHandler export) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? format, string? q, Guid? orgNodeId, string? role, bool? active, CancellationToken ct)
    {
        var parsed = ExportStaffHandler.ParseFormat(format);
        if (!parsed.IsOk)
        {
            return BadRequest();
        }

        await export.WriteAsync(HttpContext, new StaffFilter(q, orgNodeId, role, active), parsed.Value, ct);
        return new EmptyResult();
    }
}
