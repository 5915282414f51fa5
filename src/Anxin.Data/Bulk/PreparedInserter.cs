using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Anxin.Data.Bulk;

/// <summary>
/// One prepared INSERT per table, re-bound row by row (the fast path on SQLite: prepared statements
/// inside one big transaction). Parameters are created by the provider's type mappings, so values
/// are stored exactly as EF stores them. Commands are kept per connection; use one instance per connection.
/// </summary>
public sealed class PreparedInserter(IModel model) : IBulkInserter, IDisposable
{
    private readonly Dictionary<Type, (DbCommand Command, DbParameter[] Parameters, TableMap Map)> _commands = [];
    private DbConnection? _connection;

    public async Task InsertAsync(DbConnection connection, DbTransaction transaction, IEnumerable<object> entities, CancellationToken ct)
    {
        if (!ReferenceEquals(connection, _connection))
        {
            Reset();
            _connection = connection;
        }

        foreach (var entity in entities)
        {
            var (command, parameters, map) = CommandFor(entity.GetType());
            command.Transaction = transaction;
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = map.Columns[i].ProviderValue(entity) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private (DbCommand, DbParameter[], TableMap) CommandFor(Type type)
    {
        if (_commands.TryGetValue(type, out var cached))
        {
            return cached;
        }

        var map = TableMap.For(model, type);
        var command = _connection!.CreateCommand();
        var names = string.Join(", ", map.Columns.Select(c => "\"" + c.Name + "\""));
        var values = string.Join(", ", map.Columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)));
        command.CommandText = $"INSERT INTO \"{map.Table}\" ({names}) VALUES ({values})";
        var parameters = map.Columns.Select((c, i) =>
        {
            var p = c.Mapping.CreateParameter(command, "@p" + i.ToString(CultureInfo.InvariantCulture), null, nullable: true);
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        var entry = (command, parameters, map);
        _commands[type] = entry;
        return entry;
    }

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
