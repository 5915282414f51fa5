using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Anxin.Data;
using Anxin.Data.Postgres;
using Anxin.Data.Sqlite;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Anxin.Web.Tests.Reliability;

/// <summary>
/// The app as a real process (<c>dotnet Anxin.Web.dll</c> from the app's own build output of the
/// same configuration as the tests) on Kestrel at 127.0.0.1, so it can be killed with SIGKILL and
/// started again, or run twice over one database. Its console output is kept for assertions.
/// </summary>
public sealed class AppNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private AppNode(Process process, Uri address, string name)
    {
        _process = process;
        Address = address;
        Name = name;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToList();
            }
        }
    }

    public static string AppDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Anxin.slnx")))
            {
                var dll = Path.Combine(dir.FullName, "src", "Anxin.Web", "bin", configuration, "net10.0", "Anxin.Web.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the app first", dll);
            }
        }

        throw new InvalidOperationException("Anxin.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Starts a node and waits until /health answers.</summary>
    public static async Task<AppNode> StartAsync(NodeDatabase database, string name, IDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var dll = AppDll();
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        var all = new Dictionary<string, string>(database.Settings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/'),
            ["Database:MigrateOnStart"] = "true",
            ["Demo:Seed"] = "true",
            ["RateLimiting:SignInPerMinute"] = "100000",
            ["Outbox:NodeName"] = name,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var node = new AppNode(Process.Start(info)!, address, name);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < until)
        {
            if (node.HasExited)
            {
                throw new InvalidOperationException($"{name} exited at start:\n{string.Join('\n', node.Output.TakeLast(30))}");
            }

            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return node;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        await node.DisposeAsync();
        throw new TimeoutException($"{name} did not answer /health:\n{string.Join('\n', node.Output.TakeLast(30))}");
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut of the process.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}

/// <summary>A fresh database for real app processes (a temp SQLite file or a new PostgreSQL database), dropped at the end.</summary>
public sealed class NodeDatabase : IAsyncDisposable
{
    private NodeDatabase(Db db, string connectionString)
    {
        Db = db;
        ConnectionString = connectionString;
    }

    public Db Db { get; }

    public string ConnectionString { get; }

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Database:Provider"] = Db.ToString(),
        [Db == Db.Postgres ? "ConnectionStrings:Postgres" : "ConnectionStrings:Sqlite"] = ConnectionString,
    };

    public static NodeDatabase Create(Db db)
    {
        TestEnvironment.EnsureAvailable(db);
        return db == Db.Postgres
            ? new NodeDatabase(db, new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString)
            {
                Database = "anxin_r_" + Guid.NewGuid().ToString("N")[..12],
            }.ConnectionString)
            : new NodeDatabase(db, $"Data Source={Path.Combine(Path.GetTempPath(), "anxin-rel-" + Guid.NewGuid().ToString("N") + ".db")};Pooling=False");
    }

    /// <summary>An unrestricted context for arranging and asserting (the system actor: no scope filters).</summary>
    public AnxinDbContext Context()
    {
        var options = new DbContextOptionsBuilder<AnxinDbContext>();
        if (Db == Db.Postgres)
        {
            options.UseAnxinPostgres(ConnectionString);
        }
        else
        {
            options.UseAnxinSqlite(ConnectionString);
        }

        return new AnxinDbContext(options.Options, SystemActor.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        if (Db == Db.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString);
        var name = admin.Database;
        admin.Database = "postgres";
        await using var conn = new NpgsqlConnection(admin.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
