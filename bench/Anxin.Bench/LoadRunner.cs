using System.Diagnostics;
using System.Net.Http.Headers;

namespace Anxin.Bench;

public sealed record LoadResult(string Name, int Clients, double Seconds, long Requests, long Errors, Latencies Latency, IReadOnlyDictionary<int, long> Statuses)
{
    public double PerSecond => Requests / Seconds;
}

/// <summary>
/// A fixed number of clients, each sending its next request as soon as the previous one answered
/// (closed loop), for a fixed time. Latency is measured per request; a non-2xx answer or a failed
/// request counts as an error.
/// </summary>
public static class LoadRunner
{
    public static HttpClient Client(Uri address, int clients) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = clients,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <param name="request">Builds the i-th request of a client (client index, sequence).</param>
    public static async Task<LoadResult> RunAsync(string name, HttpClient http, int clients, TimeSpan duration,
        Func<int, long, HttpRequestMessage> request, Action<int, long, HttpResponseMessage>? observe = null)
    {
        var latency = new Latencies();
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, long>();
        long requests = 0, errors = 0;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var mine = new List<long>(64 * 1024);
            for (long seq = 0; Stopwatch.GetTimestamp() < deadline; seq++)
            {
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var message = request(client, seq);
                    using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead);
                    mine.Add((long)(Stopwatch.GetElapsedTime(t0).Ticks / 10));
                    statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                    Interlocked.Increment(ref requests);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }

                    observe?.Invoke(client, seq, response);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    statuses.AddOrUpdate(0, 1, (_, n) => n + 1);
                    Interlocked.Increment(ref requests);
                    Interlocked.Increment(ref errors);
                    await Task.Delay(50);
                }
            }

            latency.AddRange(mine);
        })).ToArray();
        await Task.WhenAll(workers);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new LoadResult(name, clients, seconds, requests, errors, latency, statuses.ToDictionary());
    }

    public static HttpRequestMessage Json(HttpMethod method, string path, byte[] body, string? apiKey = null, string? idempotencyKey = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var message = new HttpRequestMessage(method, path) { Content = content };
        if (apiKey is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Api-Key", apiKey);
        }

        if (idempotencyKey is not null)
        {
            message.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return message;
    }
}
