using Anxin.Domain.Administration;
using Anxin.Domain.Dispatch;
using Anxin.Web.Features.Shared;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Dispatch;

[HasPermission(Permissions.Dispatch.ManageSurveyors)]
public sealed class SurveyorListModel(ListSurveyorsHandler list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public SurveyorSkills? Skill { get; set; }

    [BindProperty(SupportsGet = true)]
    public SurveyorPresence? Presence { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public ListPage<SurveyorListItem> Result { get; private set; } = ListPage<SurveyorListItem>.Empty;

    public PagerModel Pager { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var filter = new SurveyorFilter(Q, Skill, Presence);
        var result = await list.HandleAsync(new ListSurveyorsRequest(filter, After), ct);
        if (!result.IsOk)
        {
            // A damaged cursor in the address: show the first page.
            result = await list.HandleAsync(new ListSurveyorsRequest(filter), ct);
        }

        Result = result.Value!;
        Pager = new PagerModel(Result.Total ?? 0, After is not null, LinkTo(null), Result.NextCursor is { } next ? LinkTo(next) : null);
    }

    public string LinkTo(string? after, string path = "/dispatch/surveyors", string? format = null)
    {
        var q = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["skill"] = Skill?.ToString(),
            ["presence"] = Presence?.ToString(),
            ["after"] = after,
            ["format"] = format,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, q.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}

/// <summary>The list page's export links: the same filters, streamed as CSV or XLSX.</summary>
[HasPermission(Permissions.Dispatch.ManageSurveyors)]
public sealed class ExportSurveyorsModel(ExportSurveyorsHandler export) : PageModel
{
    public IActionResult OnGet(string? format, string? q, SurveyorSkills? skill, SurveyorPresence? presence, string? columns) =>
        export.Handle(new SurveyorFilter(q, skill, presence), format, columns) is { IsOk: true } result
            ? result.Value!
            : BadRequest();
}
