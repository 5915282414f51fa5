using Anxin.Domain.Administration;
using Anxin.Domain.Organisation;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Organisation;

[HasPermission(Permissions.Org.Manage)]
public sealed class NewOrgNodeModel(GetOrgTreeHandler tree, CreateOrgNodeHandler create, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public NodeInput Input { get; set; } = new();

    public IReadOnlyList<OrgNodeDto> Nodes { get; private set; } = [];

    public async Task OnGetAsync(Guid? parent, CancellationToken ct)
    {
        Nodes = await tree.HandleAsync(ct);
        Input.ParentId = parent ?? Nodes.FirstOrDefault()?.Id;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await create.HandleAsync(new CreateOrgNodeRequest(Input.ParentId, Input.Kind, Input.Code, Input.Name), ct);
        if (result.IsOk)
        {
            return Redirect("/admin/org");
        }

        ModelState.Clear();
        result.AddTo(ModelState, text);
        Nodes = await tree.HandleAsync(ct);
        return Page();
    }

    public sealed class NodeInput
    {
        public Guid? ParentId { get; set; }

        public OrgNodeKind? Kind { get; set; } = OrgNodeKind.SubBranch;

        public string? Code { get; set; }

        public string? Name { get; set; }
    }
}
