using Anxin.Domain.Administration;
using Anxin.Domain.Calls;
using Anxin.Web.Features.Shared;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Calls;

[HasPermission(Permissions.Calls.View)]
public sealed class CallLogModel(ListCallsHandler list, CurrentUser me, IStringLocalizer<CallText> callText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public CallType? Type { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? Agent { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public CallState? State { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public CallPage Result { get; private set; } = new([], null, new CallTotals(0, 0, 0));

    public PagerModel Pager { get; private set; } = null!;

    public bool CanUseDesk => me.Has(Permissions.Calls.Desk);

    public IEnumerable<string> Errors => ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var filter = new CallFilter(From, To, Type, Agent, State, Number);
        var result = await list.HandleAsync(new ListCallsRequest(filter, After), ct);
        if (!result.IsOk && After is not null)
        {
            // A damaged cursor in the address: show the first page.
            After = null;
            result = await list.HandleAsync(new ListCallsRequest(filter), ct);
        }

        if (!result.IsOk)
        {
            result.AddTo(ModelState, new CallLocalizer(callText, sharedText), "Filter");
            return;
        }

        Result = result.Value!;
        Pager = new PagerModel(Result.Totals.Total, After is not null, LinkTo(null), Result.NextCursor is { } next ? LinkTo(next) : null);
    }

    public string LinkTo(string? after, string path = "/calls", string? format = null)
    {
        var q = new Dictionary<string, string?>
        {
            ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["type"] = Type?.ToString(),
            ["agent"] = Agent,
            ["state"] = State?.ToString(),
            ["number"] = Number,
            ["after"] = after,
            ["format"] = format,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, q.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
