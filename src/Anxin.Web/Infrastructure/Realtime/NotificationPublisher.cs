using System.Text.Json;
using Anxin.Data;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Infrastructure.Realtime;

/// <summary>What a signed-in browser receives when a notification arrives.</summary>
public sealed record NotificationPush(Guid Id, string Title, string Body, string? Link, int Unread);

/// <summary>
/// Tells the user's open pages that a notification row was committed. Call only after
/// SaveChanges; never throws (a lost push only means the badge catches up on the next page).
/// </summary>
public interface INotificationPublisher
{
    Task PublishAsync(Guid userId, Guid notificationId, CancellationToken ct = default);
}

/// <summary>Pushes to the user's connections on this node: reads the row and the unread count, sends to <c>user:{id}</c>.</summary>
public sealed partial class LocalNotificationPusher(IServiceScopeFactory scopes, IHubContext<NotificationsHub> hub, ConnectedUsers connected,
    ILogger<LocalNotificationPusher> log)
{
    public async Task PushAsync(Guid userId, Guid notificationId, CancellationToken ct)
    {
        if (!connected.IsConnected(userId))
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AnxinDbContext>();
            var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
            var n = await mine.Where(x => x.Id == notificationId)
                .Select(x => new { x.Id, x.Title, x.Body, x.Link }).SingleOrDefaultAsync(ct);
            if (n is null)
            {
                return;
            }

            var unread = await mine.CountAsync(x => x.ReadAt == null, ct);
            await hub.Clients.Group(NotificationsHub.Group(userId))
                .SendAsync(NotificationsHub.Method, new NotificationPush(n.Id, n.Title, n.Body, n.Link, unread), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogPushFailed(log, notificationId, e.GetType().Name);
        }
    }

    // Ids only: titles and bodies may carry personal data.
    [LoggerMessage(LogLevel.Warning, "Live push of notification {NotificationId} failed ({Error})")]
    private static partial void LogPushFailed(ILogger logger, Guid notificationId, string error);
}

/// <summary>Single node (SQLite): push straight to this node's hub.</summary>
public sealed class LocalNotificationPublisher(LocalNotificationPusher pusher) : INotificationPublisher
{
    public Task PublishAsync(Guid userId, Guid notificationId, CancellationToken ct = default) => pusher.PushAsync(userId, notificationId, ct);
}

/// <summary>
/// Several nodes (PostgreSQL): <c>NOTIFY anxin_notifications</c> with only the ids; every node's
/// <see cref="PostgresNotificationListener"/> forwards it to its own connections.
/// </summary>
public sealed partial class PostgresNotificationPublisher(IServiceScopeFactory scopes, ILogger<PostgresNotificationPublisher> log) : INotificationPublisher
{
    public const string Channel = "anxin_notifications";

    public async Task PublishAsync(Guid userId, Guid notificationId, CancellationToken ct = default)
    {
        try
        {
            await PostgresNotify.SendAsync(scopes, Channel, new NotifyPayload(userId, notificationId), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotifyFailed(log, notificationId, e.GetType().Name);
        }
    }

    [LoggerMessage(LogLevel.Warning, "NOTIFY for notification {NotificationId} failed ({Error})")]
    private static partial void LogNotifyFailed(ILogger logger, Guid notificationId, string error);
}

/// <summary>The NOTIFY payload: ids only (no personal data, far below the 8000-byte limit).</summary>
public sealed record NotifyPayload(Guid U, Guid N);
