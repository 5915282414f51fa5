using Anxin.Domain.Administration;
using Anxin.Web.Features.Organisation;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Administration;

/// <summary>Issues a key; the result page shows it once and is never cached.</summary>
[HasPermission(Permissions.ApiKeys.Manage)]
public sealed class NewApiKeyModel(GetOrgTreeHandler tree, CreateApiKeyHandler create, CurrentUser me, Anxin.Data.AnxinDbContext db,
    IStringLocalizer<AdminText> admin, IStringLocalizer<SharedResource> shared) : PageModel
{
    [BindProperty]
    public KeyInput Input { get; set; } = new();

    public IReadOnlyList<OrgNodeDto> Nodes { get; private set; } = [];

    /// <summary>The commissioning insurers a key may be bound to (only the actor's own, for an insurer's administrator).</summary>
    public IReadOnlyList<Policies.InsurerRef> Insurers { get; private set; } = [];

    public bool OneInsurer => me.InsurerScope is not null;

    /// <summary>Permissions the user may put on a key: those they hold.</summary>
    public IReadOnlySet<string> Grantable => me.Permissions;

    public CreatedApiKeyDto? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Nodes = await tree.HandleAsync(ct);
        Input.OrgNodeId = me.OrgNodeId is { } own && Nodes.Any(n => n.Id == own) ? own : Nodes.FirstOrDefault()?.Id;
        await LoadInsurersAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await create.HandleAsync(new CreateApiKeyRequest(Input.Name, Input.OrgNodeId, Input.Permissions, Input.InsurerCode), ct);
        ModelState.Clear();
        result.AddTo(ModelState, new AdminMessages(admin, shared));
        if (result.IsOk)
        {
            Created = result.Value;
            Response.Headers.CacheControl = "no-store";
        }
        else
        {
            Nodes = await tree.HandleAsync(ct);
            await LoadInsurersAsync(ct);
        }

        return Page();
    }

    private async Task LoadInsurersAsync(CancellationToken ct) =>
        Insurers = (await Policies.InsurerDirectory.LoadAsync(db, ct)).All.Where(i => me.InsurerScope is null || i.Id == me.InsurerScope).ToList();

    public sealed class KeyInput
    {
        public string? Name { get; set; }

        public Guid? OrgNodeId { get; set; }

        public List<string> Permissions { get; set; } = [];

        public string? InsurerCode { get; set; }
    }
}
