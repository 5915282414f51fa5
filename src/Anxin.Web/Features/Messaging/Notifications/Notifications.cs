using Anxin.Data;
using Anxin.Domain.Messaging;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Messaging.Notifications;

public sealed record NotificationDto(Guid Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record MyNotificationsDto(int Unread, IReadOnlyList<NotificationDto> Items);

/// <summary>Adds an in-app notification directly (outside the outbox, e.g. for the user's own actions).</summary>
public sealed class CreateNotificationHandler(AnxinDbContext db, TimeProvider time, INotificationPublisher publisher)
{
    public async Task<NotificationDto> HandleAsync(Guid userId, string title, string body, string? link, CancellationToken ct)
    {
        var n = Notification.Create(userId, title, body, link, time.GetUtcNow());
        db.Notifications.Add(n);
        await db.SaveChangesAsync(ct);
        await publisher.PublishAsync(userId, n.Id, ct);
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

/// <summary>Marks every unread notification of the signed-in user read; returns how many.</summary>
public sealed class MarkAllNotificationsReadHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        if (me.Id is not { } userId)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        return await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}

public sealed record NotificationPageDto(int Unread, int Total, int Page, bool HasNext, IReadOnlyList<NotificationDto> Items);

/// <summary>The signed-in user's notifications, newest first, one page at a time (bell: page 1 of 10; list page: 20).</summary>
public sealed class PageMyNotificationsHandler(AnxinDbContext db, CurrentUser me)
{
    public async Task<NotificationPageDto> HandleAsync(int page, int size, CancellationToken ct)
    {
        page = Math.Max(1, page);
        size = Math.Clamp(size, 1, 100);
        if (me.Id is not { } userId)
        {
            return new NotificationPageDto(0, 0, page, false, []);
        }

        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        var total = await mine.CountAsync(ct);
        var items = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip((page - 1) * size).Take(size)
            .Select(n => new NotificationDto(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt)).ToListAsync(ct);
        return new NotificationPageDto(unread, total, page, page * size < total, items);
    }
}

/// <summary>The signed-in user's unread count (the bell's badge).</summary>
public sealed class CountMyUnreadNotificationsHandler(AnxinDbContext db, CurrentUser me)
{
    public Task<int> HandleAsync(CancellationToken ct) => me.Id is { } userId
        ? db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct)
        : Task.FromResult(0);
}

public sealed class NotificationEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Messaging");
        group.MapGet("/", (ListMyNotificationsHandler h, CancellationToken ct) => h.HandleAsync(ct));
        group.MapPost("/{id:guid}/read", async (Guid id, MarkNotificationReadHandler h, HttpContext http, CancellationToken ct) =>
            (await h.HandleAsync(id, ct)).ToHttp(http));
        group.MapPost("/read-all", async (MarkAllNotificationsReadHandler h, CancellationToken ct) => new { marked = await h.HandleAsync(ct) });
    }
}
