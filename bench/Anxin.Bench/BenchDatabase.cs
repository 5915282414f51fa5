using System.Data.Common;
using Anxin.Data;
using Anxin.Data.Postgres;
using Anxin.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Anxin.Bench;

/// <summary>Which database a command works on, and the settings the app needs to use it.</summary>
public sealed record BenchDatabase(string Engine, string ConnectionString)
{
    public bool IsSqlite => Engine == "sqlite";

    /// <summary>--db sqlite|postgres, --conn (SQLite: a file under artifacts/bench by default; PostgreSQL: ANXIN_BENCH_POSTGRES).</summary>
    public static BenchDatabase From(Options o, string defaultName)
    {
        var engine = o.Get("db", "sqlite").ToLowerInvariant() switch
        {
            "sqlite" => "sqlite",
            "postgres" or "postgresql" or "pg" => "postgres",
            var other => throw new ArgumentException("--db is sqlite or postgres, not " + other),
        };
        if (o["conn"] is { } conn)
        {
            return new BenchDatabase(engine, conn);
        }

        if (engine == "sqlite")
        {
            var folder = Path.Combine(AppProcess.RepositoryRoot(), "artifacts", "bench");
            Directory.CreateDirectory(folder);
            return new BenchDatabase(engine, $"Data Source={Path.Combine(folder, defaultName + ".db")};Pooling=True");
        }

        var server = Environment.GetEnvironmentVariable("ANXIN_BENCH_POSTGRES")
            ?? throw new ArgumentException("PostgreSQL: give --conn or set ANXIN_BENCH_POSTGRES (e.g. from scripts/pg-test-cluster.sh start)");
        return new BenchDatabase(engine, new NpgsqlConnectionStringBuilder(server) { Database = "anxin_" + defaultName.Replace('-', '_') }.ConnectionString);
    }

    public Dictionary<string, string> AppSettings() => new()
    {
        ["Database:Provider"] = IsSqlite ? "Sqlite" : "Postgres",
        [IsSqlite ? "ConnectionStrings:Sqlite" : "ConnectionStrings:Postgres"] = ConnectionString,
        ["Database:MigrateOnStart"] = "true",
    };

    public string Describe() => IsSqlite ? "SQLite " + new SqliteConnectionStringBuilder(ConnectionString).DataSource : "PostgreSQL " + new NpgsqlConnectionStringBuilder(ConnectionString).Database;

    /// <summary>Deletes the database (file or PostgreSQL database) so that a run starts empty.</summary>
    public async Task DropAsync()
    {
        if (IsSqlite)
        {
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }

            return;
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var name = builder.Database;
        builder.Database = "postgres";
        await using var conn = new NpgsqlConnection(builder.ConnectionString);
        await conn.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
        await drop.ExecuteNonQueryAsync();
    }

    public AnxinDbContext Context()
    {
        var options = new DbContextOptionsBuilder<AnxinDbContext>();
        if (IsSqlite)
        {
            options.UseAnxinSqlite(ConnectionString);
        }
        else
        {
            options.UseAnxinPostgres(ConnectionString);
        }

        return new AnxinDbContext(options.Options, SystemActor.Instance);
    }

    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = IsSqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
