using System.Text.Json;
using Anxin.Data;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Infrastructure.Realtime;

/// <summary>
/// A further kind of live push that crosses nodes like notifications do: the publishing node
/// sends <c>pg_notify(Name, payload)</c> (ids only, never personal data) and every node's
/// <see cref="PostgresNotificationListener"/> hands the payload to <see cref="DeliverAsync"/>, which
/// pushes to this node's connections. Register implementations as singletons of this interface.
/// </summary>
public interface ILiveChannel
{
    /// <summary>The PostgreSQL channel name (a plain identifier, e.g. <c>anxin_calls</c>).</summary>
    string Name { get; }

    /// <summary>Delivers one payload to this node's connections; never throws.</summary>
    Task DeliverAsync(string payload, CancellationToken ct);
}

/// <summary>The sending side of every live channel on PostgreSQL: <c>pg_notify(channel, payload)</c> on a connection of its own.</summary>
public static class PostgresNotify
{
    /// <summary>Sends <paramref name="payload"/> (serialized as JSON; ids only) to every node listening on <paramref name="channel"/>.</summary>
    public static async Task SendAsync(IServiceScopeFactory scopes, string channel, object payload, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(payload);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnxinDbContext>();
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({channel}, {json})", ct);
    }
}
