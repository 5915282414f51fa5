using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Staff;

/// <summary>The list page's export links: the same filters and chosen columns, streamed as CSV or XLSX.</summary>
[HasPermission(Permissions.Staff.Export)]
public sealed class ExportStaffModel(ExportStaffHandler export) : PageModel
{
    public IActionResult OnGet(string? format, string? q, Guid? orgNodeId, string? role, bool? active, string? columns) =>
        export.Handle(new StaffFilter(q, orgNodeId, role, active), format, columns) is { IsOk: true } result
            ? result.Value!
            : BadRequest();
}
