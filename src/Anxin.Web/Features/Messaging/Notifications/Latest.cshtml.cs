using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Messaging.Notifications;

/// <summary>GET /notifications/latest: the bell dropdown's newest 10 (an htmx fragment, no layout).</summary>
public sealed class LatestModel(PageMyNotificationsHandler list) : PageModel
{
    public const int Size = 10;

    public NotificationPageDto Latest { get; private set; } = new(0, 0, 1, false, []);

    public async Task OnGetAsync(CancellationToken ct) => Latest = await list.HandleAsync(1, Size, ct);
}
