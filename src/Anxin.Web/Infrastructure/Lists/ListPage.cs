using System.Text.Json.Serialization;

namespace Anxin.Web.Infrastructure.Lists;

/// <summary>
/// One keyset page of a list: JSON <c>{ items, nextCursor, total }</c>. <paramref name="Total"/> is
/// left out (null) where counting would cost a scan of tens of millions of rows (the audit trail).
/// </summary>
public sealed record ListPage<T>(
    IReadOnlyList<T> Items,
    string? NextCursor,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Total = null)
{
    public static readonly ListPage<T> Empty = new([], null, 0);
}

/// <summary>Page sizes and the "fetch one more row to know whether there is a next page" probe.</summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static int Size(int? requested, int @default = DefaultPageSize) => Math.Clamp(requested ?? @default, 1, MaxPageSize);

    /// <summary>
    /// Cuts <paramref name="probe"/> (fetched with <c>Take(size + 1)</c>) to the page, and the cursor of
    /// its last row if a further row exists.
    /// </summary>
    public static (List<T> Page, string? NextCursor) Cut<T>(IReadOnlyList<T> probe, int size, Func<T, string> cursorOf)
    {
        var page = probe.Take(size).ToList();
        return (page, probe.Count > size && page.Count > 0 ? cursorOf(page[^1]) : null);
    }
}
