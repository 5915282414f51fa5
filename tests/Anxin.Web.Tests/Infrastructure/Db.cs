namespace Anxin.Web.Tests.Infrastructure;

/// <summary>The database engines every use-case test runs against.</summary>
public enum Db
{
    Sqlite,
    Postgres,
}

public static class TestEnvironment
{
    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable("ANXIN_TEST_POSTGRES");

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool RequirePostgres => IsCi || Flag("ANXIN_REQUIRE_POSTGRES");

    private static bool Flag(string name) => string.Equals(Environment.GetEnvironmentVariable(name), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips (visibly) when PostgreSQL is not configured on a developer machine; fails in CI.</summary>
    public static void EnsureAvailable(Db db)
    {
        if (db != Db.Postgres || !string.IsNullOrEmpty(PostgresConnectionString))
        {
            return;
        }

        if (RequirePostgres)
        {
            throw new InvalidOperationException("PostgreSQL is required (CI=true) but ANXIN_TEST_POSTGRES is not set.");
        }

        Skip.If(true, "PostgreSQL not configured: set ANXIN_TEST_POSTGRES (scripts/pg-test-cluster.sh start prints one).");
    }

    public static TheoryData<Db> Engines => new() { Db.Sqlite, Db.Postgres };
}
