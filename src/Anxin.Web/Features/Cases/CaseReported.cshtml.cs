using System.Globalization;
using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Cases;

/// <summary>
/// What the agent tells the reporter once the report is in (CC-03, CC-09): the case number, the
/// coverage check, the claim documents to read out, and that the SMS is on its way. A page of its
/// own (post-redirect-get), so reloading it never registers the report twice.
/// </summary>
[HasPermission(Permissions.Cases.View)]
public sealed class CaseReportedModel(GetCaseHandler cases, GetRequiredDocumentsHandler documents,
    IStringLocalizer<CaseText> caseText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    public CaseDetail Case { get; private set; } = null!;

    public IReadOnlyList<string> Documents { get; private set; } = [];

    public IReadOnlyList<CoverageReasonText> Reasons { get; private set; } = [];

    public CaseLocalizer Text => new(caseText, sharedText);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await cases.HandleAsync(id, ct) is not { } found)
        {
            return NotFound();
        }

        Case = found;
        Reasons = CoverageText.Reasons(Text, found.Coverage.Reasons);
        var items = await documents.ForAsync(found.InsurerId, found.Line, found.Injuries, ct);
        Documents = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && items.En.Count == items.Zh.Count ? items.En : items.Zh;
        return Page();
    }
}
