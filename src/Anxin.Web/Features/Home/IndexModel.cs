using Anxin.Web.Features.Home;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Home;

public sealed class IndexModel(GetHomeDashboardHandler handler) : PageModel
{
    public HomeDashboard Dashboard { get; private set; } = new(null, [], []);

    public async Task OnGetAsync(CancellationToken ct) => Dashboard = await handler.HandleAsync(ct);
}
