using Anxin.Domain.Administration;
using Anxin.Domain.Quality;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Quality;

/// <summary>The register's export links: the same filters, streamed as CSV or XLSX.</summary>
[HasPermission(Permissions.Quality.ViewErrors)]
public sealed class ExportRegistrationErrorsModel(ExportRegistrationErrorsHandler export) : PageModel
{
    public IActionResult OnGet(string? format, RegistrationErrorStatus? status, RegistrationErrorCategory? category, string? agent, string? month, string? q,
        string? columns) =>
        export.Handle(new RegistrationErrorFilter(status, category, agent, month, q), format, columns) is { IsOk: true } result
            ? result.Value!
            : BadRequest();
}
