using System.Globalization;
using Anxin.Domain.Administration;
using Anxin.Domain.Consultations;
using Anxin.Web.Features.Shared;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Consultations;

[HasPermission(Permissions.Consultations.View)]
public sealed class ConsultationListModel(ListConsultationsHandler list, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public ConsultationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public ConsultationCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public ConsultationPage Result { get; private set; } = new([], null, 0, false);

    public PagerModel Pager { get; private set; } = null!;

    public bool CanManage => me.Has(Permissions.Consultations.Manage);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var filter = new ConsultationFilter(Q, Status, Category, Mine, Overdue, From, To);
        var result = await list.HandleAsync(new ListConsultationsRequest(filter, After), ct);
        if (!result.IsOk)
        {
            // A damaged cursor in the address: show the first page.
            result = await list.HandleAsync(new ListConsultationsRequest(filter), ct);
        }

        Result = result.Value!;
        Pager = new PagerModel(Result.Total, After is not null, LinkTo(null), Result.NextCursor is { } next ? LinkTo(next) : null);
    }

    public string LinkTo(string? after, string path = "/consultations", string? format = null)
    {
        var q = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["status"] = Status?.ToString(),
            ["category"] = Category?.ToString(),
            ["mine"] = Mine ? "true" : null,
            ["overdue"] = Overdue ? "true" : null,
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["after"] = after,
            ["format"] = format,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, q.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
