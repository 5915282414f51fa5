using Anxin.Domain.Administration;
using Anxin.Domain.Requests;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Requests;

/// <summary>Difficult requests raised in my scope (CC-07), with a take-over button on each open one.</summary>
[HasPermission(Permissions.Requests.Supervise)]
public sealed class DifficultRequestsModel(ListEscalationsHandler list, TakeOverRequestHandler takeOver,
    IStringLocalizer<ServiceText> serviceText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public EscalationStatus Status { get; set; } = EscalationStatus.Open;

    public IReadOnlyList<EscalationItem> Items { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Message = done == "TakeOver" ? new ServiceLocalizer(serviceText, sharedText)["Ownership.Done.TakeOver"].Value : null;
        Items = await list.HandleAsync(Status, ct);
    }

    public async Task<IActionResult> OnPostTakeOverAsync(string kind, Guid subjectId, CancellationToken ct)
    {
        var requestKind = kind == "case" ? RequestKind.Case : RequestKind.Consultation;
        var result = await takeOver.HandleAsync(requestKind, subjectId, new TakeOverRequest(null, null), ct);
        if (result.IsOk)
        {
            return Redirect($"/requests/{kind}/{subjectId}?done=TakeOver");
        }

        var text = new ServiceLocalizer(serviceText, sharedText);
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(string.Empty, ResultMapping.Message(text, error));
        }

        if (result.Errors.Count == 0)
        {
            ModelState.AddModelError(string.Empty, text[result.Code ?? "Error.Forbidden"]);
        }

        Items = await list.HandleAsync(Status, ct);
        return Page();
    }
}
