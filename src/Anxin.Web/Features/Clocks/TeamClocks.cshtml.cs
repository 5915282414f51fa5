using Anxin.Domain.Administration;
using Anxin.Domain.Clocks;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Clocks;

[HasPermission(Permissions.Clocks.ViewTeam)]
public sealed class TeamClocksModel(ListClocksHandler list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ClockState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Rule { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public ClockList Clocks { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await list.HandleAsync(new ListClocksQuery("team", State, Rule, Overdue, After), ct);
        if (!result.IsOk)
        {
            return Forbid();
        }

        Clocks = result.Value!;
        return Page();
    }

    public string PageUrl(string? after) =>
        $"/clocks/team?State={State}&Rule={Uri.EscapeDataString(Rule ?? string.Empty)}&Overdue={Overdue}" + (after is null ? string.Empty : $"&After={after}");
}
