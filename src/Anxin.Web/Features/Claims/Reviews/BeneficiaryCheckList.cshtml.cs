using Anxin.Domain.Administration;
using Anxin.Domain.Claims;
using Anxin.Web.Features.Shared;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Anxin.Web.Features.Claims;

/// <summary>/claims/reviews: the callback team's beneficiary checks (CLM-10), open first by default, with filters, totals and export.</summary>
[HasPermission(Permissions.Claims.Callback)]
public sealed class BeneficiaryCheckListModel(ListBeneficiaryChecksHandler list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public BeneficiaryCheckStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Problem { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    /// <summary>"all" shows every status; without it the list opens on the checks still to call.</summary>
    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    public BeneficiaryCheckStatus? EffectiveStatus => All ? Status : Status ?? BeneficiaryCheckStatus.Open;

    public BeneficiaryCheckPage Result { get; private set; } = new([], null, 0, 0, 0);

    public PagerModel Pager { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var filter = new BeneficiaryCheckFilter(EffectiveStatus, Problem, Q);
        var result = await list.HandleAsync(filter, After, null, ct);
        if (!result.IsOk)
        {
            result = await list.HandleAsync(filter, null, null, ct);
        }

        Result = result.Value!;
        Pager = new PagerModel(Result.Total, After is not null, LinkTo(null), Result.NextCursor is { } next ? LinkTo(next) : null);
    }

    public string LinkTo(string? after, string path = "/claims/reviews", string? format = null) =>
        QueryHelpers.AddQueryString(path, new Dictionary<string, string?>
        {
            ["status"] = EffectiveStatus?.ToString(),
            ["all"] = EffectiveStatus is null ? "true" : null,
            ["problem"] = Problem?.ToString(),
            ["q"] = Q,
            ["after"] = after,
            ["format"] = format,
        }.Where(p => !string.IsNullOrEmpty(p.Value)));
}
