using Microsoft.Data.Sqlite;
using Npgsql;

namespace Anxin.Web.Infrastructure.Data;

public static class DbErrors
{
    /// <summary>A unique index or primary key refused the row (SQLite constraint 2067/1555, PostgreSQL 23505).</summary>
    public static bool IsUniqueViolation(Exception e) => e switch
    {
        SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => e.InnerException is { } inner && IsUniqueViolation(inner),
    };
}
