using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Anxin.Web.Tests.Reliability;

/// <summary>
/// A minimal SignalR client for a real server (JSON hub protocol over a WebSocket, negotiation
/// skipped), since the .NET SignalR client's transport package is not on the package mirror.
/// Connects with a browser's auth cookie, like the page's script does.
/// </summary>
public sealed class RealHubClient : IAsyncDisposable
{
    private const char Separator = '\u001e';
    private readonly ClientWebSocket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<(string Target, JsonElement Argument)> _received = Channel.CreateUnbounded<(string, JsonElement)>();
    private readonly Task _reader;

    private RealHubClient(ClientWebSocket socket)
    {
        _socket = socket;
        _reader = ReadAsync();
    }

    public static async Task<RealHubClient> ConnectAsync(Uri hub, string cookieHeader)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Cookie", cookieHeader);
        await socket.ConnectAsync(new UriBuilder(hub) { Scheme = hub.Scheme == "https" ? "wss" : "ws" }.Uri, CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}" + Separator), WebSocketMessageType.Text, true, CancellationToken.None);
        var client = new RealHubClient(socket);
        await client.NextAsync("(handshake)", TimeSpan.FromSeconds(15));
        return client;
    }

    /// <summary>The argument of the next invocation of <paramref name="target"/> (others are skipped), or throws on timeout.</summary>
    public async Task<JsonElement> NextAsync(string target, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var (t, arg) = await _received.Reader.ReadAsync(cts.Token);
                if (t == target)
                {
                    return arg;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No '{target}' message within {timeout.TotalSeconds}s.");
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        var pending = new StringBuilder();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                pending.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                var text = pending.ToString();
                var last = text.LastIndexOf(Separator);
                if (last < 0)
                {
                    continue;
                }

                pending.Clear().Append(text[(last + 1)..]);
                foreach (var frame in text[..last].Split(Separator))
                {
                    using var doc = JsonDocument.Parse(frame);
                    var root = doc.RootElement;
                    if (!root.TryGetProperty("type", out var type))
                    {
                        _received.Writer.TryWrite(("(handshake)", root.Clone()));
                    }
                    else if (type.GetInt32() == 1)
                    {
                        _received.Writer.TryWrite((root.GetProperty("target").GetString()!, root.GetProperty("arguments")[0].Clone()));
                    }
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }

        await _stop.CancelAsync();
        await _reader.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _stop.Dispose();
    }
}
