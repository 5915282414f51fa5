using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Anxin.Data.Postgres;

public static class PostgresDatabase
{
    /// <summary>How many statements each connection keeps prepared unless the connection string says otherwise.</summary>
    public const int DefaultMaxAutoPrepare = 100;

    public static DbContextOptionsBuilder UseAnxinPostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithAutoPrepare(connectionString), o => o.MigrationsAssembly(typeof(PostgresDatabase).Assembly.GetName().Name));

    /// <summary>
    /// Npgsql prepares a statement on a connection once it has run a few times there (Max Auto
    /// Prepare), so PostgreSQL parses and plans the hot queries (intake's lookups, the dispatch
    /// searches) once per connection instead of on every execution. A connection string that sets
    /// Max Auto Prepare itself (0 turns it off, e.g. behind a transaction-pooling PgBouncer) wins.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        return builder.ConnectionString;
    }
}
