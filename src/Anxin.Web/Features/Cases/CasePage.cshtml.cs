using System.Globalization;
using Anxin.Domain.Administration;
using Anxin.Domain.Cases;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Cases;

/// <summary>
/// One case: its details (personal data masked, revealed with a reason), coverage check, claim
/// documents, attachments and timeline; verifying the policy later (CC-10) and cancelling.
/// Every action calls the same handler as the API.
/// </summary>
[HasPermission(Permissions.Cases.View)]
[RequestSizeLimit(CaseEndpoints.UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = CaseEndpoints.UploadLimit)]
public sealed class CasePageModel(GetCaseHandler cases, GetRequiredDocumentsHandler documents, ListCaseAttachmentsHandler attachments,
    GetCaseTimelineHandler timeline, VerifyCasePolicyHandler verify, CancelCaseHandler cancel, RevealCasePersonalDataHandler reveal,
    AddCaseAttachmentsHandler upload, CurrentUser me, IStringLocalizer<CaseText> caseText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    /// <summary>The case version the page was shown with (optimistic concurrency for verify and cancel).</summary>
    [BindProperty]
    public long? Version { get; set; }

    [BindProperty]
    public string? VerifyPolicyNumber { get; set; }

    [BindProperty]
    public string? CancelReason { get; set; }

    [BindProperty]
    public string? RevealField { get; set; }

    [BindProperty]
    public string? RevealReason { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public CaseDetail Case { get; private set; } = null!;

    public IReadOnlyList<CoverageReasonText> Reasons { get; private set; } = [];

    public IReadOnlyList<string> Documents { get; private set; } = [];

    public IReadOnlyList<CaseAttachmentItem> Attachments { get; private set; } = [];

    public IReadOnlyList<CaseTimelineEntry> Timeline { get; private set; } = [];

    public RevealedCaseValue? Revealed { get; private set; }

    public string? Message { get; private set; }

    public CaseLocalizer Text => new(caseText, sharedText);

    public bool CanManage => me.Has(Permissions.Cases.Manage);

    public bool CanUpload => me.Has(Permissions.Cases.Report);

    public bool CanReveal => me.Has(Permissions.PersonalData.Reveal);

    public bool CanVerify => CanManage && Case.Status is not (CaseStatus.Closed or CaseStatus.Cancelled) && !Case.PolicyVerified;

    public bool CanCancel => CanManage && Case.Status is CaseStatus.Reported or CaseStatus.Dispatched;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostVerifyAsync(Guid id, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var result = await verify.HandleAsync(id, new VerifyCasePolicyRequest(VerifyPolicyNumber, Version), ct);
        return await AfterAsync(id, result, "Verify", () => Text["Case.VerifiedDone", result.Value!.PolicyNumber ?? string.Empty], ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var result = await cancel.HandleAsync(id, new CancelCaseRequest(CancelReason, Version), ct);
        return await AfterAsync(id, result, "Cancel", () => Text["Case.CancelledDone"], ct);
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, CancellationToken ct)
    {
        if (!CanUpload)
        {
            return Forbid();
        }

        var result = await upload.HandleAsync(id, AttachmentUpload.From(Files), ct);
        return await AfterAsync(id, result, string.Empty, () => Text["Case.AttachmentsAdded", result.Value!.Count], ct);
    }

    public async Task<IActionResult> OnPostRevealAsync(Guid id, CancellationToken ct)
    {
        if (!CanReveal)
        {
            return Forbid();
        }

        var result = await reveal.HandleAsync(id, new RevealCasePersonalDataRequest(RevealField, RevealReason), ct);
        if (result.IsOk)
        {
            Revealed = result.Value;
        }

        return await AfterAsync(id, result, "Reveal", () => null, ct);
    }

    /// <summary>Shows the outcome of an action on the reloaded page: its errors on its own fields (prefix), typed text kept.</summary>
    private async Task<IActionResult> AfterAsync(Guid id, Result result, string prefix, Func<string?> done, CancellationToken ct)
    {
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        ModelState.Clear();
        foreach (var error in result.Errors)
        {
            var field = error.Field == AttachmentUploads.Field && prefix.Length == 0 ? nameof(Files) : prefix + error.Field;
            ModelState.AddModelError(field == nameof(Version) || field == prefix + nameof(Version) ? string.Empty : field, ResultMapping.Message(Text, error));
        }

        if (result.Status is ResultStatus.Conflict or ResultStatus.Forbidden)
        {
            ModelState.AddModelError(string.Empty, Text[result.Code ?? "Error.Concurrency"]);
        }

        if (result.IsOk)
        {
            Message = done();
            VerifyPolicyNumber = null;
            CancelReason = null;
            RevealReason = null;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await cases.HandleAsync(id, ct) is not { } found)
        {
            return false;
        }

        Case = found;
        Version = found.Version;
        Reasons = CoverageText.Reasons(Text, found.Coverage.Reasons);
        var items = await documents.ForAsync(found.InsurerId, found.Line, found.Injuries, ct);
        Documents = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && items.En.Count == items.Zh.Count ? items.En : items.Zh;
        Attachments = await attachments.HandleAsync(id, ct) ?? [];
        Timeline = await timeline.HandleAsync(id, ct) ?? [];
        return true;
    }
}
