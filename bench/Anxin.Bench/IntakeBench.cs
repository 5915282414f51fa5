using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Bench;

/// <summary>
/// <c>intake</c>: the app in Release on 127.0.0.1 as a child process; a fixed number of clients
/// post valid loss reports for a fixed time, then the same load goes to the bare endpoint of the
/// same app (same JSON body, no database); prints both, their ratio and the app's peak memory.
/// </summary>
public static class IntakeBench
{
    private const string HeadOfficeKey = "ak_demo-head-office-admin-key-0000000000";

    public static async Task<int> RunAsync(Options o)
    {
        var clients = o.Count("clients", 32);
        var seconds = o.Count("seconds", 20);
        var warmup = o.Count("warmup", 3);
        var idempotency = !o.Flag("no-idempotency");
        var database = BenchDatabase.From(o, "intake");
        if (!o.Flag("keep"))
        {
            await database.DropAsync();
        }

        var dll = await AppProcess.EnsureBuiltAsync(o["app"], o.Flag("rebuild"));
        var settings = new Dictionary<string, string>(database.AppSettings())
        {
            ["Demo:Seed"] = "true",
            ["Bench:BareEndpoint"] = "true",

            // Background delivery and clock checks would compete with intake for the same cores; they are measured elsewhere.
            ["Outbox:Enabled"] = o.Flag("with-workers") ? "true" : "false",
            ["Clocks:WorkerEnabled"] = o.Flag("with-workers") ? "true" : "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Anxin.Web.Infrastructure.Data.GroupCommitWriter"] = "Information",
        };
        Console.WriteLine($"intake: {clients} clients × {seconds} s on {database.Describe()} (app {dll})");
        await using var app = await AppProcess.StartAsync(dll, settings);
        var bodies = await BodiesAsync(database, 4096);
        using var http = LoadRunner.Client(app.Address, clients);
        var run = Guid.NewGuid().ToString("N")[..8];
        var results = new List<LoadResult>();
        var cpuPerRequest = new Dictionary<string, double>();
        using var sampler = new MemorySampler(app);

        if (!o.Flag("no-bare"))
        {
            await LoadRunner.RunAsync("warm-up", http, clients, TimeSpan.FromSeconds(warmup), (c, s) => Bare(bodies, c, s));
            var cpu = app.CpuTime();
            results.Add(await LoadRunner.RunAsync("bare endpoint (no database)", http, clients, TimeSpan.FromSeconds(seconds), (c, s) => Bare(bodies, c, s)));
            cpuPerRequest[results[^1].Name] = (app.CpuTime() - cpu).TotalMilliseconds * 1000 / results[^1].Requests;
        }

        var before = await CountCasesAsync(database);
        long created = 0;
        void Count(int client, long seq, HttpResponseMessage r)
        {
            if (r.StatusCode == System.Net.HttpStatusCode.Created)
            {
                Interlocked.Increment(ref created);
            }
        }

        await LoadRunner.RunAsync("warm-up", http, clients, TimeSpan.FromSeconds(warmup), (c, s) => Intake(bodies, c, s, idempotency ? $"w{run}-{c}-{s}" : null), Count);
        sampler.Start();
        var intakeCpu = app.CpuTime();
        var writerCpu = app.ThreadCpuTime("group-commit");
        results.Add(await LoadRunner.RunAsync("loss-report intake (durable)", http, clients, TimeSpan.FromSeconds(seconds),
            (c, s) => Intake(bodies, c, s, idempotency ? $"m{run}-{c}-{s}" : null), Count));
        cpuPerRequest[results[^1].Name] = (app.CpuTime() - intakeCpu).TotalMilliseconds * 1000 / results[^1].Requests;
        var writerPerRequest = (app.ThreadCpuTime("group-commit") - writerCpu).TotalMilliseconds * 1000 / results[^1].Requests;
        var (peakDuring, hwm) = await sampler.StopAsync();
        var stored = await CountCasesAsync(database) - before;

        var table = new Table("scenario", "clients", "seconds", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "app CPU µs/req", "statuses");
        foreach (var r in results)
        {
            table.Add(r.Name, r.Clients, r.Seconds, r.Requests, r.PerSecond, r.Latency.Ms(50), r.Latency.Ms(95), r.Latency.Ms(99), r.Errors,
                cpuPerRequest.GetValueOrDefault(r.Name, double.NaN),
                string.Join(' ', r.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        }

        Console.WriteLine();
        Console.WriteLine(table);
        var intake = results[^1];
        var bare = results.Count > 1 ? results[0] : null;
        var ratio = bare is null ? double.NaN : intake.PerSecond / bare.PerSecond;
        var target = database.IsSqlite ? 0.25 : 0.15;
        foreach (var line in app.Output.Where(l => l.Contains("Group commit", StringComparison.Ordinal)).TakeLast(3))
        {
            Console.WriteLine("app: " + line);
        }

        Console.WriteLine($"of the intake CPU, the group-commit writer thread: {writerPerRequest:N0} µs per report");
        Console.WriteLine($"cases stored during the runs: {stored:N0} for {Interlocked.Read(ref created):N0} answers 201 (each must be stored once)");
        Console.WriteLine($"app memory: peak RSS during intake {peakDuring:N0} MB, VmHWM over the app's life {hwm:N0} MB (target ≤ 500 MB)");
        if (bare is not null)
        {
            Console.WriteLine($"ratio intake/bare: {ratio:P1} (target ≥ {target:P0}); intake p99 {intake.Latency.Ms(99):0.0} ms (target ≤ 50 ms)");
        }

        var ok = (bare is null || ratio >= target) && intake.Latency.Ms(99) <= 50 && hwm <= 500 && intake.Errors == 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"summary: intake {database.Engine} {clients} clients: {intake.PerSecond:N0} req/s, p50 {intake.Latency.Ms(50):0.0} ms, p99 {intake.Latency.Ms(99):0.0} ms, {intake.Errors} errors; " +
            $"bare {(bare is null ? "-" : bare.PerSecond.ToString("N0", CultureInfo.InvariantCulture))} req/s; ratio {(double.IsNaN(ratio) ? "-" : ratio.ToString("P1", CultureInfo.InvariantCulture))}; " +
            $"peak memory {hwm:N0} MB; {(ok ? "targets met" : "TARGETS MISSED")}"));
        return 0;
    }

    private static HttpRequestMessage Bare(byte[][] bodies, int client, long seq) =>
        LoadRunner.Json(HttpMethod.Post, "/bench/bare", bodies[(int)((seq * 31 + client) % bodies.Length)]);

    private static HttpRequestMessage Intake(byte[][] bodies, int client, long seq, string? key) =>
        LoadRunner.Json(HttpMethod.Post, "/api/v1/cases", bodies[(int)((seq * 31 + client) % bodies.Length)], HeadOfficeKey, key);

    /// <summary>Valid reports: mostly on policies in the register (by number or plate), some on numbers it does not know.</summary>
    public static async Task<byte[][]> BodiesAsync(BenchDatabase database, int count)
    {
        await using var db = database.Context();
        var insurers = await db.Insurers.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Code);
        var policies = await db.Policies.IgnoreQueryFilters().AsNoTracking().Where(p => p.InsurerId != null)
            .Select(p => new { p.Number, p.Plate, p.InsurerId, p.Line }).Take(2000).ToListAsync();
        var fake = new FakeData(7);
        var lossAt = DateTimeOffset.UtcNow.AddHours(-2);
        return Enumerable.Range(0, count).Select(i =>
        {
            var policy = policies.Count > 0 && i % 10 < 7 ? policies[i % policies.Count] : null;
            var (lat, lng) = fake.Coordinates();
            var body = new Dictionary<string, object?>
            {
                ["insurerCode"] = policy is null ? "PICC" : insurers[policy.InsurerId!.Value],
                ["policyNumber"] = policy is null ? "P-NOT-REGISTERED-" + i.ToString(CultureInfo.InvariantCulture) : policy.Number,
                ["plate"] = policy?.Plate ?? fake.Plate(),
                ["line"] = "Motor",
                ["reporterName"] = fake.Name(),
                ["reporterMobile"] = fake.Mobile(),
                ["lossAt"] = lossAt.AddMinutes(-i % 600),
                ["lossPlace"] = fake.Place(),
                ["latitude"] = Math.Round(lat, 5),
                ["longitude"] = Math.Round(lng, 5),
                ["cause"] = "Collision",
                ["description"] = fake.Description() + " #" + i.ToString(CultureInfo.InvariantCulture),
                ["injuries"] = false,
            };
            return JsonSerializer.SerializeToUtf8Bytes(body);
        }).ToArray();
    }

    public static async Task<long> CountCasesAsync(BenchDatabase database)
    {
        await using var db = database.Context();
        return await db.Cases.IgnoreQueryFilters().LongCountAsync();
    }
}

/// <summary>Samples the app's VmRSS every 100 ms while running; VmHWM is the kernel's own peak.</summary>
internal sealed class MemorySampler(AppProcess app) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task<double>? _loop;

    public void Start() => _loop = Task.Run(async () =>
    {
        var peak = 0.0;
        while (!_stop.IsCancellationRequested)
        {
            var (_, current) = app.Memory();
            if (!double.IsNaN(current))
            {
                peak = Math.Max(peak, current);
            }

            try
            {
                await Task.Delay(100, _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return peak;
    });

    public async Task<(double PeakDuring, double HighWaterMark)> StopAsync()
    {
        await _stop.CancelAsync();
        var peak = _loop is null ? double.NaN : await _loop;
        return (peak, app.Memory().PeakMb);
    }

    public void Dispose() => _stop.Dispose();
}
