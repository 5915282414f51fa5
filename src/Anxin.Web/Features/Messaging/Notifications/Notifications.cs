using Anxin.Data;
using Anxin.Domain.Messaging;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Messaging.Notifications;

public sealed record NotificationDto(Guid Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record MyNotificationsDto(int Unread, IReadOnlyList<NotificationDto> Items);

/// <summary>Adds an in-app notification directly (outside the outbox, e.g. for the user's own actions).</summary>
public sealed class CreateNotificationHandler(AnxinDbContext db, TimeProvider time)
{
    public async Task<NotificationDto> HandleAsync(Guid userId, string title, string body, string? link, CancellationToken ct)
    {
        var n = Notification.Create(userId, title, body, link, time.GetUtcNow());
        db.Notifications.Add(n);
        await db.SaveChangesAsync(ct);
        return new NotificationDto(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt);
    }
}

/// <summary>The signed-in user's newest notifications and unread count.</summary>
public sealed class ListMyNotificationsHandler(AnxinDbContext db, CurrentUser me)
{
    public async Task<MyNotificationsDto> HandleAsync(CancellationToken ct)
    {
        if (me.Id is not { } userId)
        {
            return new MyNotificationsDto(0, []);
        }

        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        var items = await mine.OrderByDescending(n => n.CreatedAt).Take(50)
            .Select(n => new NotificationDto(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt)).ToListAsync(ct);
        return new MyNotificationsDto(unread, items);
    }
}

public sealed class MarkNotificationReadHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    public async Task<Result> HandleAsync(Guid id, CancellationToken ct)
    {
        var n = await db.Notifications.SingleOrDefaultAsync(x => x.Id == id && x.UserId == me.Id, ct);
        if (n is null)
        {
            return Result.NotFound();
        }

        n.MarkRead(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}

public sealed class NotificationEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Messaging");
        group.MapGet("/", (ListMyNotificationsHandler h, CancellationToken ct) => h.HandleAsync(ct));
        group.MapPost("/{id:guid}/read", async (Guid id, MarkNotificationReadHandler h, HttpContext http, CancellationToken ct) =>
            (await h.HandleAsync(id, ct)).ToHttp(http));
    }
}
