using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Anxin.Web.Features.Messaging.Notifications;

/// <summary>/notifications: all of the signed-in user's notifications, 20 a page, with mark-read.</summary>
public sealed class MyNotificationsModel(PageMyNotificationsHandler list, MarkNotificationReadHandler markRead,
    MarkAllNotificationsReadHandler markAll) : PageModel
{
    public const int Size = 20;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public NotificationPageDto Notifications { get; private set; } = new(0, 0, 1, false, []);

    public async Task OnGetAsync(CancellationToken ct) => Notifications = await list.HandleAsync(PageNumber, Size, ct);

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken ct)
    {
        await markRead.HandleAsync(id, ct);
        return Redirect(PageUrl(PageNumber));
    }

    /// <summary>From the bell (htmx: answers with the refreshed dropdown list) or from this page.</summary>
    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await markAll.HandleAsync(ct);
        if (Request.Headers.ContainsKey("HX-Request"))
        {
            return Partial("_LatestList", await list.HandleAsync(1, LatestModel.Size, ct));
        }

        return Redirect(PageUrl(1));
    }

    public static string PageUrl(int page) => page <= 1 ? "/notifications" : "/notifications?p=" + page;
}
