using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Anxin.Data;
using Anxin.Data.Bulk;
using Anxin.Data.Postgres;
using Anxin.Data.Sqlite;
using Anxin.Domain.Administration;
using Anxin.Domain.Calls;
using Anxin.Domain.Cases;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Domain.Dispatch;
using Anxin.Domain.Organisation;
using Anxin.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Bench;

/// <summary>
/// <c>generate</c>: an empty database created by the app's own migrations (and demo seed), then
/// an organisation tree, staff, surveyors, policies and N cases with their dispatch clocks,
/// through the bulk paths (SQLite: prepared INSERTs in big transactions; PostgreSQL: binary COPY).
/// Domain factories build every row, so the data obeys the same rules as the app's.
/// </summary>
public static class Generate
{
    /// <summary>API keys the query bench signs in with (created here, known secrets: benchmark data only).</summary>
    public const string BranchKey = "ak_bench-gd-branch-cases-key-000000000000";

    private const int FlushRows = 50_000;

    public static async Task<int> RunAsync(Options o)
    {
        var cases = o.Count("cases", 1_000_000);
        var surveyors = o.Count("surveyors", 10_000);
        var policies = o.Count("policies", Math.Max(1, cases / 5));
        var agents = o.Count("agents", 2_000);
        var days = o.Count("days", 730);
        var database = BenchDatabase.From(o, "bench-" + CountName(cases));
        var started = Stopwatch.StartNew();
        var steps = new Table("step", "rows", "seconds", "rows/s");

        Console.WriteLine($"generate: {cases:N0} cases into {database.Describe()}");
        await database.DropAsync();
        var dll = await AppProcess.EnsureBuiltAsync(o["app"], o.Flag("rebuild"));
        var t = Stopwatch.StartNew();
        await AppProcess.RunToEndAsync(dll, new Dictionary<string, string>(database.AppSettings()) { ["Demo:Seed"] = "true" }, "migrate");
        steps.Add("schema (app migrations) + demo seed", null, t.Elapsed.TotalSeconds, null);

        await using var db = database.Context();
        var nodes = await db.OrgNodes.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        var insurers = await db.Insurers.AsNoTracking().ToListAsync();
        var admin = await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync();
        var fake = new FakeData(20261122);
        var now = DateTimeOffset.UtcNow;

        await using var connection = await database.OpenAsync();
        await using var writer = new RowWriter(db.Model, connection, database.IsSqlite);
        await writer.PrepareAsync();

        // Organisation: ten more branches, each with four central sub-branches of five sub-branches and a claims department.
        t.Restart();
        var nextKey = nodes.Max(n => n.Key) + 1;
        var head = nodes.Single(n => n.Kind == OrgNodeKind.HeadOffice);
        var added = new List<OrgNode>();
        for (var b = 0; b < 10; b++)
        {
            var branch = OrgNode.Create(head, nextKey++, OrgNodeKind.Branch, $"B{b:D2}", $"第{b + 1}分公司");
            added.Add(branch);
            added.Add(OrgNode.Create(branch, nextKey++, OrgNodeKind.Department, $"B{b:D2}-CLM", $"第{b + 1}分公司理赔部"));
            for (var c = 0; c < 4; c++)
            {
                var central = OrgNode.Create(branch, nextKey++, OrgNodeKind.CentralSubBranch, $"B{b:D2}-C{c}", $"第{b + 1}分公司第{c + 1}中心支公司");
                added.Add(central);
                for (var s = 0; s < 5; s++)
                {
                    added.Add(OrgNode.Create(central, nextKey++, OrgNodeKind.SubBranch, $"B{b:D2}-C{c}-S{s}", $"第{b + 1}分公司第{c + 1}中心第{s + 1}支公司"));
                }
            }
        }

        Stamp(added, now);
        await writer.AddAsync(added);
        await writer.FlushAsync();
        nodes.AddRange(added);
        steps.Add("organisation nodes", added.Count, t.Elapsed.TotalSeconds, null);

        // Where cases are taken in: sub-branches and the demo's service teams, the demo's Guangdong busiest.
        var intakeNodes = nodes.Where(n => n.Kind is OrgNodeKind.SubBranch or OrgNodeKind.Team).ToList();
        var gd = nodes.Single(n => n.Code == "GD");
        var weighted = intakeNodes.SelectMany(n => Enumerable.Repeat(n, n.Path.StartsWith(gd.Path, StringComparison.Ordinal) ? 40 : 1)).ToList();

        t.Restart();
        var agentStaff = new List<Staff>(agents);
        var staffRows = new List<object>();
        for (var i = 0; i < agents; i++)
        {
            var staff = Staff.Create("A" + i.ToString("D6", CultureInfo.InvariantCulture), fake.Name(), fake.Pick(intakeNodes));
            staff.UpdateContact("坐席", MobileNumber.Create(fake.Mobile()).Value, null, null);
            staffRows.Add(staff);
            agentStaff.Add(staff);
        }

        Stamp(staffRows, now);
        await writer.AddAsync(staffRows);
        await writer.FlushAsync();
        steps.Add("staff (agents)", staffRows.Count, t.Elapsed.TotalSeconds, staffRows.Count / t.Elapsed.TotalSeconds);

        // Surveyors where the cases are (Guangdong busiest), with profiles and positions (foreign keys: staff, profile, position).
        t.Restart();
        var crew = SurveyorData.Create(fake, weighted, surveyors, insurers, now, FakeData.CoordinateBox, numberFrom: agents);
        var surveyorIds = crew.Staff.Cast<Staff>().Select(x => x.Id).ToList();
        foreach (var part in new[] { crew.Staff, crew.Profiles, crew.Positions })
        {
            Stamp(part, now);
            await writer.AddAsync(part);
            await writer.CompleteAsync();
        }

        steps.Add("surveyors (staff, profiles, positions)", crew.Staff.Count + crew.Profiles.Count + crew.Positions.Count, t.Elapsed.TotalSeconds,
            (crew.Staff.Count + crew.Profiles.Count + crew.Positions.Count) / t.Elapsed.TotalSeconds);

        // Policies and cases, in chunks: a chunk's policies stay in memory for its cases' coverage checks.
        var calendar = new WorkingCalendar(WorkingCalendar.StandardHours, []);
        // Numbers continue after those the demo seed issued (its cases of today).
        var sequences = await db.NumberSequences.AsNoTracking().Where(n => n.Prefix == Case.NumberPrefix)
            .ToDictionaryAsync(n => n.Day, n => (int)n.LastValue, StringComparer.Ordinal);
        var rollup = new Dictionary<(int Day, Guid Node, Guid Insurer), long>();
        t.Restart();
        var bigTables = new[] { typeof(Policy), typeof(Case), typeof(ServiceClock), typeof(Call), typeof(Assignment) }
            .Select(type => db.Model.FindEntityType(type)!.GetTableName()!).ToList();
        var indexes = await DeferredIndexes.DropAsync(connection, database.IsSqlite, bigTables);
        steps.Add("secondary indexes of " + string.Join(", ", bigTables) + " dropped for the load", indexes.Count, t.Elapsed.TotalSeconds, null);
        const int policyChunk = 10_000;
        var chunks = Math.Max(1, (policies + policyChunk - 1) / policyChunk);
        long casesWritten = 0, policiesWritten = 0, clocksWritten = 0, callsWritten = 0, dispatchesWritten = 0;
        var tCases = Stopwatch.StartNew();
        var lastReport = Stopwatch.StartNew();
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            var inChunk = Math.Min(policyChunk, policies - (chunk * policyChunk));
            var chunkPolicies = new List<Policy>(inChunk);
            for (var i = 0; i < inChunk; i++)
            {
                var insurer = fake.Random.Next(10) < 8 ? fake.Pick(insurers) : null;
                var start = now.AddDays(-fake.Random.Next(0, days + 365));
                var draft = new PolicyDraft($"P{(insurer?.Code ?? "AX")}{(chunk * policyChunk) + i:D10}", ProductLine.Motor, fake.Name(), fake.Mobile(), fake.Name(), null,
                    start, start.AddYears(1), 1_000m + fake.Random.Next(0, 8_000), fake.Plate(), null, null, null,
                    [new CoverageDraft("VD", null, 150_000m, 500m), new CoverageDraft("TPL", null, 1_000_000m)]);
                chunkPolicies.Add(Policy.Register(draft, insurer?.Id, null, fake.Pick(weighted)));
            }

            Stamp(chunkPolicies, now);
            await writer.AddAsync(chunkPolicies);
            await writer.FlushAsync(); // the cases below refer to these policies (foreign key)
            policiesWritten += chunkPolicies.Count;

            var chunkCases = (int)(((long)cases * (chunk + 1) / chunks) - ((long)cases * chunk / chunks));
            var rows = new List<object>(2 * 4096);
            for (var i = 0; i < chunkCases; i++)
            {
                var reportedAt = now.AddMinutes(-Math.Pow(fake.Random.NextDouble(), 1.3) * days * 1440);
                var node = fake.Pick(weighted);
                var verified = fake.Random.Next(10) < 8;
                var policy = verified ? fake.Pick(chunkPolicies) : null;
                var insurerId = policy is not null ? policy.InsurerId : fake.Random.Next(10) < 8 ? fake.Pick(insurers).Id : null;
                var (lat, lng) = fake.Coordinates();
                var phone = fake.Random.Next(10) < 7;
                var report = new LossReport(ProductLine.Motor, fake.Name(), fake.Mobile(), null, null, fake.Random.Next(4) == 0 ? fake.Mobile() : null,
                    policy?.Number ?? (verified ? null : "P-UNKNOWN-" + fake.Random.Next(1_000_000).ToString(CultureInfo.InvariantCulture)),
                    policy?.Plate ?? fake.Plate(), reportedAt.AddMinutes(-fake.Random.Next(10, 4320)), fake.Place(), lat, lng,
                    (Peril)fake.Random.Next(1, 10), fake.Description(), null, false, null, null, phone ? IntakeChannel.Phone : IntakeChannel.Api);
                var china = TimeZoneInfo.ConvertTime(reportedAt, WorkingCalendar.ChinaTime);
                var day = china.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
                var seq = sequences[day] = sequences.GetValueOrDefault(day) + 1;
                // A phone report is taken on a call: it rang, the agent answered, registered the case and hung up.
                Call? call = null;
                if (phone)
                {
                    var rang = reportedAt.AddSeconds(-fake.Random.Next(90, 600));
                    call = Call.Open($"GEN-{day}-{seq:D6}", CallDirection.Inbound, report.ReporterMobile, "95500", fake.Pick(agentStaff), CallEvent.Ringing, rang);
                    call.Answer(rang.AddSeconds(fake.Random.Next(3, 40)));
                    call.End(reportedAt.AddSeconds(fake.Random.Next(20, 300)));
                    call.Classify(CallType.Report, null, null);
                }

                var c = Case.Register($"{Case.NumberPrefix}{day}{seq:D6}", report, policy, insurerId, null, call?.Id,
                    call?.AgentStaffId, node, reportedAt);
                call?.LinkCase(c.Id);
                var clock = ServiceClock.Start(DefaultClockRules.DispatchSurveyor, "Case", c.Id.ToString(), node.Id, node.Path, null, reportedAt, calendar);
                Assignment? dispatch = null;
                var age = now - reportedAt;
                if (age > TimeSpan.FromDays(3))
                {
                    // Older cases went the whole way: dispatched, surveyed, assessed and closed (a few cancelled).
                    var assigned = reportedAt.AddSeconds(fake.Random.Next(30, 240));
                    clock.Stop(assigned, calendar);
                    switch (fake.Random.Next(100))
                    {
                        case < 85:
                            dispatch = Assignment.Create(new DispatchedCase(c.Id, c.Number, c.InsurerId, node.Id, node.Path), fake.Pick(surveyorIds), null,
                                "调度中心", assigned, recommendedRank: 1 + fake.Random.Next(3), etaMinutes: 10 + fake.Random.Next(40));
                            dispatch.Acknowledge(assigned.AddMinutes(2 + fake.Random.Next(4)));
                            dispatch.Arrive(assigned.AddMinutes(15 + fake.Random.Next(60)));
                            dispatch.Assess(Money.Create(500m + fake.Random.Next(0, 30_000)).Value, null, assigned.AddMinutes(80 + fake.Random.Next(120)));
                            c.MarkDispatched();
                            c.MarkSurveying();
                            c.MarkAssessed();
                            c.Close();
                            break;
                        case < 90:
                            c.Cancel();
                            break;
                    }
                }

                AnxinStamp(c, reportedAt);
                AnxinStamp(clock, reportedAt);
                rows.Add(c);
                rows.Add(clock);
                if (call is not null)
                {
                    AnxinStamp(call, reportedAt);
                    rows.Add(call);
                    callsWritten++;
                }

                if (dispatch is not null)
                {
                    AnxinStamp(dispatch, reportedAt);
                    rows.Add(dispatch);
                    dispatchesWritten++;
                }

                var key = (CaseDayCount.DayOf(DateOnly.FromDateTime(china.DateTime)), node.Id, insurerId ?? Guid.Empty);
                rollup[key] = rollup.GetValueOrDefault(key) + 1;
                if (rows.Count >= 8192)
                {
                    await writer.AddAsync(rows);
                    rows.Clear();
                }
            }

            await writer.AddAsync(rows);
            casesWritten += chunkCases;
            clocksWritten += chunkCases;
            if (lastReport.Elapsed > TimeSpan.FromSeconds(10))
            {
                Console.WriteLine($"  {casesWritten:N0} cases, {policiesWritten:N0} policies, {casesWritten / tCases.Elapsed.TotalSeconds:N0} cases/s");
                lastReport.Restart();
            }
        }

        await writer.CompleteAsync();
        var caseSeconds = tCases.Elapsed.TotalSeconds;
        t.Restart();
        await indexes.RebuildAsync(connection);
        steps.Add("secondary indexes built again", indexes.Count, t.Elapsed.TotalSeconds, null);
        steps.Add("policies", policiesWritten, caseSeconds, null);
        steps.Add("cases", casesWritten, caseSeconds, casesWritten / caseSeconds);
        steps.Add("dispatch clocks", clocksWritten, caseSeconds, null);
        steps.Add("calls (phone reports)", callsWritten, caseSeconds, null);
        steps.Add("dispatches (assignments of closed cases)", dispatchesWritten, caseSeconds, null);

        t.Restart();
        await writer.CompleteAsync();
        await using (var tx = await connection.BeginTransactionAsync())
        {
            // The days' last case numbers, so that intake on those days continues after them.
            await using var sequence = connection.CreateCommand();
            sequence.Transaction = tx;
            foreach (var (day, last) in sequences)
            {
                sequence.CommandText = $"INSERT INTO \"NumberSequences\" (\"Prefix\", \"Day\", \"LastValue\") VALUES ('{Case.NumberPrefix}', '{day}', {last}) " +
                    "ON CONFLICT (\"Prefix\", \"Day\") DO UPDATE SET \"LastValue\" = excluded.\"LastValue\"";
                await sequence.ExecuteNonQueryAsync();
            }

            var nodeById = nodes.ToDictionary(n => n.Id);
            await CaseDayCounts.AddAsync(db.Model, connection, tx,
                rollup.Select(r => CaseDayCount.Create(CaseDayCount.DateOf(r.Key.Day), r.Key.Insurer, r.Key.Node, nodeById[r.Key.Node].Path, r.Value)), default);
            await tx.CommitAsync();
        }

        var gdNode = nodes.Single(n => n.Code == "GD");
        db.ApiKeys.Add(ApiKey.Create("基准测试：广东分公司案件", BranchKey[..10], Hash(BranchKey), gdNode,
            [Permissions.Cases.View, Permissions.Cases.Report, Permissions.Policies.View], admin));
        await db.SaveChangesAsync();
        steps.Add("number sequences, dashboard rollup, bench API key", sequences.Count + rollup.Count, t.Elapsed.TotalSeconds, null);

        t.Restart();
        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE;";
            analyze.CommandTimeout = 3600;
            await analyze.ExecuteNonQueryAsync();
        }

        steps.Add("ANALYZE", null, t.Elapsed.TotalSeconds, null);
        Console.WriteLine();
        Console.WriteLine(steps);
        var size = database.IsSqlite ? new FileInfo(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource).Length / 1048576.0 : double.NaN;
        Console.WriteLine($"summary: generate {database.Engine} {casesWritten:N0} cases, {policiesWritten:N0} policies, {surveyors:N0} surveyors in {started.Elapsed.TotalSeconds:N0} s " +
            $"({casesWritten / caseSeconds:N0} cases/s{(double.IsNaN(size) ? string.Empty : $", {size:N0} MB")}) → {database.Describe()}");
        return 0;
    }

    public static string CountName(int cases) => cases switch
    {
        >= 1_000_000 when cases % 1_000_000 == 0 => (cases / 1_000_000).ToString(CultureInfo.InvariantCulture) + "m",
        >= 1_000 when cases % 1_000 == 0 => (cases / 1_000).ToString(CultureInfo.InvariantCulture) + "k",
        _ => cases.ToString(CultureInfo.InvariantCulture),
    };

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static void Stamp(IEnumerable<object> rows, DateTimeOffset at)
    {
        foreach (var row in rows)
        {
            AnxinStamp(row, at);
        }
    }

    private static void AnxinStamp(object row, DateTimeOffset at) => Anxin.Data.Interceptors.AuditSaveChangesInterceptor.StampAdded(row, at);
}

/// <summary>
/// Buffers rows and writes them in big transactions through the engine's bulk path. A full buffer
/// is written in the background while the next one fills (the generator's two cores: one builds
/// rows, one writes them), one write at a time and in order, so foreign keys hold.
/// <see cref="CompleteAsync"/> before using the connection for anything else.
/// </summary>
internal sealed class RowWriter(Microsoft.EntityFrameworkCore.Metadata.IModel model, DbConnection connection, bool sqlite) : IAsyncDisposable
{
    private const int BufferRows = 50_000;
    private List<object> _buffer = new(BufferRows + 10_000);
    private Task _writing = Task.CompletedTask;
    private readonly IBulkInserter _inserter = sqlite ? new SqliteBulkInserter(model) : new PostgresCopyInserter(model);

    public async Task PrepareAsync()
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sqlite ? "PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;" : "SET synchronous_commit = off;";
        await command.ExecuteNonQueryAsync();
    }

    public async Task AddAsync(IEnumerable<object> rows)
    {
        _buffer.AddRange(rows);
        if (_buffer.Count >= BufferRows)
        {
            await FlushAsync();
        }
    }

    /// <summary>Hands the buffered rows to the background write (after the previous one has finished).</summary>
    public async Task FlushAsync()
    {
        if (_buffer.Count == 0)
        {
            return;
        }

        await _writing;
        var rows = _buffer;
        _buffer = new List<object>(BufferRows + 10_000);
        _writing = Task.Run(async () =>
        {
            await using var tx = await connection.BeginTransactionAsync();
            await _inserter.InsertAsync(connection, tx, rows, default);
            await tx.CommitAsync();
        });
    }

    /// <summary>Everything added so far is written and committed.</summary>
    public async Task CompleteAsync()
    {
        await FlushAsync();
        await _writing;
    }

    public async ValueTask DisposeAsync()
    {
        await CompleteAsync();
        (_inserter as IDisposable)?.Dispose();
    }
}
