using Anxin.Domain.Administration;
using Anxin.Domain.Policies;
using Anxin.Web.Features.Shared;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Policies;

[HasPermission(Permissions.Policies.View)]
public sealed class PolicyListModel(ListPoliciesHandler list, Anxin.Data.AnxinDbContext db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public ProductLine? Line { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Insurer { get; set; }

    [BindProperty(SupportsGet = true)]
    public PolicyStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? InForceOn { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public PolicyPage Result { get; private set; } = new([], null, 0, false);

    public PagerModel Pager { get; private set; } = null!;

    public IReadOnlyList<InsurerRef> Insurers { get; private set; } = [];

    public bool CanManage => me.Has(Permissions.Policies.Manage);

    public bool CanImport => me.Has(Permissions.Policies.Import);

    /// <summary>An insurer's own users see one insurer only: no insurer filter for them.</summary>
    public bool OneInsurer => me.InsurerScope is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Insurers = (await InsurerDirectory.LoadAsync(db, ct)).All;
        var filter = new PolicyFilter(Q, Line, Insurer, Status, InForceOn);
        var result = await list.HandleAsync(new ListPoliciesRequest(filter, After), ct);
        if (!result.IsOk)
        {
            // A damaged cursor in the address: show the first page.
            result = await list.HandleAsync(new ListPoliciesRequest(filter), ct);
        }

        Result = result.Value!;
        Pager = new PagerModel(Result.Total, After is not null, LinkTo(null), Result.NextCursor is { } next ? LinkTo(next) : null);
    }

    public string LinkTo(string? after, string path = "/policies", string? format = null)
    {
        var q = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["line"] = Line?.ToString(),
            ["insurer"] = Insurer,
            ["status"] = Status?.ToString(),
            ["inForceOn"] = InForceOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["after"] = after,
            ["format"] = format,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, q.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
