using Anxin.Domain.Administration;
using Anxin.Domain.Requests;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Requests;

/// <summary>What the ownership panel needs: the view, the route kind (case|consultation) and where to come back to.</summary>
public sealed record OwnershipPanel(OwnershipView View, string Kind, string ReturnUrl);

/// <summary>
/// "Who owns this now" for a case or consultation (CC-05, CC-07): owner badge, hand-over history,
/// and the hand-over, difficult-case, take-over and follow-up forms, each posting to a handler here.
/// </summary>
public sealed class RequestOwnershipModel(GetOwnershipHandler get, HandOverRequestHandler handOver, TakeOverRequestHandler takeOver,
    EscalateRequestHandler escalate, FollowUpRequestHandler followUp, FindStaffByWorkNumberHandler staff, CurrentUser me,
    IStringLocalizer<ServiceText> serviceText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [BindProperty]
    public OwnershipInput Input { get; set; } = new();

    [FromRoute]
    public string Kind { get; set; } = string.Empty;

    public OwnershipView View { get; private set; } = null!;

    public string? Message { get; private set; }

    public string SelfUrl => $"/requests/{Kind}/{View.Id}";

    public string SubjectUrl => View.Kind == RequestKind.Case ? $"/cases/{View.Id}" : $"/consultations/{View.Id}";

    private ServiceLocalizer Text => new(serviceText, sharedText);

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure)
        {
            return failure;
        }

        Message = done is "HandOver" or "Escalate" or "TakeOver" or "FollowUp" ? Text["Ownership.Done." + done].Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostHandOverAsync(Guid id, CancellationToken ct)
    {
        if (ParseKind() is not { } kind)
        {
            return NotFound();
        }

        var to = await staff.HandleAsync(Input.ToWorkNumber, ct);
        Result result = to is null && !string.IsNullOrWhiteSpace(Input.ToWorkNumber)
            ? Result.Invalid(nameof(OwnershipInput.ToWorkNumber), "Ownership.UnknownStaff")
            : await handOver.HandleAsync(kind, id, new HandOverRequest(to?.Id, Input.Note, Input.Version), ct);
        return await AfterAsync(id, result, "HandOver", ct);
    }

    public async Task<IActionResult> OnPostEscalateAsync(Guid id, CancellationToken ct) => ParseKind() is { } kind
        ? await AfterAsync(id, await escalate.HandleAsync(kind, id, new EscalateRequest(Input.Reason), ct), "Escalate", ct)
        : NotFound();

    public async Task<IActionResult> OnPostTakeOverAsync(Guid id, CancellationToken ct)
    {
        if (!me.Has(Permissions.Requests.Supervise))
        {
            return Forbid();
        }

        return ParseKind() is { } kind
            ? await AfterAsync(id, await takeOver.HandleAsync(kind, id, new TakeOverRequest(Input.Note, Input.Version), ct), "TakeOver", ct)
            : NotFound();
    }

    public async Task<IActionResult> OnPostFollowUpAsync(Guid id, CancellationToken ct) => ParseKind() is { } kind
        ? await AfterAsync(id, await followUp.HandleAsync(kind, id, new FollowUpRequest(Input.FollowUpNote), ct), "FollowUp", ct)
        : NotFound();

    public static string RouteKind(RequestKind kind) => kind == RequestKind.Case ? "case" : "consultation";

    private RequestKind? ParseKind() => Kind switch
    {
        "case" when me.Has(Permissions.Cases.View) => RequestKind.Case,
        "consultation" when me.Has(Permissions.Consultations.View) => RequestKind.Consultation,
        _ => null,
    };

    private async Task<IActionResult> AfterAsync(Guid id, Result result, string action, CancellationToken ct)
    {
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (result.Status == ResultStatus.Forbidden)
        {
            return Forbid();
        }

        if (result.IsOk)
        {
            var back = Input.ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : $"/requests/{Kind}/{id}";
            return Redirect(back + (back.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "done=" + action);
        }

        ModelState.Clear();
        var fields = new Dictionary<string, string> { ["ToStaffId"] = nameof(OwnershipInput.ToWorkNumber), ["Version"] = string.Empty };
        if (action == "FollowUp")
        {
            fields["Note"] = nameof(OwnershipInput.FollowUpNote);
        }

        foreach (var error in result.Errors)
        {
            var field = fields.GetValueOrDefault(error.Field, error.Field);
            ModelState.AddModelError(string.IsNullOrEmpty(field) ? string.Empty : "Input." + field, ResultMapping.Message(Text, error));
        }

        if (result.Status == ResultStatus.Conflict)
        {
            ModelState.AddModelError(string.Empty, Text[result.Code ?? "Error.Concurrency"]);
        }

        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (ParseKind() is not { } kind)
        {
            return NotFound();
        }

        var result = await get.HandleAsync(kind, id, ct);
        if (!result.IsOk)
        {
            return NotFound();
        }

        View = result.Value!;
        return null;
    }

    public sealed class OwnershipInput
    {
        public string? ToWorkNumber { get; set; }

        public string? Note { get; set; }

        public string? Reason { get; set; }

        public string? FollowUpNote { get; set; }

        public long? Version { get; set; }

        public string? ReturnUrl { get; set; }
    }
}
