using Anxin.Domain.Administration;
using Anxin.Domain.Claims;
using Anxin.Web.Features.Shared;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Anxin.Web.Features.Claims;

/// <summary>/claims/vendors: the vendor register (CLM-09) with filters, paging and export.</summary>
[HasPermission(Permissions.Vendors.View)]
public sealed class VendorListModel(ListVendorsHandler list, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public VendorKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Active { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public ListPage<VendorView> Result { get; private set; } = ListPage<VendorView>.Empty;

    public PagerModel Pager { get; private set; } = null!;

    public bool CanManage => me.Has(Permissions.Vendors.Manage);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var filter = new VendorFilter(Kind, Q, Active ?? true);
        var result = await list.HandleAsync(filter, After, null, ct);
        if (!result.IsOk)
        {
            result = await list.HandleAsync(filter, null, null, ct);
        }

        Result = result.Value!;
        Pager = new PagerModel(Result.Total ?? 0, After is not null, LinkTo(null), Result.NextCursor is { } next ? LinkTo(next) : null);
    }

    public string LinkTo(string? after, string path = "/claims/vendors", string? format = null) =>
        QueryHelpers.AddQueryString(path, new Dictionary<string, string?>
        {
            ["kind"] = Kind?.ToString(),
            ["q"] = Q,
            ["active"] = Active?.ToString(),
            ["after"] = after,
            ["format"] = format,
        }.Where(p => !string.IsNullOrEmpty(p.Value)));
}
