using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Anxin.Domain.Clocks;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Bench;

/// <summary>
/// <c>queries</c>: against a generated database (10,000,000 cases for the published figures),
/// the app in Release answers, one request at a time, the case list's first and next page for an
/// organisation subtree and a status, searches by case number, plate and mobile, and the month
/// dashboard; p50/p99 of each.
/// </summary>
public static class QueriesBench
{
    private const string HeadOfficeKey = "ak_demo-head-office-admin-key-0000000000";

    public static async Task<int> RunAsync(Options o)
    {
        var iterations = o.Count("iterations", 200);
        var database = BenchDatabase.From(o, "bench-" + Generate.CountName(o.Count("cases", 10_000_000)));
        var status = o.Get("status", "Closed");
        var dll = await AppProcess.EnsureBuiltAsync(o["app"], o.Flag("rebuild"));
        Console.WriteLine($"queries: {iterations} of each on {database.Describe()}");

        var (numbers, plates, mobiles, cases) = await SamplesAsync(database, iterations);
        var month = o["month"] ?? TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, WorkingCalendar.ChinaTime).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await using var app = await AppProcess.StartAsync(dll, new Dictionary<string, string>(database.AppSettings())
        {
            ["Outbox:Enabled"] = "false",
            ["Clocks:WorkerEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        using var http = LoadRunner.Client(app.Address, 1);

        var firstPage = $"/api/v1/cases?status={status}&pageSize=50";
        var cursor = (await GetJsonAsync(http, firstPage, Generate.BranchKey)).GetProperty("nextCursor").GetString();
        var nextPage = firstPage + "&after=" + Uri.EscapeDataString(cursor ?? string.Empty);
        var table = new Table("query", "runs", "p50 ms", "p99 ms", "target p99 ms", "met");
        var met = true;
        async Task Measure(string name, double target, Func<int, string> url, string key)
        {
            var latency = new Latencies();
            for (var i = -10; i < iterations; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Get, url(Math.Max(0, i)));
                request.Headers.TryAddWithoutValidation("X-Api-Key", key);
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{name}: {(int)response.StatusCode} for {url(Math.Max(0, i))}");
                }

                if (i >= 0)
                {
                    latency.Add(Stopwatch.GetElapsedTime(t0));
                }
            }

            var ok = latency.Ms(99) <= target;
            met &= ok;
            table.Add(name, latency.Count, latency.Ms(50), latency.Ms(99), target, ok ? "yes" : "NO");
        }

        await Measure($"case list, first page (subtree GD, status {status})", 50, _ => firstPage, Generate.BranchKey);
        await Measure($"case list, next page (subtree GD, status {status})", 50, _ => nextPage, Generate.BranchKey);
        await Measure("search by case number", 20, i => "/api/v1/cases?q=" + numbers[i % numbers.Count], HeadOfficeKey);
        await Measure("search by plate", 20, i => "/api/v1/cases?q=" + Uri.EscapeDataString(plates[i % plates.Count]), HeadOfficeKey);
        await Measure("search by mobile", 20, i => "/api/v1/cases?q=" + mobiles[i % mobiles.Count], HeadOfficeKey);
        await Measure($"month dashboard {month} (by day and insurer)", 100, _ => "/api/v1/cases/dashboard?month=" + month, HeadOfficeKey);

        Console.WriteLine();
        Console.WriteLine(table);
        Console.WriteLine($"summary: queries on {cases:N0} cases ({database.Engine}): {(met ? "all p99 targets met" : "SOME p99 TARGETS MISSED")}");
        return 0;
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string url, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Case numbers, plates and mobiles of random existing cases (a sample, not a scan).</summary>
    private static async Task<(List<string> Numbers, List<string> Plates, List<string> Mobiles, long Cases)> SamplesAsync(BenchDatabase database, int count)
    {
        await using var db = database.Context();
        var total = await db.Cases.IgnoreQueryFilters().LongCountAsync();
        var sql = database.IsSqlite
            ? $"SELECT \"Number\", \"Plate\", \"ReporterMobile\" FROM \"Cases\" WHERE rowid IN (SELECT abs(random()) % (SELECT max(rowid) FROM \"Cases\") + 1 FROM \"Cases\" LIMIT {count * 2})"
            : $"SELECT \"Number\", \"Plate\", \"ReporterMobile\" FROM \"Cases\" TABLESAMPLE SYSTEM (1) LIMIT {count}";
        var numbers = new List<string>();
        var plates = new List<string>();
        var mobiles = new List<string>();
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            numbers.Add(reader.GetString(0));
            if (!await reader.IsDBNullAsync(1))
            {
                plates.Add(reader.GetString(1));
            }

            mobiles.Add(reader.GetString(2));
        }

        if (numbers.Count == 0)
        {
            throw new InvalidOperationException("No cases: run `generate` first.");
        }

        return (numbers, plates, mobiles, total);
    }
}
