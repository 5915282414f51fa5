using Anxin.Domain.Administration;
using Anxin.Domain.Common;
using Anxin.Domain.Dispatch;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Dispatch;

/// <summary>
/// The surveyor's phone page (works at 390 px): presence, the open tasks with the contact's
/// number to call, and one big button for the next step of each — acknowledge (= I have called
/// the customer), arrived, then the loss assessment with photos.
/// </summary>
[HasPermission(Permissions.Dispatch.Field)]
[RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
[RequestSizeLimit(64 * 1024 * 1024)]
public sealed class MyTasksPageModel(MyTasksHandler tasks, AcknowledgeAssignmentHandler acknowledge, ReportArrivalHandler arrival,
    RecordAssessmentHandler assess, AddSurveyPhotosHandler photos, ChangePresenceHandler presence, FieldReporter reporter,
    IStringLocalizer<DispatchText> dispatchText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [BindProperty]
    public AssessmentInput Input { get; set; } = new();

    /// <summary>The task whose assessment form had errors (kept open with what was typed).</summary>
    public Guid? FailedAssignmentId { get; private set; }

    public IReadOnlyList<SurveyTask> Tasks { get; private set; } = [];

    public SurveyorPresence? Presence { get; private set; }

    public string? Message { get; private set; }

    private DispatchLocalizer Text => new(dispatchText, sharedText);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid assignmentId, CancellationToken ct) =>
        StepAsync(assignmentId, acknowledge.HandleAsync(assignmentId, ct), "Field.Acknowledged", ct);

    public Task<IActionResult> OnPostArrivedAsync(Guid assignmentId, CancellationToken ct) =>
        StepAsync(assignmentId, arrival.HandleAsync(assignmentId, ct), "Field.ArrivedDone", ct);

    public async Task<IActionResult> OnPostAssessAsync(Guid assignmentId, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var amount = Money.Create(Input.LossAmount);
        if (!amount.IsValid)
        {
            errors.Add("LossAmount", amount.ErrorCode);
        }

        if (Input.Notes is { Length: > Assignment.MaxNotesLength })
        {
            errors.Add("Notes", "Validation.TooLong");
        }

        Result result;
        if (errors.Any)
        {
            result = Result.Invalid(errors.All);
        }
        else
        {
            // Photos first: a refused photo keeps the task open with everything typed.
            var files = Request.Form.Files.Where(f => f.Name == "Input.Photos" && f.Length > 0)
                .Select(f => new UploadedPhoto(f.FileName, f.Length, f.OpenReadStream)).ToList();
            result = files.Count > 0 ? await photos.HandleAsync(assignmentId, files, ct) : Result.Ok();
            if (result.IsOk)
            {
                result = await assess.HandleAsync(assignmentId, new RecordAssessmentRequest(amount.Value.Amount, Input.Notes), ct);
            }
        }

        return await AfterAsync(assignmentId, result, "Field.AssessedDone", ct);
    }

    public async Task<IActionResult> OnPostPresenceAsync(SurveyorPresence? to, CancellationToken ct)
    {
        var result = await presence.HandleAsync(new ChangePresenceRequest(to), ct);
        ModelState.Clear();
        result.AddTo(ModelState, Text, prefix: string.Empty);
        await LoadAsync(ct);
        return Page();
    }

    private async Task<IActionResult> StepAsync(Guid assignmentId, Task<Result<AssignmentView>> step, string done, CancellationToken ct) =>
        await AfterAsync(assignmentId, await step, done, ct);

    private async Task<IActionResult> AfterAsync(Guid assignmentId, Result result, string done, CancellationToken ct)
    {
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (result.Status == ResultStatus.Forbidden)
        {
            return Forbid();
        }

        ModelState.Clear();
        result.AddTo(ModelState, Text);
        if (result.IsOk)
        {
            Input = new AssessmentInput();
            Message = Text[done];
        }
        else
        {
            FailedAssignmentId = assignmentId;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Tasks = await tasks.HandleAsync(ct);
        var profile = await reporter.ProfileAsync(null, ct);
        Presence = profile.IsOk ? profile.Value!.Presence : null;
    }

    public sealed class AssessmentInput
    {
        public string? LossAmount { get; set; }

        public string? Notes { get; set; }
    }
}
