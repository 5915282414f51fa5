using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Clocks;
using Anxin.Web.Features.Cases;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Dispatch;

/// <summary>
/// One case's dispatch: the case, its clocks, its assignment history and the ranked
/// recommendation with reasons. Enter (or Alt+A) assigns the top candidate; with a surveyor
/// already assigned, the same buttons reassign and a reason is required.
/// </summary>
[HasPermission(Permissions.Dispatch.Assign)]
public sealed class CaseDispatchModel(GetCaseHandler cases, RecommendSurveyorsHandler recommend, ListCaseAssignmentsHandler history,
    AssignSurveyorHandler assign, AnxinDbContext db, IStringLocalizer<DispatchText> dispatchText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [BindProperty]
    public Guid? SurveyorStaffId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public CaseDetail Case { get; private set; } = null!;

    public Recommendation? Recommendation { get; private set; }

    public IReadOnlyList<AssignmentView> History { get; private set; } = [];

    public IReadOnlyList<ServiceClock> Clocks { get; private set; } = [];

    public AssignmentView? Current => History.FirstOrDefault(a => a.State is Domain.Dispatch.AssignmentState.Assigned
        or Domain.Dispatch.AssignmentState.Acknowledged or Domain.Dispatch.AssignmentState.Arrived);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await assign.HandleAsync(id, new AssignSurveyorRequest(SurveyorStaffId, Reason), ct);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (result.IsOk)
        {
            return Redirect("/dispatch?done=" + Uri.EscapeDataString(result.Value!.CaseNumber));
        }

        ModelState.Clear();
        result.AddTo(ModelState, new DispatchLocalizer(dispatchText, sharedText), prefix: string.Empty);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await cases.HandleAsync(id, ct) is not { } detail)
        {
            return false;
        }

        Case = detail;
        History = await history.HandleAsync(id, ct) ?? [];
        var recommendation = await recommend.HandleAsync(id, null, explain: true, ct);
        Recommendation = recommendation.IsOk ? recommendation.Value : null;
        Clocks = await db.ServiceClocks.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.SubjectType == AssignSurveyorHandler.SubjectType && c.SubjectId == id.ToString())
            .OrderBy(c => c.StartedAt).ToListAsync(ct);
        return true;
    }
}
