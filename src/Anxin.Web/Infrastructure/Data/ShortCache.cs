using System.Collections.Concurrent;

namespace Anxin.Web.Infrastructure.Data;

/// <summary>
/// Per-node cache of small reference data (insurers, organisation nodes, clock rules, document
/// lists) for hot paths such as intake. Entries live a few seconds, so an edit made on another
/// node shows within <see cref="Lifetime"/>; an edit on this node calls <see cref="Invalidate"/>.
/// </summary>
public sealed class ShortCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, (object? Value, long Until)> _entries = new(StringComparer.Ordinal);
    private long _generation;

    public async Task<T> GetAsync<T>(string key, Func<CancellationToken, Task<T>> load, CancellationToken ct, TimeSpan? lifetime = null,
        bool cacheNull = true)
    {
        if (_entries.TryGetValue(key, out var hit) && hit.Until > Environment.TickCount64)
        {
            return (T)hit.Value!;
        }

        var generation = Interlocked.Read(ref _generation);
        var value = await load(ct);
        if ((value is not null || cacheNull) && generation == Interlocked.Read(ref _generation))
        {
            _entries[key] = (value, Environment.TickCount64 + (long)(lifetime ?? Lifetime).TotalMilliseconds);
        }

        return value;
    }

    /// <summary>Forgets every entry whose key starts with <paramref name="prefix"/>.</summary>
    public void Invalidate(string prefix)
    {
        Interlocked.Increment(ref _generation);
        foreach (var key in _entries.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            _entries.TryRemove(key, out _);
        }
    }
}
