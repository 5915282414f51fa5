using Anxin.Domain.Administration;
using Anxin.Web.Features.Organisation;
using Anxin.Web.Features.Shared;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Staff;

[HasPermission(Permissions.Staff.View)]
public sealed class StaffListModel(ListStaffHandler list, GetOrgTreeHandler tree, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? OrgNodeId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Active { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public StaffQuery Query => new() { Q = Q, OrgNodeId = OrgNodeId, Role = Role, Active = Active, After = After };

    public StaffPage Result { get; private set; } = new([], null, 0);

    public IReadOnlyList<OrgNodeDto> Nodes { get; private set; } = [];

    public PagerModel Pager { get; private set; } = null!;

    public bool CanManage => me.Has(Permissions.Staff.Manage);

    public bool CanExport => me.Has(Permissions.Staff.Export);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Nodes = await tree.HandleAsync(ct);
        var result = await list.HandleAsync(new ListStaffRequest(Query.ToFilter(), After), ct);
        if (!result.IsOk)
        {
            // A damaged cursor in the address: show the first page.
            result = await list.HandleAsync(new ListStaffRequest(Query.ToFilter()), ct);
        }

        Result = result.Value!;
        Pager = new PagerModel(Result.Total, After is not null, LinkTo(null), Result.NextCursor is { } next ? LinkTo(next) : null);
    }

    public string LinkTo(string? after, string path = "/admin/staff", string? format = null)
    {
        var q = new Dictionary<string, string?>
        {
            ["q"] = Query.Q,
            ["orgNodeId"] = Query.OrgNodeId?.ToString(),
            ["role"] = Query.Role,
            ["active"] = Query.Active?.ToString(),
            ["after"] = after,
            ["format"] = format,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, q.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
