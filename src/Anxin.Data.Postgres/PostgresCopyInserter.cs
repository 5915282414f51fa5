using System.Data.Common;
using Anxin.Data.Bulk;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Anxin.Data.Postgres;

/// <summary>
/// Binary COPY, one per table in order of first appearance (the fast path on PostgreSQL). Values
/// go through the EF model's converters; times are written as UTC (timestamptz takes offset 0 only).
/// </summary>
public sealed class PostgresCopyInserter(IModel model) : IBulkInserter
{
    public async Task InsertAsync(DbConnection connection, DbTransaction transaction, IEnumerable<object> entities, CancellationToken ct)
    {
        var npgsql = (NpgsqlConnection)connection;
        foreach (var group in entities.GroupBy(e => e.GetType()))
        {
            var map = TableMap.For(model, group.Key);
            var names = string.Join(", ", map.Columns.Select(c => "\"" + c.Name + "\""));
            var types = map.Columns.Select(c => c.Mapping.StoreTypeNameBase).ToArray();
            await using var importer = await npgsql.BeginBinaryImportAsync($"COPY \"{map.Table}\" ({names}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var entity in group)
            {
                await importer.StartRowAsync(ct);
                for (var i = 0; i < types.Length; i++)
                {
                    switch (map.Columns[i].ProviderValue(entity))
                    {
                        case null:
                            await importer.WriteNullAsync(ct);
                            break;
                        case DateTimeOffset at:
                            await importer.WriteAsync(at.ToUniversalTime(), types[i], ct);
                            break;
                        case var value:
                            await importer.WriteAsync(value, types[i], ct);
                            break;
                    }
                }
            }

            await importer.CompleteAsync(ct);
        }
    }
}
