using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Anxin.Data.Bulk;

/// <summary>One mapped column: its name, the provider's type mapping and a compiled getter on the entity.</summary>
public sealed class ColumnMap(string name, RelationalTypeMapping mapping, Func<object, object?> getter)
{
    public string Name { get; } = name;

    public RelationalTypeMapping Mapping { get; } = mapping;

    /// <summary>The value as the provider stores it (value converters applied: enums as strings, SQLite ticks...).</summary>
    public object? ProviderValue(object entity)
    {
        var value = getter(entity);
        return value is null ? null : Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }
}

/// <summary>
/// How an entity type is stored, read from the EF model (table, columns, converters), so that bulk
/// writers stay in step with the migrations: a renamed column or a new converter needs no change here.
/// Only entity types whose every column is a CLR property (no shadow keys, no owned collections) qualify.
/// </summary>
public sealed class TableMap
{
    private static readonly ConcurrentDictionary<(IModel, Type), TableMap> Cache = new();

    private TableMap(string table, string? schema, IReadOnlyList<ColumnMap> columns)
    {
        Table = table;
        Schema = schema;
        Columns = columns;
    }

    public string Table { get; }

    public string? Schema { get; }

    public IReadOnlyList<ColumnMap> Columns { get; }

    public static TableMap For(IModel model, Type clrType) => Cache.GetOrAdd((model, clrType), key => Build(key.Item1, key.Item2));

    private static TableMap Build(IModel model, Type clrType)
    {
        var type = model.FindEntityType(clrType) ?? throw new ArgumentException($"{clrType.Name} is not in the model.", nameof(clrType));
        var table = type.GetTableName() ?? throw new ArgumentException($"{clrType.Name} has no table.", nameof(clrType));
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var columns = new List<ColumnMap>();
        foreach (var property in type.GetProperties())
        {
            var member = (System.Reflection.MemberInfo?)property.PropertyInfo ?? property.FieldInfo
                ?? throw new NotSupportedException($"{clrType.Name}.{property.Name} is a shadow property: bulk writes need CLR properties.");
            var mapping = property.GetRelationalTypeMapping();
            columns.Add(new ColumnMap(property.GetColumnName(store) ?? property.Name, mapping, Getter(clrType, member)));
        }

        return new TableMap(table, type.GetSchema(), columns);
    }

    private static Func<object, object?> Getter(Type clrType, System.Reflection.MemberInfo member)
    {
        var entity = Expression.Parameter(typeof(object), "e");
        var access = Expression.MakeMemberAccess(Expression.Convert(entity, clrType), member);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(access, typeof(object)), entity).Compile();
    }
}

/// <summary>Inserts entities (any mix of mapped types) inside the caller's open transaction, as fast as the engine allows.</summary>
public interface IBulkInserter
{
    Task InsertAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, IEnumerable<object> entities,
        CancellationToken ct);
}
