using System.Collections.Concurrent;

namespace Anxin.Web.Tests.Infrastructure;

/// <summary>
/// Class fixture: one running app per engine, created on first use and shared by the tests
/// of a class (tests use their own names and rows, so they do not depend on each other).
/// </summary>
public sealed class Apps : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Db, Lazy<AnxinAppFactory>> _apps = new();

    public AnxinAppFactory For(Db db)
    {
        TestEnvironment.EnsureAvailable(db);
        var app = _apps.GetOrAdd(db, d => new Lazy<AnxinAppFactory>(() => new AnxinAppFactory(d))).Value;
        _ = app.Server; // start it (migrate + seed) now, so failures show here
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values.Where(a => a.IsValueCreated))
        {
            await app.Value.DisposeAsync();
        }
    }
}
