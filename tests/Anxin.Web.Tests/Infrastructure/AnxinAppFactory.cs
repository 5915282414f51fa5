using System.Collections.Concurrent;
using Anxin.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Anxin.Web.Tests.Infrastructure;

/// <summary>
/// The real application over a real, empty database of the given engine (migrated and seeded
/// with the demo data at start), with every log line captured for assertions.
/// </summary>
public sealed class AnxinAppFactory : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly string? _sqliteFile;
    private readonly Dictionary<string, string?> _settings;

    private readonly bool _ownsDatabase = true;

    static AnxinAppFactory()
    {
        // Dozens of apps run side by side in a test run; each watching its appsettings files costs
        // inotify instances (128 per user by default), and running out fails unrelated tests.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }

    /// <param name="connectionString">
    /// Another factory's <see cref="ConnectionString"/>, to run a second node over the same
    /// database (that factory still owns and drops it).
    /// </param>
    public AnxinAppFactory(Db db, IDictionary<string, string?>? settings = null, string? connectionString = null)
    {
        Db = db;
        if (connectionString is not null)
        {
            _connectionString = connectionString;
            _ownsDatabase = false;
        }
        else if (db == Db.Postgres)
        {
            var builder = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString)
            {
                Database = "anxin_t_" + Guid.NewGuid().ToString("N")[..12],
            };
            _connectionString = builder.ConnectionString;
        }
        else
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), "anxin-test-" + Guid.NewGuid().ToString("N") + ".db");
            _connectionString = $"Data Source={_sqliteFile};Pooling=False";
        }

        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = db.ToString(),
            [db == Db.Postgres ? "ConnectionStrings:Postgres" : "ConnectionStrings:Sqlite"] = _connectionString,
            ["Database:MigrateOnStart"] = "true",
            ["Demo:Seed"] = "true",
            ["RateLimiting:SignInPerMinute"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public Db Db { get; }

    public string ConnectionString => _connectionString;

    public ConcurrentQueue<string> Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(new CapturingLoggerProvider(Logs));
        });
    }

    /// <summary>A DbContext outside any request: unrestricted, for arranging and asserting.</summary>
    public async Task<T> WithDbAsync<T>(Func<AnxinDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AnxinDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_ownsDatabase)
        {
            return;
        }

        if (_sqliteFile is not null)
        {
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(_sqliteFile + suffix);
            }
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            var admin = new NpgsqlConnectionStringBuilder(_connectionString);
            var name = admin.Database;
            admin.Database = "postgres";
            await using var conn = new NpgsqlConnection(admin.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}

internal sealed class CapturingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, sink);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            sink.Enqueue($"[scope] {category}: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            sink.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    sink.Enqueue($"  {key}={value}");
                }
            }
        }
    }
}
