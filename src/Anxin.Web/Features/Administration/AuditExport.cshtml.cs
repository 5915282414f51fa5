using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Administration;

/// <summary>The audit page's export buttons: the page's filters, streamed as CSV (default) or XLSX.</summary>
[HasPermission(Permissions.Audit.View)]
public sealed class AuditExportModel(ExportAuditHandler export) : PageModel
{
    public IActionResult OnGet(DateOnly? from, DateOnly? to, string? actor, string? entityType, string? entityId,
        string? action, AuditKind? kind, string? format, string? columns) =>
        ModelState.IsValid && export.Handle(new AuditFilter(from, to, actor, entityType, entityId, action, kind), format, columns) is { IsOk: true } result
            ? result.Value!
            : BadRequest();
}
