using Microsoft.AspNetCore.Mvc;

namespace Anxin.Web.Features.Messaging.Notifications;

/// <summary>The header bell: an icon button with the server-rendered unread count and an htmx-loaded dropdown.</summary>
public sealed class NotificationBellViewComponent(CountMyUnreadNotificationsHandler count) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Features/Messaging/Notifications/_Bell.cshtml", await count.HandleAsync(HttpContext.RequestAborted));
}
