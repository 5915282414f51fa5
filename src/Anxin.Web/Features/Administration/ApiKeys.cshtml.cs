using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Administration;

[HasPermission(Permissions.ApiKeys.Manage)]
public sealed class ApiKeysModel(ListApiKeysHandler list, RevokeApiKeyHandler revoke,
    IStringLocalizer<AdminText> admin, IStringLocalizer<SharedResource> shared) : PageModel
{
    public IReadOnlyList<ApiKeyDto> Keys { get; private set; } = [];

    public bool Revoked { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Keys = await list.HandleAsync(ct);

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var result = await revoke.HandleAsync(id, ct);
        result.AddTo(ModelState, new AdminMessages(admin, shared), prefix: string.Empty);
        Revoked = result.IsOk;
        Keys = await list.HandleAsync(ct);
        return Page();
    }
}
