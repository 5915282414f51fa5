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
public sealed class NewStaffModel(CreateStaffHandler create, GetOrgTreeHandler tree, Anxin.Data.AnxinDbContext db, CurrentUser me,
    IStringLocalizer<StaffText> staffText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [BindProperty]
    public StaffInput Input { get; set; } = new();

    public IReadOnlyList<OrgNodeDto> Nodes { get; private set; } = [];

    /// <summary>The commissioning insurers an account may belong to (only the actor's own, for an insurer's administrator).</summary>
    public IReadOnlyList<Policies.InsurerRef> Insurers { get; private set; } = [];

    public bool OneInsurer => me.InsurerScope is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Nodes = await tree.HandleAsync(ct);
        Input.OrgNodeId ??= Nodes.FirstOrDefault()?.Id;
        await LoadInsurersAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await create.HandleAsync(new CreateStaffRequest(Input.WorkNumber, Input.Name, Input.OrgNodeId, Input.Position,
            Input.Mobile, Input.IdNumber, Input.Email, Input.UserName, Input.InitialPassword, Input.Roles, Input.InsurerCode), ct);
        if (result.IsOk)
        {
            return Redirect($"/admin/staff/{result.Value!.Id}");
        }

        ModelState.Clear();
        result.AddTo(ModelState, new StaffLocalizer(staffText, sharedText));
        Input.InitialPassword = null;
        Nodes = await tree.HandleAsync(ct);
        await LoadInsurersAsync(ct);
        return Page();
    }

    private async Task LoadInsurersAsync(CancellationToken ct) =>
        Insurers = (await Policies.InsurerDirectory.LoadAsync(db, ct)).All.Where(i => me.InsurerScope is null || i.Id == me.InsurerScope).ToList();

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

        /// <summary>A commissioning insurer's code; blank for our own staff.</summary>
        public string? InsurerCode { get; set; }
    }
}
