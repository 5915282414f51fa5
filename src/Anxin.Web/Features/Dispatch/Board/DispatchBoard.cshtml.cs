using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Dispatch;

/// <summary>The dispatch board (CC-04); the lists refresh every few seconds through htmx polling of <see cref="OnGetLiveAsync"/>.</summary>
[HasPermission(Permissions.Dispatch.Assign)]
public sealed class DispatchBoardModel(GetDispatchBoardHandler board) : PageModel
{
    /// <summary>The case number just dispatched, for the confirmation line.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public DispatchBoard Board { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Board = await board.HandleAsync(ct);

    public async Task<IActionResult> OnGetLiveAsync(CancellationToken ct) => Partial("_Board", await board.HandleAsync(ct));
}
