using Anxin.Domain.Administration;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Policies;

/// <summary>The list page's export links: the same filters, streamed as CSV or XLSX.</summary>
[HasPermission(Permissions.Policies.View)]
public sealed class ExportPoliciesModel(ExportPoliciesHandler export) : PageModel
{
    public IActionResult OnGet(string? format, string? q, ProductLine? line, string? insurer, PolicyStatus? status, DateOnly? inForceOn, string? columns) =>
        export.Handle(new PolicyFilter(q, line, insurer, status, inForceOn), format, columns) is { IsOk: true } result
            ? result.Value!
            : BadRequest();
}
