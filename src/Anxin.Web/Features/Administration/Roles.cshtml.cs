using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Administration;

/// <summary>The role × permission matrix; Save replaces every role's grants at once.</summary>
[HasPermission(Permissions.Roles.Manage)]
public sealed class RolesModel(GetRolesHandler get, SaveRolePermissionsHandler save,
    IStringLocalizer<AdminText> admin, IStringLocalizer<SharedResource> shared) : PageModel
{
    /// <summary>Ticked boxes, each "{roleCode}|{permission}".</summary>
    [BindProperty(Name = "grant")]
    public List<string> Grants { get; set; } = [];

    public IReadOnlyList<RoleDto> Roles { get; private set; } = [];

    public bool Saved { get; private set; }

    public bool IsGranted(string role, string permission) => Grants.Contains(role + "|" + permission, StringComparer.Ordinal);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Roles = await get.HandleAsync(ct);
        Grants = Roles.SelectMany(r => r.Permissions.Select(p => r.Code + "|" + p)).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Roles = await get.HandleAsync(ct);
        var matrix = Roles.ToDictionary(r => r.Code, r => (IReadOnlyCollection<string>)Grants
            .Select(g => g.Split('|', 2))
            .Where(g => g.Length == 2 && g[0] == r.Code)
            .Select(g => g[1]).Distinct(StringComparer.Ordinal).ToList());
        var result = await save.HandleAsync(matrix, ct);
        ModelState.Clear();
        result.AddTo(ModelState, new AdminMessages(admin, shared), prefix: string.Empty);
        if (result.IsOk)
        {
            Saved = true;
            Roles = await get.HandleAsync(ct);
        }

        return Page();
    }
}
