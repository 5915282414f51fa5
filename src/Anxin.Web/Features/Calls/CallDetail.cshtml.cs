using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Calls;

[HasPermission(Permissions.Calls.View)]
public sealed class CallDetailModel(GetCallHandler get, CurrentUser me) : PageModel
{
    public CallDetail Call { get; private set; } = null!;

    public bool CanUseDesk => me.Has(Permissions.Calls.Desk);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } call)
        {
            return NotFound();
        }

        Call = call;
        return Page();
    }
}
