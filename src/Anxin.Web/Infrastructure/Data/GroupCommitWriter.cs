using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using Anxin.Data;
using Anxin.Data.Bulk;
using Anxin.Data.Postgres;
using Anxin.Data.Sqlite;
using Anxin.Domain.Cases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Anxin.Web.Infrastructure.Data;

/// <summary>
/// The rows of one business operation, written all or nothing: new rows, additions to the dashboard
/// rollup and (after the inserts) columns set on existing rows.
/// </summary>
public sealed record RowSet(IReadOnlyList<object> Rows, IReadOnlyList<CaseDayCount> DayCounts, IReadOnlyList<RowUpdate>? Updates = null);

/// <summary>
/// Group commit for high-volume inserts (loss-report intake): requests prepare their rows in
/// parallel and hand them over; one writer per node puts everything that is waiting into ONE
/// transaction (up to <c>Intake:MaxBatch</c> operations), commits, and only then completes each
/// caller's task. An acknowledged operation is therefore durable (SQLite synchronous=FULL, or a
/// PostgreSQL commit). If a batch fails, its operations are retried one by one, so one bad
/// operation (say a duplicate idempotency key) fails alone and the others still commit.
/// </summary>
public sealed partial class GroupCommitWriter(IServiceScopeFactory scopes, IConfiguration config, ILogger<GroupCommitWriter> log) : BackgroundService
{
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(config.GetValue("Intake:QueueLength", 8192)) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly int _maxBatch = Math.Clamp(config.GetValue("Intake:MaxBatch", 512), 1, 10_000);
    private DbConnection? _connection;
    private IBulkInserter? _inserter;
    private IModel? _model;
    private (string ConnectionString, bool IsSqlite)? _database;
    private long _batches;
    private long _operations;
    private double _commitMs;
    private long _lastStats = Environment.TickCount64;

    /// <summary>Writes the rows in the next group commit; returns once they are committed, throws if they were not.</summary>
    public async Task WriteAsync(RowSet rows, CancellationToken ct)
    {
        var pending = new Pending(rows, null);
        await _queue.Writer.WriteAsync(pending, ct);

        // Once queued, the outcome is the writer's: wait for it even if the client goes away.
        await pending.Done.Task;
    }

    /// <summary>
    /// Runs a small piece of database work on the writer's own connection, in a transaction of its
    /// own that is committed before the result returns (between two group commits). On SQLite this
    /// is how other writes on the intake path avoid waiting for the writer's lock.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        T result = default!;
        var pending = new Pending(null, async (connection, tx, token) => result = await work(connection, tx, token));
        await _queue.Writer.WriteAsync(pending, ct);
        await pending.Done.Task;
        return result;
    }

    /// <summary>The writer runs on a thread of its own ("group-commit"): it never waits for the request thread pool, and its CPU time can be read per thread.</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(stoppingToken);
                done.TrySetResult();
            }
            catch (Exception e)
            {
                LogWriterFailed(log, e);
                done.TrySetException(e);
            }
        })
        {
            IsBackground = true,
            Name = ThreadName,
        };
        thread.Start();
        return done.Task;
    }

    public const string ThreadName = "group-commit";

    private void Run(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(_maxBatch);
        try
        {
            while (_queue.Reader.WaitToReadAsync(stoppingToken).AsTask().GetAwaiter().GetResult())
            {
                Fill(batch);
                CommitAsync(batch, CancellationToken.None).GetAwaiter().GetResult();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Shutting down: no new work; finish what was handed over.
        _queue.Writer.TryComplete();
        while (_queue.Reader.TryPeek(out _))
        {
            Fill(batch);
            CommitAsync(batch, CancellationToken.None).GetAwaiter().GetResult();
        }

        CloseAsync().GetAwaiter().GetResult();
    }

    private void Fill(List<Pending> batch)
    {
        batch.Clear();
        while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var next))
        {
            batch.Add(next);
        }
    }

    private async Task CommitAsync(List<Pending> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return;
        }

        // Jobs first, each in its own transaction; then the row sets together.
        foreach (var job in batch.Where(p => p.Job is not null))
        {
            try
            {
                var connection = await ConnectionAsync(ct);
                await using var tx = await connection.BeginTransactionAsync(ct);
                await job.Job!(connection, tx, ct);
                await tx.CommitAsync(ct);
                job.Done.TrySetResult();
            }
            catch (Exception e)
            {
                if (_connection is not { State: System.Data.ConnectionState.Open })
                {
                    await CloseAsync();
                }

                job.Done.TrySetException(e);
            }
        }

        batch.RemoveAll(p => p.Job is not null);
        if (batch.Count == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await WriteInOneTransactionAsync(batch, ct);
            foreach (var p in batch)
            {
                p.Done.TrySetResult();
            }

            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogCommitted(log, batch.Count, ms);
            Stats(batch.Count, ms);
            return;
        }
        catch (Exception e) when (batch.Count > 1)
        {
            LogBatchFailed(log, batch.Count, e.GetType().Name);
        }
        catch (Exception e)
        {
            batch[0].Done.TrySetException(e);
            return;
        }

        // Isolate the failing operation(s): each one alone, in its own transaction.
        foreach (var p in batch)
        {
            try
            {
                await WriteInOneTransactionAsync([p], ct);
                p.Done.TrySetResult();
            }
            catch (Exception e)
            {
                p.Done.TrySetException(e);
            }
        }
    }

    /// <summary>Every 5 s, one line with the batches since the last line (how well requests are grouped).</summary>
    private void Stats(int operations, double ms)
    {
        _batches++;
        _operations += operations;
        _commitMs += ms;
        if (Environment.TickCount64 - _lastStats >= 5_000)
        {
            LogStats(log, _batches, _operations, (double)_operations / _batches, _commitMs / _batches);
            (_batches, _operations, _commitMs, _lastStats) = (0, 0, 0, Environment.TickCount64);
        }
    }

    private async Task WriteInOneTransactionAsync(IReadOnlyList<Pending> batch, CancellationToken ct)
    {
        var connection = await ConnectionAsync(ct);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await _inserter!.InsertAsync(connection, tx, batch.SelectMany(p => p.Rows!.Rows), ct);
            var counts = batch.SelectMany(p => p.Rows!.DayCounts).ToList();
            if (counts.Count > 0)
            {
                await CaseDayCounts.AddAsync(_model!, connection, tx, counts, ct);
            }

            var updates = batch.Where(p => p.Rows!.Updates is { Count: > 0 }).SelectMany(p => p.Rows!.Updates!).ToList();
            if (updates.Count > 0)
            {
                await RowUpdates.ApplyAsync(_model!, connection, tx, updates, ct);
            }

            await tx.CommitAsync(ct);
        }
        catch (DbException) when (connection.State != System.Data.ConnectionState.Open)
        {
            await CloseAsync();
            throw;
        }
    }

    private async Task<DbConnection> ConnectionAsync(CancellationToken ct)
    {
        if (_connection is { State: System.Data.ConnectionState.Open })
        {
            return _connection;
        }

        await CloseAsync();
        if (_database is null)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AnxinDbContext>();
            _model = db.Model;
            _database = (db.Database.GetConnectionString() ?? throw new InvalidOperationException("The database has no connection string."), db.IsSqlite);
        }

        var (connectionString, isSqlite) = _database.Value;
        _connection = isSqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        await _connection.OpenAsync(ct);
        if (isSqlite)
        {
            // Durable on commit, also against power loss (WAL is set by the migrations step).
            await using var pragma = _connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous=FULL;";
            await pragma.ExecuteNonQueryAsync(ct);
            _inserter = new SqliteBulkInserter(_model!);
        }
        else
        {
            _inserter = new PostgresCopyInserter(_model!);
        }

        return _connection;
    }

    private async Task CloseAsync()
    {
        (_inserter as IDisposable)?.Dispose();
        _inserter = null;
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    private sealed class Pending(RowSet? rows, Func<DbConnection, DbTransaction, CancellationToken, Task>? job)
    {
        public RowSet? Rows { get; } = rows;

        public Func<DbConnection, DbTransaction, CancellationToken, Task>? Job { get; } = job;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(LogLevel.Debug, "Group commit of {Count} operations in {Milliseconds} ms")]
    private static partial void LogCommitted(ILogger logger, int count, double milliseconds);

    [LoggerMessage(LogLevel.Information, "Group commit: {Batches} batches, {Operations} operations, {PerBatch:0.0} per batch, {Milliseconds:0.0} ms per commit")]
    private static partial void LogStats(ILogger logger, long batches, long operations, double perBatch, double milliseconds);

    [LoggerMessage(LogLevel.Critical, "The group-commit writer stopped")]
    private static partial void LogWriterFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Group commit of {Count} operations failed ({Error}); retrying them one by one")]
    private static partial void LogBatchFailed(ILogger logger, int count, string error);
}
