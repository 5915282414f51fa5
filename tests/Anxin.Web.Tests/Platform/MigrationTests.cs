using System.Data.Common;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Platform;

public sealed class MigrationTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableTheory]
    [MemberData(nameof(TestEnvironment.Engines), MemberType = typeof(TestEnvironment))]
    public async Task Migrated_schema_matches_the_model(Db db)
    {
        var app = apps.For(db);

        await app.WithDbAsync(async context =>
        {
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
            Assert.False(context.Database.HasPendingModelChanges(), "The model has changes that no migration covers.");

            var connection = context.Database.GetDbConnection();
            await context.Database.OpenConnectionAsync();
            foreach (var entity in context.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
            {
                var table = entity.GetTableName()!;
                var actual = await ColumnsAsync(connection, table, db);
                var expected = entity.GetProperties().Select(p => p.GetColumnName()).ToHashSet();
                Assert.True(expected.IsSubsetOf(actual), $"{table}: missing columns {string.Join(", ", expected.Except(actual))}");
            }

            return 0;
        });
    }

    private static async Task<HashSet<string>> ColumnsAsync(DbConnection connection, string table, Db db)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = db == Db.Sqlite
            ? $"SELECT name FROM pragma_table_info('{table}')"
            : $"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}'";
        var columns = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }
}
