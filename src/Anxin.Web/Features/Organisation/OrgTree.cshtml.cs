using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Organisation;

[HasPermission(Permissions.Org.View)]
public sealed class OrgTreeModel(GetOrgTreeHandler handler, CurrentUser me) : PageModel
{
    public IReadOnlyList<OrgNodeDto> Nodes { get; private set; } = [];

    public bool CanManage => me.Has(Permissions.Org.Manage);

    public async Task OnGetAsync(CancellationToken ct) => Nodes = await handler.HandleAsync(ct);
}
