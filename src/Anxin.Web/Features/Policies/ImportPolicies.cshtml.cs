using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Policies;

/// <summary>Upload a CSV of policies: all imported, or nothing and the row-by-row report (also as a CSV download).</summary>
[HasPermission(Permissions.Policies.Import)]
[RequestSizeLimit(PolicyCsv.MaxBytes + (1024 * 1024))]
public sealed class ImportPoliciesModel(ImportPoliciesHandler import, IStringLocalizer<PolicyText> policyText, IStringLocalizer<SharedResource> sharedText)
    : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public PolicyImportOutcome? Outcome { get; private set; }

    /// <summary>The error report as a data: URL (base64 CSV), so the download needs no server-side state.</summary>
    public string? ErrorsCsvUrl { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate() => File(PolicyCsv.Template(), "text/csv; charset=utf-8", "policy-import-template.csv");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var text = new PolicyLocalizer(policyText, sharedText);
        await using var stream = Upload is { Length: > 0 } ? Upload.OpenReadStream() : null;
        var result = await import.HandleAsync(stream, Upload?.FileName, ct);
        if (!result.IsOk)
        {
            // File-level problems (too large, not the format, no rows) belong to the upload field; a conflict to the page.
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(Upload), ResultMapping.Message(text, error));
            }

            if (result.Status != ResultStatus.Invalid)
            {
                result.AddTo(ModelState, text);
            }

            return Page();
        }

        Outcome = result.Value;
        if (Outcome!.Rejected)
        {
            ErrorsCsvUrl = "data:text/csv;charset=utf-8;base64," + Convert.ToBase64String(await ImportPoliciesHandler.ErrorsCsvAsync(Outcome.Errors, text, ct));
        }

        return Page();
    }
}
