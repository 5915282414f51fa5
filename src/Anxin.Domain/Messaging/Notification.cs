namespace Anxin.Domain.Messaging;

/// <summary>An in-app notification for one user (the in-app channel of the outbox).</summary>
public sealed class Notification
{
    private Notification()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Body { get; private set; } = string.Empty;

    public string? Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public static Notification Create(Guid userId, string title, string body, string? link, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        Title = Truncate(title, 200),
        Body = Truncate(body, 2000),
        Link = string.IsNullOrWhiteSpace(link) ? null : Truncate(link, 400),
        CreatedAt = now,
    };

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;

    private static string Truncate(string value, int max) => value.Length > max ? value[..max] : value;
}
