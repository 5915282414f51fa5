using System.Data.Common;
using System.Globalization;
using Anxin.Domain.Clocks;
using Anxin.Web.Infrastructure.Data;

namespace Anxin.Web.Infrastructure.Messaging;

/// <summary>
/// Business numbers for high-volume intake, handed out from blocks reserved in NumberSequences
/// (one atomic upsert reserves <c>Intake:NumberBlockSize</c> numbers, default 100). Unique across
/// nodes and restarts, because a block is committed before any of its numbers is used; not gap-free
/// (numbers left in a block when the node stops are never issued) and, across nodes, not in time order.
/// <para>
/// The upsert runs on the group-commit writer's connection between two commits (on SQLite another
/// connection would wait for the writer's lock, sleeping on a request thread), and the next block
/// is reserved in the background when half of the current one is used, so that a report waits for
/// a reservation only on a node's first report of a day.
/// </para>
/// </summary>
public sealed partial class NumberBlocks(GroupCommitWriter writer, TimeProvider time, IConfiguration config, ILogger<NumberBlocks> log)
    : IDisposable
{
    private const string Reserve = """
        INSERT INTO "NumberSequences" ("Prefix", "Day", "LastValue") VALUES (@prefix, @day, @size)
        ON CONFLICT ("Prefix", "Day") DO UPDATE SET "LastValue" = "NumberSequences"."LastValue" + @size
        RETURNING "LastValue"
        """;

    /// <summary>Per prefix and day: the numbers in hand, in order (the current block, then the one reserved ahead).</summary>
    private readonly Dictionary<(string Prefix, string Day), List<(long Next, long Last)>> _blocks = [];
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _reserving = new(1, 1);

    private int BlockSize => Math.Clamp(config.GetValue("Intake:NumberBlockSize", 100), 1, 100_000);

    public async Task<string> NextAsync(string prefix, CancellationToken ct)
    {
        var day = TimeZoneInfo.ConvertTime(time.GetUtcNow(), WorkingCalendar.ChinaTime).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        while (true)
        {
            if (TryTake(prefix, day, out var value, out var left))
            {
                if (left < BlockSize / 2)
                {
                    _ = ReserveAheadAsync(prefix, day);
                }

                return prefix + day + value.ToString("D6", CultureInfo.InvariantCulture);
            }

            await FillAsync(prefix, day, wait: true, ct);
        }
    }

    /// <summary>Reserves the next block in the background, unless a reservation is already under way.</summary>
    private async Task ReserveAheadAsync(string prefix, string day)
    {
        try
        {
            await FillAsync(prefix, day, wait: false, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The numbers in hand still serve; the next report that finds none reserves again and sees the error.
            LogReserveAheadFailed(log, prefix, day, e);
        }
    }

    private async Task FillAsync(string prefix, string day, bool wait, CancellationToken ct)
    {
        if (!wait)
        {
            if (!await _reserving.WaitAsync(0, ct))
            {
                return;
            }
        }
        else
        {
            await _reserving.WaitAsync(ct);
        }

        try
        {
            // Someone else may have reserved while this one waited.
            if (Left(prefix, day) >= (wait ? 1 : BlockSize / 2))
            {
                return;
            }

            var size = BlockSize;
            var last = await writer.RunAsync((connection, tx, token) => ReserveAsync(connection, tx, prefix, day, size, token), ct);
            lock (_lock)
            {
                if (!_blocks.TryGetValue((prefix, day), out var blocks))
                {
                    _blocks[(prefix, day)] = blocks = [];
                    foreach (var stale in _blocks.Keys.Where(k => k.Prefix == prefix && k.Day != day).ToList())
                    {
                        _blocks.Remove(stale);
                    }
                }

                blocks.Add((last - size + 1, last));
            }
        }
        finally
        {
            _reserving.Release();
        }
    }

    private bool TryTake(string prefix, string day, out long value, out long left)
    {
        lock (_lock)
        {
            if (_blocks.TryGetValue((prefix, day), out var blocks) && blocks.Count > 0)
            {
                var (next, last) = blocks[0];
                value = next;
                if (next < last)
                {
                    blocks[0] = (next + 1, last);
                }
                else
                {
                    blocks.RemoveAt(0);
                }

                left = blocks.Sum(b => b.Last - b.Next + 1);
                return true;
            }
        }

        value = 0;
        left = 0;
        return false;
    }

    private long Left(string prefix, string day)
    {
        lock (_lock)
        {
            return _blocks.TryGetValue((prefix, day), out var blocks) ? blocks.Sum(b => b.Last - b.Next + 1) : 0;
        }
    }

    private async Task<long> ReserveAsync(DbConnection connection, DbTransaction tx, string prefix, string day, int size, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
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

    [LoggerMessage(LogLevel.Warning, "Reserving the next block of {Prefix}{Day} numbers ahead failed")]
    private static partial void LogReserveAheadFailed(ILogger logger, string prefix, string day, Exception exception);
}
