using Anxin.Domain.Administration;
using Anxin.Domain.Claims;
using Anxin.Domain.Policies;
using Anxin.Web.Features.Shared;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Anxin.Web.Features.Claims;

/// <summary>The claims work queue: mine, waiting for my approval, or the team's, with clocks, filters, totals and export.</summary>
[HasPermission(Permissions.Claims.View)]
public sealed class ClaimListModel(ListClaimsHandler list, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ClaimQueue? Queue { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public ClaimStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public ProductLine? Line { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Open { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Flagged { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public ClaimPage Result { get; private set; } = new([], null, 0, 0m, 0m, 0);

    public PagerModel Pager { get; private set; } = null!;

    public bool CanHandle => me.Has(Permissions.Claims.Handle);

    public bool CanApprove => me.Has(Permissions.Claims.Approve);

    /// <summary>Handlers start on their own claims, approvers on what waits for them, others on the team.</summary>
    public ClaimQueue EffectiveQueue => Queue ?? (CanHandle && !CanApprove ? ClaimQueue.Mine : CanApprove ? ClaimQueue.Approvals : ClaimQueue.Team);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var filter = new ClaimFilter(EffectiveQueue, Q, Status, Line, Open, Overdue, Flagged);
        var result = await list.HandleAsync(new ListClaimsRequest(filter, After), ct);
        if (!result.IsOk)
        {
            result = await list.HandleAsync(new ListClaimsRequest(filter), ct);
        }

        Result = result.Value!;
        Pager = new PagerModel(Result.Total, After is not null, LinkTo(null), Result.NextCursor is { } next ? LinkTo(next) : null);
    }

    public string LinkTo(string? after, string path = "/claims", string? format = null, ClaimQueue? queue = null)
    {
        var q = new Dictionary<string, string?>
        {
            ["queue"] = (queue ?? EffectiveQueue).ToString(),
            ["q"] = Q,
            ["status"] = Status?.ToString(),
            ["line"] = Line?.ToString(),
            ["open"] = Open?.ToString(),
            ["overdue"] = Overdue?.ToString(),
            ["flagged"] = Flagged?.ToString(),
            ["after"] = after,
            ["format"] = format,
        };
        return QueryHelpers.AddQueryString(path, q.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
