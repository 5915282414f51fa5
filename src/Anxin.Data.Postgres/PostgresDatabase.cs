using Microsoft.EntityFrameworkCore;

namespace Anxin.Data.Postgres;

public static class PostgresDatabase
{
    public static DbContextOptionsBuilder UseAnxinPostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgresDatabase).Assembly.GetName().Name));
}
