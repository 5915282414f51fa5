using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace Anxin.Web.Infrastructure.Lists;

/// <summary>
/// The opaque keyset cursor of a list: the sort-key values of the last row shown, as a JSON
/// array of strings, base64url-encoded. The next page is "rows after these keys", so page N costs
/// the same as page 1 at any table size. A tampered or garbage cursor does not decode: handlers
/// return <see cref="InvalidCode"/> as a field error (400), never a 500.
/// </summary>
public static class KeysetCursor
{
    /// <summary>Resource key (SharedResource) of the "damaged cursor" field error.</summary>
    public const string InvalidCode = "List.CursorInvalid";

    private const int MaxLength = 1024;

    public static string Encode(params string[] keys) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(keys));

    public static string Encode(string key, Guid id) => Encode(key, id.ToString("N"));

    public static string Encode(DateTimeOffset at, Guid id) => Encode(at.UtcTicks.ToString(CultureInfo.InvariantCulture), id.ToString("N"));

    /// <summary>Decodes a cursor of exactly <paramref name="arity"/> non-null keys.</summary>
    public static bool TryDecode(string? cursor, int arity, [NotNullWhen(true)] out string[]? keys)
    {
        keys = null;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > MaxLength)
        {
            return false;
        }

        try
        {
            var bytes = Base64Url.DecodeFromChars(cursor);
            var values = JsonSerializer.Deserialize<string?[]>(bytes);
            if (values is null || values.Length != arity || values.Any(v => v is null))
            {
                return false;
            }

            keys = values!;
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
    }

    public static bool TryDecode(string? cursor, out string key, out Guid id)
    {
        key = string.Empty;
        id = Guid.Empty;
        if (!TryDecode(cursor, 2, out var keys) || !Guid.TryParseExact(keys[1], "N", out id))
        {
            return false;
        }

        key = keys[0];
        return true;
    }

    public static bool TryDecode(string? cursor, out DateTimeOffset at, out Guid id)
    {
        at = default;
        id = Guid.Empty;
        if (!TryDecode(cursor, 2, out var keys)
            || !long.TryParse(keys[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(keys[1], "N", out id))
        {
            return false;
        }

        at = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }
}
