using Anxin.Data;
using Anxin.Data.Interceptors;
using Anxin.Data.Postgres;
using Anxin.Data.Sqlite;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Infrastructure.Data;

public static class DatabaseSetup
{
    /// <summary>Database:Provider = Sqlite (default, a file under the app's data folder) or Postgres.</summary>
    public static IServiceCollection AddAnxinDatabase(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var provider = config["Database:Provider"] ?? "Sqlite";
        string connectionString;
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            connectionString = config.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.");
        }
        else
        {
            connectionString = config.GetConnectionString("Sqlite") ?? DefaultSqlite(config, env);
        }

        services.AddSingleton<AuditSaveChangesInterceptor>();
        services.AddSingleton<ShortCache>();
        services.AddSingleton<GroupCommitWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<GroupCommitWriter>());
        services.AddScoped<CurrentUser>();
        services.AddScoped<IRequestActor>(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext is null
            ? SystemActor.Instance
            : sp.GetRequiredService<CurrentUser>());
        services.AddDbContext<AnxinDbContext>((sp, options) =>
        {
            if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
            {
                options.UseAnxinPostgres(connectionString);
            }
            else
            {
                options.UseAnxinSqlite(connectionString);
            }

            // The save pipeline first; then the features' own interceptors (registered as IInterceptor).
            options.AddInterceptors([sp.GetRequiredService<AuditSaveChangesInterceptor>(), .. sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()]);
        }, optionsLifetime: ServiceLifetime.Singleton); // built once: a request's context then finds EF's internal services at once
        return services;
    }

    private static string DefaultSqlite(IConfiguration config, IHostEnvironment env)
    {
        var folder = config["Database:DataFolder"] ?? Path.Combine(env.ContentRootPath, "App_Data");
        Directory.CreateDirectory(folder);
        // Private cache: with WAL, readers never wait for the writer (a shared cache would lock tables between connections).
        return $"Data Source={Path.Combine(folder, "anxin.db")};Pooling=True";
    }

    /// <summary>Applies pending migrations (at start in Development, or by the explicit `migrate` command).</summary>
    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnxinDbContext>();
        if (db.IsSqlite)
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync();
    }
}
