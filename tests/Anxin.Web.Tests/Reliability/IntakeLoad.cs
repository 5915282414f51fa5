using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Web.Infrastructure.Demo;
using Anxin.Web.Tests.Cases;

namespace Anxin.Web.Tests.Reliability;

/// <summary>
/// Concurrent clients posting loss reports, each with a unique marker in its description and the
/// same marker as Idempotency-Key, to whichever node <see cref="Target"/> names at that moment.
/// Records which markers were acknowledged (201) and which got no answer.
/// </summary>
public sealed class IntakeLoad(string run)
{
    private long _sent;

    public ConcurrentDictionary<string, string> Acknowledged { get; } = new();

    /// <summary>Reports sent without an answer (the node died), with their exact body for a retry.</summary>
    public ConcurrentDictionary<string, string> Unanswered { get; } = new();

    public ConcurrentBag<int> Refusals { get; } = [];

    /// <summary>The node to send to now (a load can move to a restarted node).</summary>
    public Func<Uri> Target { get; set; } = () => throw new InvalidOperationException("No target");

    public long Sent => Interlocked.Read(ref _sent);

    public async Task RunAsync(int clients, TimeSpan duration, CancellationToken ct = default)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { Timeout = TimeSpan.FromSeconds(15) };
        http.DefaultRequestHeaders.Add("X-Api-Key", DemoDataSeeder.HeadOfficeApiKey);
        var until = DateTime.UtcNow + duration;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            for (var seq = 0; DateTime.UtcNow < until && !ct.IsCancellationRequested; seq++)
            {
                var marker = $"{run}-{client}-{seq}";
                var body = CaseTestKit.Report(plate: CaseTestKit.NewPlate());
                body["description"] = "压测 " + marker;
                Interlocked.Increment(ref _sent);
                if (!await SendAsync(http, marker, JsonSerializer.Serialize(body), ct))
                {
                    await Task.Delay(100, CancellationToken.None);
                }
            }
        }, CancellationToken.None)));
    }

    /// <summary>Sends every unanswered report again, same key and body, as a client retrying after a timeout would.</summary>
    public async Task RetryUnansweredAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", DemoDataSeeder.HeadOfficeApiKey);
        foreach (var (marker, body) in Unanswered.ToList())
        {
            if (await SendAsync(http, marker, body, CancellationToken.None))
            {
                Unanswered.TryRemove(marker, out _);
            }
        }
    }

    /// <returns>False when no answer came (connection refused or reset).</returns>
    private async Task<bool> SendAsync(HttpClient http, string marker, string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Target(), "/api/v1/cases"))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", marker);
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var created = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                Acknowledged[marker] = created.GetProperty("number").GetString()!;
            }
            else
            {
                Refusals.Add((int)response.StatusCode);
            }

            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            Unanswered[marker] = body;
            return false;
        }
    }
}
