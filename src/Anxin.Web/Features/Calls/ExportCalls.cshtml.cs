using Anxin.Domain.Administration;
using Anxin.Domain.Calls;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Calls;

/// <summary>The call log's export links: the same filters, streamed as CSV or XLSX.</summary>
[HasPermission(Permissions.Calls.View)]
public sealed class ExportCallsModel(ExportCallsHandler export) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? format, DateOnly? from, DateOnly? to, CallType? type, string? agent, CallState? state,
        string? number, string? columns, CancellationToken ct) =>
        await export.HandleAsync(new CallFilter(from, to, type, agent, state, number), format, columns, ct) is { IsOk: true } result
            ? result.Value!
            : BadRequest();
}
