using Anxin.Domain.Administration;
using Anxin.Domain.Requests;
using Anxin.Web.Features.Requests;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Consultations;

/// <summary>A consultation with its answer form and ownership panel (hand-over, difficult, take-over, follow-up).</summary>
[HasPermission(Permissions.Consultations.View)]
public sealed class ConsultationDetailModel(GetConsultationHandler get, GetOwnershipHandler ownership, AnswerConsultationHandler answer,
    IStringLocalizer<ServiceText> serviceText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    public ConsultationDetail Consultation { get; private set; } = null!;

    public OwnershipView Ownership { get; private set; } = null!;

    public bool Saved { get; private set; }

    public string? Message { get; private set; }

    private ServiceLocalizer Text => new(serviceText, sharedText);

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Saved = saved;
        Message = done is "HandOver" or "Escalate" or "TakeOver" or "FollowUp" or "Answer" ? Text["Ownership.Done." + done].Value : null;
        Input = new AnswerInput { Version = Consultation.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct)
    {
        var result = await answer.HandleAsync(id, new AnswerConsultationRequest(Input.Answer, Input.Version), ct);
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
            return Redirect($"/consultations/{id}?saved=true&done=Answer");
        }

        ModelState.Clear();
        result.AddTo(ModelState, Text);
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input.Version = Consultation.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } consultation)
        {
            return false;
        }

        Consultation = consultation;
        Ownership = (await ownership.HandleAsync(RequestKind.Consultation, id, ct)).Value!;
        return true;
    }

    public sealed class AnswerInput
    {
        public string? Answer { get; set; }

        public long? Version { get; set; }
    }
}
