using Anxin.Domain.Administration;
using Anxin.Domain.Consultations;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Consultations;

/// <summary>The list page's export links: the same filters, streamed as CSV or XLSX.</summary>
[HasPermission(Permissions.Consultations.View)]
public sealed class ExportConsultationsModel(ExportConsultationsHandler export) : PageModel
{
    public IActionResult OnGet(string? format, string? q, ConsultationStatus? status, ConsultationCategory? category, bool? mine, bool? overdue,
        DateOnly? from, DateOnly? to, string? columns) =>
        export.Handle(new ConsultationFilter(q, status, category, mine ?? false, overdue ?? false, from, to), format, columns) is { IsOk: true } result
            ? result.Value!
            : BadRequest();
}
