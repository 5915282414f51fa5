using Anxin.Domain.Administration;
using Anxin.Domain.Cases;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Cases;

/// <summary>The list page's export links: the same filters and chosen columns, streamed as CSV or XLSX.</summary>
[HasPermission(Permissions.Cases.View)]
public sealed class ExportCasesModel(ExportCasesHandler export) : PageModel
{
    public IActionResult OnGet(string? format, string? q, CaseStatus? status, ProductLine? line, string? insurer, bool? verified,
        DateOnly? from, DateOnly? to, string? columns) =>
        export.Handle(new CaseFilter(q, status, line, insurer, verified, from, to), format, columns) is { IsOk: true } result
            ? result.Value!
            : BadRequest();
}
