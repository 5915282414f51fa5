using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Quality;

/// <summary>Registration errors per agent per month (CC-08 → KPIs).</summary>
[HasPermission(Permissions.Quality.ViewErrors)]
public sealed class ErrorSummaryModel(SummarizeRegistrationErrorsHandler summary, IStringLocalizer<ServiceText> serviceText,
    IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public IReadOnlyList<ErrorCountRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await summary.HandleAsync(From, To, ct);
        if (result.IsOk)
        {
            Rows = result.Value!;
            return;
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(string.Empty, ResultMapping.Message(new ServiceLocalizer(serviceText, sharedText), error));
        }

        Rows = (await summary.HandleAsync(null, null, ct)).Value ?? [];
    }

    /// <summary>The work number in "name (1234)".</summary>
    public string WorkNumberOf(ErrorCountRow row) =>
        row.Agent is { } agent && agent.LastIndexOf('(') is var open and >= 0 ? agent[(open + 1)..].TrimEnd(')') : string.Empty;
}
