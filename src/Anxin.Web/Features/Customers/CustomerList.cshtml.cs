using Anxin.Domain.Administration;
using Anxin.Domain.Customers;
using Anxin.Web.Features.Shared;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Customers;

[HasPermission(Permissions.Customers.View)]
public sealed class CustomerListModel(ListCustomersHandler list, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public CustomerKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Active { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public CustomerPage Result { get; private set; } = new([], null, 0);

    public PagerModel Pager { get; private set; } = null!;

    public bool CanManage => me.Has(Permissions.Customers.Manage);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var filter = new CustomerFilter(Q, Kind, Active);
        var result = await list.HandleAsync(new ListCustomersRequest(filter, After), ct);
        if (!result.IsOk)
        {
            // A damaged cursor in the address: show the first page.
            result = await list.HandleAsync(new ListCustomersRequest(filter), ct);
        }

        Result = result.Value!;
        Pager = new PagerModel(Result.Total, After is not null, LinkTo(null), Result.NextCursor is { } next ? LinkTo(next) : null);
    }

    public string LinkTo(string? after, string path = "/customers", string? format = null)
    {
        var q = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["kind"] = Kind?.ToString(),
            ["active"] = Active?.ToString(),
            ["after"] = after,
            ["format"] = format,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, q.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
