using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Claims;

/// <summary>/admin/claim-review: the review sampling rules (CLM-10) — percentage, value threshold and callback team per scope and line.</summary>
[HasPermission(Permissions.Claims.ManageReview)]
public sealed class ReviewRulesAdminModel(ManageReviewRulesHandler rules, AnxinDbContext db, IStringLocalizer<ClaimText> claimText,
    IStringLocalizer<SharedResource> sharedText) : PageModel
{
    public IReadOnlyList<ReviewRuleView> Rules { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name, string Path)> Nodes { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    private ClaimLocalizer Text => new(claimText, sharedText);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(Guid? ruleId, Guid? scopeNodeId, ProductLine? line, decimal? percent, decimal? valueThreshold,
        Guid? callbackTeamNodeId, long? version, CancellationToken ct) =>
        await AfterAsync(await rules.SaveAsync(ruleId, new SaveReviewRuleRequest(scopeNodeId, line, percent, valueThreshold, callbackTeamNodeId, version), ct), ct);

    public async Task<IActionResult> OnPostDeleteAsync(Guid ruleId, CancellationToken ct) => await AfterAsync(await rules.DeleteAsync(ruleId, ct), ct);

    private async Task<IActionResult> AfterAsync(Result result, CancellationToken ct)
    {
        if (result.IsOk)
        {
            Message = Text["Common.Saved"];
            return Redirect("/admin/claim-review");
        }

        ModelState.Clear();
        result.AddTo(ModelState, Text, string.Empty);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rules = await rules.ListAsync(ct);
        Nodes = (await db.OrgNodes.IgnoreQueryFilters().AsNoTracking().OrderBy(n => n.Path).Select(n => new { n.Id, n.Name, n.Path }).ToListAsync(ct))
            .Select(n => (n.Id, n.Name, n.Path)).ToList();
    }
}
