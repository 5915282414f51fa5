using System.Data.Common;

namespace Anxin.Bench;

/// <summary>
/// The bulk loader's standard trick: drop the secondary indexes of the big tables before loading
/// and build them again afterwards, from their own definitions as the migrations created them.
/// Building an index once over sorted keys is far cheaper than millions of random inserts into it
/// (cases carry a dozen indexes on random keys: plate, mobiles, numbers).
/// </summary>
internal sealed class DeferredIndexes
{
    private readonly List<(string Name, string Definition)> _dropped = [];

    private DeferredIndexes()
    {
    }

    public int Count => _dropped.Count;

    public static async Task<DeferredIndexes> DropAsync(DbConnection connection, bool sqlite, IReadOnlyList<string> tables)
    {
        var deferred = new DeferredIndexes();
        var list = string.Join(", ", tables.Select(t => "'" + t.Replace("'", "''", StringComparison.Ordinal) + "'"));
        await using (var read = connection.CreateCommand())
        {
            // Primary keys stay (rows are checked against them as they come); every other index goes.
            read.CommandText = sqlite
                ? $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({list})"
                : $"SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ({list}) AND indexname NOT LIKE 'PK\\_%'";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                deferred._dropped.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in deferred._dropped)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"");
        }

        return deferred;
    }

    public async Task RebuildAsync(DbConnection connection)
    {
        foreach (var (_, definition) in _dropped)
        {
            await ExecuteAsync(connection, definition);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
