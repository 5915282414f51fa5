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
