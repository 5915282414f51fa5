using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Anxin.Data.Bulk;

/// <summary>
/// Prepared INSERTs re-bound row after row (the fast path on SQLite: prepared statements inside
/// one big transaction), each statement taking up to <see cref="RowsPerStatement"/> rows of a table
/// so the per-statement overhead is paid once for many rows. Parameters are created by the
/// provider's type mappings, so values are stored exactly as EF stores them. Commands are kept per
/// connection: use one instance per connection.
/// </summary>
public sealed class PreparedInserter(IModel model) : IBulkInserter, IDisposable
{
    public const int RowsPerStatement = 16;

    private readonly Dictionary<(Type Type, int Rows), (DbCommand Command, DbParameter[] Parameters, TableMap Map)> _commands = [];
    private DbConnection? _connection;

    public async Task InsertAsync(DbConnection connection, DbTransaction transaction, IEnumerable<object> entities, CancellationToken ct)
    {
        if (!ReferenceEquals(connection, _connection))
        {
            Reset();
            _connection = connection;
        }

        foreach (var group in entities.GroupBy(e => e.GetType()))
        {
            var rows = group.ToList();
            var done = 0;
            while (done < rows.Count)
            {
                var take = rows.Count - done >= RowsPerStatement ? RowsPerStatement : 1;
                var (command, parameters, map) = CommandFor(group.Key, take);
                command.Transaction = transaction;
                var columns = map.Columns.Count;
                for (var r = 0; r < take; r++)
                {
                    var entity = rows[done + r];
                    for (var c = 0; c < columns; c++)
                    {
                        parameters[(r * columns) + c].Value = map.Columns[c].ProviderValue(entity) ?? DBNull.Value;
                    }
                }

                await command.ExecuteNonQueryAsync(ct);
                done += take;
            }
        }
    }

    private (DbCommand, DbParameter[], TableMap) CommandFor(Type type, int rows)
    {
        if (_commands.TryGetValue((type, rows), out var cached))
        {
            return cached;
        }

        var map = TableMap.For(model, type);
        var command = _connection!.CreateCommand();
        var names = string.Join(", ", map.Columns.Select(c => "\"" + c.Name + "\""));
        var tuples = Enumerable.Range(0, rows).Select(r =>
            "(" + string.Join(", ", map.Columns.Select((_, c) => Name(r, c))) + ")");
        command.CommandText = $"INSERT INTO \"{map.Table}\" ({names}) VALUES {string.Join(", ", tuples)}";
        var parameters = new DbParameter[rows * map.Columns.Count];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < map.Columns.Count; c++)
            {
                var p = map.Columns[c].Mapping.CreateParameter(command, Name(r, c), null, nullable: true);
                command.Parameters.Add(p);
                parameters[(r * map.Columns.Count) + c] = p;
            }
        }

        var entry = (command, parameters, map);
        _commands[(type, rows)] = entry;
        return entry;
    }

    private static string Name(int row, int column) => string.Create(CultureInfo.InvariantCulture, $"@p{row}_{column}");

    private void Reset()
    {
        foreach (var (command, _, _) in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }

    public void Dispose() => Reset();
}
