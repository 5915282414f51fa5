using System.Collections.Concurrent;
using Anxin.Domain.Dispatch;

namespace Anxin.Web.Features.Dispatch;

/// <summary>A branch's whole pool, ready for the ranker, with its members' names and the insurers' dispatch rules, as read at one moment.</summary>
public sealed record PoolSnapshot(DispatchPool Pool, IReadOnlyDictionary<Guid, PoolMember> Members, IReadOnlyDictionary<Guid, StaffLabel> Names,
    IReadOnlyDictionary<Guid, InsurerDispatchRule> Rules);

/// <summary>
/// The pools recommendations rank, per branch, kept on this node: ranking 10,000 surveyors takes
/// 0.3 ms, reading them about 15 ms. A pool older than <see cref="MaxAge"/> is brought up to date in
/// the background (and used meanwhile up to <see cref="StaleLimit"/>) by reading only the surveyors
/// whose profile, staff record or position was saved since the previous read began (less
/// <see cref="Overlap"/>, for other nodes' clocks and commits in flight); the whole pool is read
/// again every <see cref="WholeEvery"/> and whenever more than <see cref="MostChanges"/> changed.
/// Without a usable pool the caller takes the database path (<see cref="DispatchPlanner"/>).
/// A change to profiles, staff or insurers' dispatch rules saved on this node makes the pool unusable
/// until it has been brought up to date (<see cref="DispatchPoolInvalidation"/>); reported positions
/// do not (they arrive all day and show within <see cref="MaxAge"/>). Another node's changes show
/// within seconds (<see cref="StaleLimit"/> at most). Assigning always checks against the database,
/// never against this copy.
/// </summary>
public sealed partial class DispatchPoolCache(IServiceScopeFactory scopes, TimeProvider time, ILogger<DispatchPoolCache> log)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    /// <summary>The oldest pool still used while its successor is being read.</summary>
    public static readonly TimeSpan StaleLimit = TimeSpan.FromSeconds(15);

    /// <summary>How far before the previous read a change is looked for again.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromSeconds(10);

    /// <summary>The longest a pool goes without being read whole (a renamed node, a change stamped long before it committed).</summary>
    public static readonly TimeSpan WholeEvery = TimeSpan.FromMinutes(1);

    /// <summary>More changed surveyors than this and the whole pool is read instead.</summary>
    public const int MostChanges = 2_000;

    private readonly ConcurrentDictionary<string, Entry> _pools = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _loading = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>
    /// The branch's pool if one read since the last change saved on this node is at hand: within
    /// <see cref="MaxAge"/>, or up to <see cref="StaleLimit"/> while a newer read (started here) is
    /// under way. Otherwise false, and a read is started.
    /// </summary>
    public bool TryGet(string area, out PoolSnapshot snapshot)
    {
        snapshot = null!;
        if (!_pools.TryGetValue(area, out var entry) || entry.Generation != Interlocked.Read(ref _generation))
        {
            StartLoading(area);
            return false;
        }

        var age = Environment.TickCount64 - entry.LoadedAt;
        if (age >= (long)MaxAge.TotalMilliseconds)
        {
            StartLoading(area);
            if (age >= (long)StaleLimit.TotalMilliseconds)
            {
                return false;
            }
        }

        snapshot = entry.Snapshot;
        return true;
    }

    /// <summary>Something the pools show has changed on this node: none of them is used again before it has been brought up to date.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>Brings the branch's pool up to date now (for tests and warm-up); the same read as the background one, one at a time per branch.</summary>
    public async Task LoadAsync(string area, CancellationToken ct)
    {
        var gate = _loading.GetOrAdd(area, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            await ReadAsync(area, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task ReadAsync(string area, CancellationToken ct)
    {
        // Both taken before the read: a change saved while reading leaves the result unusable, and is read again next time.
        var generation = Interlocked.Read(ref _generation);
        var startedAt = time.GetUtcNow();
        var now = Environment.TickCount64;
        await using var scope = scopes.CreateAsyncScope();
        var planner = scope.ServiceProvider.GetRequiredService<DispatchPlanner>();
        if (_pools.TryGetValue(area, out var previous) && now - previous.WholeAt < (long)WholeEvery.TotalMilliseconds
            && await planner.ReadPoolChangesAsync(area, previous.Snapshot, previous.ChangedSince, MostChanges, ct) is { } delta)
        {
            _pools[area] = new Entry(delta.Snapshot, now, generation, startedAt - Overlap, previous.WholeAt);
            return;
        }

        _pools[area] = new Entry(await planner.ReadPoolAsync(area, ct), now, generation, startedAt - Overlap, now);
    }

    private void StartLoading(string area)
    {
        var gate = _loading.GetOrAdd(area, _ => new SemaphoreSlim(1, 1));
        if (!gate.Wait(0))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await ReadAsync(area, CancellationToken.None);
            }
            catch (Exception e)
            {
                LogLoadFailed(log, area, e);
            }
            finally
            {
                gate.Release();
            }
        });
    }

    private sealed record Entry(PoolSnapshot Snapshot, long LoadedAt, long Generation, DateTimeOffset ChangedSince, long WholeAt);

    [LoggerMessage(LogLevel.Warning, "Reading the dispatch pool of {Area} failed; recommendations read the database meanwhile")]
    private static partial void LogLoadFailed(ILogger logger, string area, Exception exception);
}
