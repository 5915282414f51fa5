using System.Text.Json;
using System.Threading.Channels;
using Npgsql;

namespace Anxin.Web.Infrastructure.Realtime;

/// <summary>
/// One dedicated connection per node that runs <c>LISTEN anxin_notifications</c> (and the
/// channel of every registered <see cref="ILiveChannel"/>) and waits; each NOTIFY (from any
/// node) is forwarded to this node's hub. The connection is re-opened after any failure, with a
/// growing pause (1 s up to 30 s). Pushes missed while disconnected are not replayed: the badge
/// is read from the database on the next page.
/// </summary>
public sealed partial class PostgresNotificationListener(string connectionString, LocalNotificationPusher pusher,
    IEnumerable<ILiveChannel> channels, ILogger<PostgresNotificationListener> log) : BackgroundService
{
    private readonly Channel<(string Channel, string Payload)> _inbox = Channel.CreateBounded<(string, string)>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly Dictionary<string, ILiveChannel> _channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>Set once the LISTEN is active (tests wait for it).</summary>
    public TaskCompletionSource Listening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), ForwardAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken ct)
    {
        var pause = TimeSpan.FromSeconds(1);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 };
                await using var conn = new NpgsqlConnection(builder.ConnectionString);
                conn.Notification += (_, e) => _inbox.Writer.TryWrite((e.Channel, e.Payload));
                await conn.OpenAsync(ct);
                var names = new[] { PostgresNotificationPublisher.Channel }.Concat(_channels.Keys).ToList();
                foreach (var name in names)
                {
                    await using var listen = new NpgsqlCommand("LISTEN " + name, conn);
                    await listen.ExecuteNonQueryAsync(ct);
                }

                LogListening(log, string.Join(", ", names));
                Listening.TrySetResult();
                pause = TimeSpan.FromSeconds(1);
                while (!ct.IsCancellationRequested)
                {
                    await conn.WaitAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogDisconnected(log, e.GetType().Name, pause.TotalSeconds);
                try
                {
                    await Task.Delay(pause, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                pause = TimeSpan.FromSeconds(Math.Min(30, pause.TotalSeconds * 2));
            }
        }
    }

    private async Task ForwardAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var (channel, payload) in _inbox.Reader.ReadAllAsync(ct))
            {
                if (channel == PostgresNotificationPublisher.Channel)
                {
                    if (TryParse(payload) is { } p)
                    {
                        await pusher.PushAsync(p.U, p.N, ct);
                    }
                }
                else if (_channels.TryGetValue(channel, out var live))
                {
                    await live.DeliverAsync(payload, ct);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static NotifyPayload? TryParse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<NotifyPayload>(payload);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(LogLevel.Information, "Listening for live notifications (LISTEN {Channels})")]
    private static partial void LogListening(ILogger logger, string channels);

    [LoggerMessage(LogLevel.Warning, "Live-notification listener lost its connection ({Error}); retrying in {Seconds}s")]
    private static partial void LogDisconnected(ILogger logger, string error, double seconds);
}
