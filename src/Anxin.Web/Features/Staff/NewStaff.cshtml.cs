using Anxin.Domain.Administration;
using Anxin.Web.Features.Organisation;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Staff;

[HasPermission(Permissions.Staff.Manage)]
public sealed class NewStaffModel(CreateStaffHandler create, GetOrgTreeHandler tree,
    IStringLocalizer<StaffText> staffText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [BindProperty]
    public StaffInput Input { get; set; } = new();

    public IReadOnlyList<OrgNodeDto> Nodes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Nodes = await tree.HandleAsync(ct);
        Input.OrgNodeId ??= Nodes.FirstOrDefault()?.Id;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await create.HandleAsync(new CreateStaffRequest(Input.WorkNumber, Input.Name, Input.OrgNodeId, Input.Position,
            Input.Mobile, Input.IdNumber, Input.Email, Input.UserName, Input.InitialPassword, Input.Roles), ct);
        if (result.IsOk)
        {
            return Redirect($"/admin/staff/{result.Value!.Id}");
        }

        ModelState.Clear();
        result.AddTo(ModelState, new StaffLocalizer(staffText, sharedText));
        Input.InitialPassword = null;
        Nodes = await tree.HandleAsync(ct);
        return Page();
    }

    public sealed class StaffInput
    {
        public string? WorkNumber { get; set; }

        public string? Name { get; set; }

        public Guid? OrgNodeId { get; set; }

        public string? Position { get; set; }

        public string? Mobile { get; set; }

        public string? IdNumber { get; set; }

        public string? Email { get; set; }

        public string? UserName { get; set; }

        public string? InitialPassword { get; set; }

        public List<string> Roles { get; set; } = [];
    }
}
