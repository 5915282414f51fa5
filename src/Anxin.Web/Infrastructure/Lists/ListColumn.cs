using Anxin.Web.Infrastructure.Http;

namespace Anxin.Web.Infrastructure.Lists;

/// <summary>
/// A column of a list or export: its key in <c>?columns=</c>, the resource key of its header and
/// the cell text of a row. Values come from rows the handler has already projected, so masked
/// personal data stays masked here (the handler's job, not the column's).
/// </summary>
public sealed record ListColumn<T>(string Key, string HeaderResourceKey, Func<T, string?> Value);

/// <summary>The columns a list offers, and the choice of them made with <c>?columns=a,b,c</c>.</summary>
public sealed class ListColumns<T>(params ListColumn<T>[] columns)
{
    /// <summary>Resource key (SharedResource) of the "unknown column" field error.</summary>
    public const string UnknownCode = "List.ColumnUnknown";

    public IReadOnlyList<ListColumn<T>> All { get; } = columns;

    public IEnumerable<string> Keys => All.Select(c => c.Key);

    /// <summary>
    /// The chosen columns in the order asked for; blank means <paramref name="defaults"/> (or all).
    /// An unknown or repeated key is a field error on <paramref name="field"/>.
    /// </summary>
    public Result<IReadOnlyList<ListColumn<T>>> Choose(string? columns, IEnumerable<string>? defaults = null, string field = "Columns")
    {
        var keys = Split(columns);
        if (keys.Count == 0)
        {
            return defaults is null ? Result<IReadOnlyList<ListColumn<T>>>.Ok(All) : Choose(string.Join(',', defaults), null, field);
        }

        var chosen = new List<ListColumn<T>>();
        foreach (var key in keys)
        {
            var column = All.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));
            if (column is null || chosen.Contains(column))
            {
                return Result<IReadOnlyList<ListColumn<T>>>.Invalid(field, UnknownCode);
            }

            chosen.Add(column);
        }

        return Result<IReadOnlyList<ListColumn<T>>>.Ok(chosen);
    }

    public static IReadOnlyList<string> Split(string? columns) =>
        (columns ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
