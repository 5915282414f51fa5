using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Organisation;

[HasPermission(Permissions.Org.Manage)]
public sealed class EditOrgNodeModel(GetOrgTreeHandler tree, EditOrgNodeHandler edit, MoveOrgNodeHandler move,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public NodeEdit Input { get; set; } = new();

    [BindProperty]
    public Guid? NewParentId { get; set; }

    public OrgNodeDto Node { get; private set; } = null!;

    public IReadOnlyList<OrgNodeDto> Nodes { get; private set; } = [];

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new NodeEdit { Code = Node.Code, Name = Node.Name, IsActive = Node.IsActive, Version = Node.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        var result = await edit.HandleAsync(id, new EditOrgNodeRequest(Input.Code, Input.Name, Input.IsActive, Input.Version), ct);
        return await AfterAsync(id, result, ct);
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, CancellationToken ct)
    {
        var result = await move.HandleAsync(id, new MoveOrgNodeRequest(NewParentId, Input.Version), ct);
        ModelState.Clear();
        result.AddTo(ModelState, text, prefix: string.Empty);
        if (result.IsOk)
        {
            return Redirect("/admin/org");
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> AfterAsync(Guid id, Result<OrgNodeDto> result, CancellationToken ct)
    {
        ModelState.Clear();
        result.AddTo(ModelState, text);
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (result.IsOk)
        {
            Saved = true;
            Input.Version = result.Value!.Version;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Nodes = await tree.HandleAsync(ct);
        var node = Nodes.FirstOrDefault(n => n.Id == id);
        if (node is null)
        {
            return false;
        }

        Node = node;
        return true;
    }

    public sealed class NodeEdit
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        public bool IsActive { get; set; }

        public long Version { get; set; }
    }
}
