using Anxin.Domain.Administration;
using Anxin.Domain.Clocks;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Clocks;

[HasPermission(Permissions.Clocks.ViewOwn)]
public sealed class MyClocksModel(ListClocksHandler list) : PageModel
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

    private const string Scope = "my";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await list.HandleAsync(new ListClocksQuery(Scope, State, Rule, Overdue, After), ct);
        if (!result.IsOk)
        {
            return Forbid();
        }

        Clocks = result.Value!;
        return Page();
    }

    public string PageUrl(string? after) =>
        $"/clocks/{Scope}?State={State}&Rule={Uri.EscapeDataString(Rule ?? string.Empty)}&Overdue={Overdue}" + (after is null ? string.Empty : $"&After={after}");
}
