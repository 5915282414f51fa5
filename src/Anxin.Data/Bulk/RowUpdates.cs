using System.Data.Common;
using System.Globalization;
using Anxin.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Anxin.Data.Bulk;

/// <summary>
/// Some columns of one existing row to set, by key, for writers without a change tracker (the
/// intake group commit links the call a report came in on). As the save pipeline does for a
/// modified entity: <see cref="IVersioned"/> rows get their version bumped, <see cref="IHasTimestamps"/>
/// rows their UpdatedAt set to <paramref name="At"/>. The caller writes the audit rows.
/// </summary>
public sealed record RowUpdate(Type EntityType, Guid Id, IReadOnlyList<KeyValuePair<string, object?>> Values, DateTimeOffset At);

public static class RowUpdates
{
    /// <summary>Runs each update inside the caller's transaction; a row that is gone is left alone (0 rows).</summary>
    public static async Task ApplyAsync(IModel model, DbConnection connection, DbTransaction transaction, IEnumerable<RowUpdate> updates,
        CancellationToken ct)
    {
        foreach (var update in updates)
        {
            var type = model.FindEntityType(update.EntityType) ?? throw new ArgumentException($"{update.EntityType.Name} is not in the model.", nameof(updates));
            var table = type.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, type.GetSchema());
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sets = new List<string>();
            var values = update.Values.ToList();
            if (typeof(IHasTimestamps).IsAssignableFrom(update.EntityType))
            {
                values.Add(new(nameof(IHasTimestamps.UpdatedAt), update.At));
            }

            for (var i = 0; i < values.Count; i++)
            {
                var property = type.FindProperty(values[i].Key) ?? throw new ArgumentException($"{type.ClrType.Name} has no {values[i].Key}.", nameof(updates));
                sets.Add($"\"{property.GetColumnName(store)}\" = {Add(command, property, "@v" + i.ToString(CultureInfo.InvariantCulture), values[i].Value)}");
            }

            if (typeof(IVersioned).IsAssignableFrom(update.EntityType))
            {
                var version = type.FindProperty(nameof(IVersioned.Version))!.GetColumnName(store);
                sets.Add($"\"{version}\" = \"{version}\" + 1");
            }

            var key = type.FindPrimaryKey()!.Properties.Single();
            command.CommandText = $"UPDATE \"{table}\" SET {string.Join(", ", sets)} WHERE \"{key.GetColumnName(store)}\" = {Add(command, key, "@id", update.Id)}";
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static string Add(DbCommand command, IProperty property, string name, object? value)
    {
        var mapping = property.GetRelationalTypeMapping();
        var provider = value is null ? null : mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        if (provider is DateTimeOffset at)
        {
            provider = at.ToUniversalTime(); // PostgreSQL's timestamptz takes offset 0 only
        }

        // Created empty, then given the provider value (CreateParameter would apply the converter a second time).
        var parameter = mapping.CreateParameter(command, name, null, nullable: true);
        parameter.Value = provider ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return name;
    }
}
