using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Anxin.Web.Infrastructure.Realtime;

/// <summary>
/// Live in-app notifications (/hubs/notifications). Each connection joins its user's group
/// <c>user:{userId}</c>; the server only pushes, clients call nothing.
/// </summary>
[Authorize]
public sealed class NotificationsHub(ConnectedUsers connected) : Hub
{
    public const string Path = "/hubs/notifications";

    /// <summary>The client method a pushed notification arrives on.</summary>
    public const string Method = "notification";

    public static string Group(Guid userId) => "user:" + userId.ToString("D");

    public override async Task OnConnectedAsync()
    {
        if (!Guid.TryParse(Context.UserIdentifier, out var userId))
        {
            Context.Abort();
            return;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, Group(userId));
        connected.Add(userId);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Guid.TryParse(Context.UserIdentifier, out var userId))
        {
            connected.Remove(userId);
        }

        return base.OnDisconnectedAsync(exception);
    }
}

/// <summary>Users with at least one hub connection on this node (so other nodes' pushes can be skipped cheaply).</summary>
public sealed class ConnectedUsers
{
    private readonly ConcurrentDictionary<Guid, int> _counts = new();

    public bool IsConnected(Guid userId) => _counts.TryGetValue(userId, out var n) && n > 0;

    internal void Add(Guid userId) => _counts.AddOrUpdate(userId, 1, (_, n) => n + 1);

    internal void Remove(Guid userId)
    {
        var left = _counts.AddOrUpdate(userId, 0, (_, n) => Math.Max(0, n - 1));
        if (left == 0)
        {
            _counts.TryRemove(new KeyValuePair<Guid, int>(userId, 0));
        }
    }
}
