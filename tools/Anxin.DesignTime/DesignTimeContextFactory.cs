using Anxin.Data;
using Anxin.Data.Postgres;
using Anxin.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Anxin.DesignTime;

/// <summary>
/// dotnet ef migrations add Name --project src/Anxin.Data.Sqlite --startup-project tools/Anxin.DesignTime -- Sqlite
/// dotnet ef migrations add Name --project src/Anxin.Data.Postgres --startup-project tools/Anxin.DesignTime -- Postgres
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<AnxinDbContext>
{
    public AnxinDbContext CreateDbContext(string[] args)
    {
        var provider = args.FirstOrDefault() ?? "Sqlite";
        var options = new DbContextOptionsBuilder<AnxinDbContext>();
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            options.UseAnxinPostgres("Host=localhost;Database=anxin_design");
        }
        else
        {
            options.UseAnxinSqlite("Data Source=design.db");
        }

        return new AnxinDbContext(options.Options, SystemActor.Instance);
    }
}

public static class Program
{
    public static void Main() => Console.WriteLine("Design-time host for EF migrations; see DesignTimeContextFactory.");
}
