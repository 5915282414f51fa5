using System.Data.Common;
using System.Globalization;
using Anxin.Data.Bulk;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace Anxin.Data.Sqlite;

/// <summary>
/// Bulk inserts on SQLite: statements prepared once per connection, each taking up to
/// <see cref="RowsPerStatement"/> rows of a table, values bound by position.
/// <para>
/// Written here rather than through Microsoft.Data.Sqlite's commands because those bind every
/// parameter by name on every execution (<c>sqlite3_bind_parameter_index</c> is a linear search):
/// with multi-row statements that was 44 % of the intake group-commit writer's time. The values
/// are converted as Microsoft.Data.Sqlite converts them for the column's type mapping, so rows are
/// stored exactly as EF stores them (a test compares both, column by column). SQLitePCLRaw is the
/// library Microsoft.Data.Sqlite itself runs on.
/// </para>
/// </summary>
public sealed class SqliteBulkInserter(IModel model) : IBulkInserter, IDisposable
{
    public const int RowsPerStatement = 16;

    private readonly Dictionary<(Type Type, int Rows), Statement> _statements = [];
    private sqlite3? _handle;

    public Task InsertAsync(DbConnection connection, DbTransaction transaction, IEnumerable<object> entities, CancellationToken ct)
    {
        var handle = ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The connection is not open.");
        if (!ReferenceEquals(handle, _handle))
        {
            Reset();
            _handle = handle;
        }

        foreach (var group in entities.GroupBy(e => e.GetType()))
        {
            ct.ThrowIfCancellationRequested();
            var rows = group.ToList();
            var done = 0;
            while (done < rows.Count)
            {
                var take = Math.Min(rows.Count - done, RowsPerStatement);
                take = take == RowsPerStatement ? take : 1;
                StatementFor(group.Key, take).Execute(handle, rows, done, take);
                done += take;
            }
        }

        return Task.CompletedTask;
    }

    private Statement StatementFor(Type type, int rows)
    {
        if (!_statements.TryGetValue((type, rows), out var statement))
        {
            statement = new Statement(_handle!, TableMap.For(model, type), rows);
            _statements[(type, rows)] = statement;
        }

        return statement;
    }

    private void Reset()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
        _handle = null;
    }

    public void Dispose() => Reset();

    private sealed class Statement : IDisposable
    {
        private readonly sqlite3_stmt _stmt;
        private readonly TableMap _map;
        private readonly Binder[] _binders;

        public Statement(sqlite3 handle, TableMap map, int rows)
        {
            _map = map;
            var names = string.Join(", ", map.Columns.Select(c => "\"" + c.Name + "\""));
            var row = "(" + string.Join(", ", map.Columns.Select(_ => "?")) + ")";
            var sql = $"INSERT INTO \"{map.Table}\" ({names}) VALUES {string.Join(", ", Enumerable.Repeat(row, rows))}";
            Check(raw.sqlite3_prepare_v2(handle, sql, out _stmt), handle);
            _binders = [.. map.Columns.Select(c => BinderFor(c))];
        }

        public void Execute(sqlite3 handle, List<object> rows, int from, int count)
        {
            var columns = _map.Columns.Count;
            var index = 1;
            for (var r = from; r < from + count; r++)
            {
                var entity = rows[r];
                for (var c = 0; c < columns; c++)
                {
                    var value = _map.Columns[c].ProviderValue(entity);
                    Check(value is null ? raw.sqlite3_bind_null(_stmt, index) : _binders[c](_stmt, index, value), handle);
                    index++;
                }
            }

            var rc = raw.sqlite3_step(_stmt);
            raw.sqlite3_reset(_stmt);
            if (rc != raw.SQLITE_DONE)
            {
                Check(rc, handle);
            }
        }

        public void Dispose() => _stmt.Dispose();

        private static void Check(int rc, sqlite3 handle) => SqliteException.ThrowExceptionForRC(rc, handle);
    }

    private delegate int Binder(sqlite3_stmt stmt, int index, object value);

    /// <summary>The conversion Microsoft.Data.Sqlite applies to a provider value of the column's type (its SqliteValueBinder).</summary>
    private static Binder BinderFor(ColumnMap column)
    {
        var type = Nullable.GetUnderlyingType(column.Mapping.Converter?.ProviderClrType ?? column.Mapping.ClrType)
            ?? column.Mapping.Converter?.ProviderClrType ?? column.Mapping.ClrType;
        if (type.IsEnum)
        {
            return (s, i, v) => raw.sqlite3_bind_int64(s, i, Convert.ToInt64(v, CultureInfo.InvariantCulture));
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.String => (s, i, v) => raw.sqlite3_bind_text(s, i, (string)v),
            TypeCode.Boolean => (s, i, v) => raw.sqlite3_bind_int64(s, i, (bool)v ? 1 : 0),
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 =>
                (s, i, v) => raw.sqlite3_bind_int64(s, i, Convert.ToInt64(v, CultureInfo.InvariantCulture)),
            TypeCode.Double or TypeCode.Single => (s, i, v) => raw.sqlite3_bind_double(s, i, Convert.ToDouble(v, CultureInfo.InvariantCulture)),
            TypeCode.Decimal => (s, i, v) => raw.sqlite3_bind_text(s, i, ((decimal)v).ToString("0.0###########################", CultureInfo.InvariantCulture)),
            _ when type == typeof(Guid) => (s, i, v) => raw.sqlite3_bind_text(s, i, ((Guid)v).ToString("D").ToUpperInvariant()),
            _ when type == typeof(byte[]) => (s, i, v) => raw.sqlite3_bind_blob(s, i, (byte[])v),
            _ when type == typeof(DateOnly) => (s, i, v) => raw.sqlite3_bind_text(s, i, ((DateOnly)v).ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"Column {column.Name}: bulk inserts on SQLite do not convert {type.Name} values yet."),
        };
    }
}
