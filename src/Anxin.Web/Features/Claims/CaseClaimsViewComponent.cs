using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Claims;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Claims;

/// <summary>A case's claims (those the user may see), and for claims handlers the way to open one (CLM-01).</summary>
public sealed record CaseClaimsPanel(Guid CaseId, IReadOnlyList<CaseClaimsPanel.Row> Claims, bool CanOpen)
{
    public sealed record Row(Guid Id, string Number, ClaimStatus Status);
}

/// <summary>The claims panel on the case page: <c>@await Component.InvokeAsync("CaseClaims", new { caseId, cancelled })</c>.</summary>
public sealed class CaseClaimsViewComponent(AnxinDbContext db, CurrentUser me) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId, bool cancelled)
    {
        if (!me.Has(Permissions.Claims.View))
        {
            return Content(string.Empty);
        }

        var ct = HttpContext.RequestAborted;
        var claims = await db.Claims.AsNoTracking().Where(c => c.CaseId == caseId).OrderBy(c => c.ClaimedAt)
            .Select(c => new CaseClaimsPanel.Row(c.Id, c.Number, c.Status)).ToListAsync(ct);

        // One open claim per case, wherever it is handled (a count, in a query of its own).
        var canOpen = me.Has(Permissions.Claims.Handle) && !cancelled
            && !await db.Claims.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AnyAsync(c => c.CaseId == caseId && c.Status != ClaimStatus.Closed, ct);
        return View("~/Features/Claims/_CaseClaims.cshtml", new CaseClaimsPanel(caseId, claims, canOpen));
    }
}
