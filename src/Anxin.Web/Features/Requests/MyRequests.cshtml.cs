using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Requests;

/// <summary>Everything I own (CC-05): open cases and consultations with their clocks, the nearest deadline first.</summary>
[HasPermission(Permissions.Clocks.ViewOwn)]
public sealed class MyRequestsModel(ListMyRequestsHandler list, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool IncludeClosed { get; set; }

    public MyRequests Requests { get; private set; } = new([], 0, 0, 0);

    public bool CanRegisterConsultation => me.Has(Permissions.Consultations.Manage);

    public async Task OnGetAsync(CancellationToken ct) => Requests = await list.HandleAsync(IncludeClosed, ct);
}
