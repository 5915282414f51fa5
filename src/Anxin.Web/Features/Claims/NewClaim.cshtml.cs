using Anxin.Domain.Administration;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Claims;

/// <summary>Opens a claim (CLM-01) from a case (<c>/claims/new?caseId=</c>, the case page's "open claim" link) or at the counter.</summary>
[HasPermission(Permissions.Claims.Handle)]
public sealed class NewClaimModel(OpenClaimHandler open, IStringLocalizer<ClaimText> claimText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? CaseId { get; set; }

    [BindProperty]
    public ClaimInput Input { get; set; } = new();

    public CasePreview? Case { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CaseId is { } caseId)
        {
            Case = await open.PreviewCaseAsync(caseId, ct);
            if (Case is null)
            {
                return NotFound();
            }

            if (Case.OpenClaimId is { } existing)
            {
                return Redirect($"/claims/{existing}");
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = CaseId is { } caseId
            ? new OpenClaimRequest(CaseId: caseId, ClaimantName: Blank(Input.ClaimantName), ClaimantMobile: Blank(Input.ClaimantMobile),
                KnewOfLossAt: Local(Input.KnewOfLossAt))
            : new OpenClaimRequest(Line: Input.Line, InsurerCode: Blank(Input.InsurerCode), PolicyNumber: Blank(Input.PolicyNumber),
                ClaimantName: Input.ClaimantName, ClaimantMobile: Input.ClaimantMobile, LossAt: Local(Input.LossAt), ReportedAt: Local(Input.ReportedAt),
                KnewOfLossAt: Local(Input.KnewOfLossAt), InsuredObject: Blank(Input.InsuredObject), Injuries: Input.Injuries);
        var result = await open.HandleAsync(request, ct);
        if (result.IsOk)
        {
            return Redirect($"/claims/{result.Value!.Id}");
        }

        ModelState.Clear();
        result.AddTo(ModelState, new ClaimLocalizer(claimText, sharedText));
        if (CaseId is { } id)
        {
            Case = await open.PreviewCaseAsync(id, ct);
        }

        return Page();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>A datetime-local field, read as Beijing time.</summary>
    private static DateTimeOffset? Local(DateTime? value) => value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Unspecified), TimeSpan.FromHours(8)) : null;

    public sealed class ClaimInput
    {
        public ProductLine? Line { get; set; }

        public string? InsurerCode { get; set; }

        public string? PolicyNumber { get; set; }

        public string? ClaimantName { get; set; }

        public string? ClaimantMobile { get; set; }

        public DateTime? LossAt { get; set; }

        public DateTime? ReportedAt { get; set; }

        public DateTime? KnewOfLossAt { get; set; }

        public string? InsuredObject { get; set; }

        public bool Injuries { get; set; }
    }
}
