using System.Data.Common;
using System.Globalization;
using Anxin.Data;
using Anxin.Domain.Clocks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Anxin.Web.Infrastructure.Messaging;

/// <summary>
/// Business numbers for high-volume intake, handed out from blocks reserved in NumberSequences
/// (one atomic upsert reserves <c>Intake:NumberBlockSize</c> numbers, default 100). Unique across
/// nodes and restarts, because a block is committed before any of its numbers is used; not gap-free
/// (numbers left in a block when the node stops are never issued) and, across nodes, not in time order.
/// </summary>
public sealed partial class NumberBlocks(IServiceScopeFactory scopes, TimeProvider time, IConfiguration config, ILogger<NumberBlocks> log)
    : IDisposable
{
    private const string Reserve = """
        INSERT INTO "NumberSequences" ("Prefix", "Day", "LastValue") VALUES (@prefix, @day, @size)
        ON CONFLICT ("Prefix", "Day") DO UPDATE SET "LastValue" = "NumberSequences"."LastValue" + @size
        RETURNING "LastValue"
        """;

    private readonly Dictionary<(string Prefix, string Day), (long Next, long Last)> _blocks = [];
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _reserving = new(1, 1);
    private (string ConnectionString, bool IsSqlite)? _database;

    private int BlockSize => Math.Clamp(config.GetValue("Intake:NumberBlockSize", 100), 1, 100_000);

    public async Task<string> NextAsync(string prefix, CancellationToken ct)
    {
        var day = TimeZoneInfo.ConvertTime(time.GetUtcNow(), WorkingCalendar.ChinaTime).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        while (true)
        {
            if (TryTake(prefix, day, out var value))
            {
                return prefix + day + value.ToString("D6", CultureInfo.InvariantCulture);
            }

            await _reserving.WaitAsync(ct);
            try
            {
                if (!HasNumbers(prefix, day))
                {
                    var size = BlockSize;
                    var last = await ReserveAsync(prefix, day, size, ct);
                    lock (_lock)
                    {
                        _blocks[(prefix, day)] = (last - size + 1, last);
                    }
                }
            }
            finally
            {
                _reserving.Release();
            }
        }
    }

    private bool TryTake(string prefix, string day, out long value)
    {
        lock (_lock)
        {
            if (_blocks.TryGetValue((prefix, day), out var block) && block.Next <= block.Last)
            {
                value = block.Next;
                _blocks[(prefix, day)] = (block.Next + 1, block.Last);
                return true;
            }
        }

        value = 0;
        return false;
    }

    private bool HasNumbers(string prefix, string day)
    {
        lock (_lock)
        {
            return _blocks.TryGetValue((prefix, day), out var block) && block.Next <= block.Last;
        }
    }

    private async Task<long> ReserveAsync(string prefix, string day, int size, CancellationToken ct)
    {
        if (_database is null)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AnxinDbContext>();
            _database = (db.Database.GetConnectionString() ?? throw new InvalidOperationException("The database has no connection string."), db.IsSqlite);
        }

        var (connectionString, isSqlite) = _database.Value;
        await using DbConnection connection = isSqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = Reserve;
        Add(command, "@prefix", prefix);
        Add(command, "@day", day);
        Add(command, "@size", (long)size);
        var last = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        LogReserved(log, prefix, day, last - size + 1, last);
        return last;
    }

    public void Dispose() => _reserving.Dispose();

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    [LoggerMessage(LogLevel.Debug, "Reserved business numbers {Prefix}{Day} {First}-{Last}")]
    private static partial void LogReserved(ILogger logger, string prefix, string day, long first, long last);
}
