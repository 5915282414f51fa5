using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Anxin.Web.Tests.Notifications;

/// <summary>
/// A minimal SignalR client (JSON hub protocol over a WebSocket, negotiation skipped) for a
/// test server: the .NET SignalR client package is not on the package mirror. It signs in
/// through the real login form and connects with the auth cookie, like a browser does.
/// </summary>
public sealed class HubTestClient : IAsyncDisposable
{
    private const char Separator = '\u001e';
    private readonly WebSocket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<(string Target, JsonElement Argument)> _received = Channel.CreateUnbounded<(string, JsonElement)>();
    private readonly Task _reader;

    private HubTestClient(WebSocket socket)
    {
        _socket = socket;
        _reader = ReadAsync();
    }

    public static async Task<HubTestClient> ConnectAsync(AnxinAppFactory app, string userName, string path = "/hubs/notifications")
    {
        var cookies = new CookieContainer();
        var browser = app.CreateDefaultClient(new CookieContainerHandler(cookies));
        var signIn = await browser.PostFormAsync("/account/login", new() { ["Input.UserName"] = userName, ["Input.Password"] = Anxin.Web.Infrastructure.Demo.DemoDataSeeder.Password });
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)signIn.StatusCode}");
        }

        var cookie = cookies.GetCookieHeader(browser.BaseAddress!);
        var ws = app.Server.CreateWebSocketClient();
        ws.ConfigureRequest = r => r.Headers.Cookie = cookie;
        var socket = await ws.ConnectAsync(new Uri(app.Server.BaseAddress, path.TrimStart('/')).ToWs(), CancellationToken.None);
        await SendAsync(socket, "{\"protocol\":\"json\",\"version\":1}");
        var client = new HubTestClient(socket);
        var handshake = await client.NextAsync("(handshake)", TimeSpan.FromSeconds(10));
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

    /// <summary>Whether a <paramref name="target"/> message arrives within <paramref name="wait"/>.</summary>
    public async Task<bool> ReceivesAsync(string target, TimeSpan wait)
    {
        try
        {
            await NextAsync(target, wait);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static Task SendAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json + Separator), WebSocketMessageType.Text, true, CancellationToken.None);

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
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The server may close its end first (the test host's socket then says "the remote end closed the connection").
        }

        await _stop.CancelAsync();
        await _reader.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
        _socket.Dispose();
        _stop.Dispose();
    }
}

internal static class UriExtensions
{
    public static Uri ToWs(this Uri uri) => new UriBuilder(uri) { Scheme = uri.Scheme == "https" ? "wss" : "ws" }.Uri;
}
