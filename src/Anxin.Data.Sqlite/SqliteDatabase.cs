using Microsoft.EntityFrameworkCore;

namespace Anxin.Data.Sqlite;

public static class SqliteDatabase
{
    /// <summary>The embedded database: migrations from this assembly, WAL mode for concurrent readers.</summary>
    public static DbContextOptionsBuilder UseAnxinSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name));
}
