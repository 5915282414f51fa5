namespace Anxin.Domain.Common;

/// <summary>The free-text rules every entity applies: trimmed, required or optional, and a maximum length.</summary>
public static class DomainText
{
    /// <summary>The trimmed text; throws <see cref="ValidationCodes.Required"/> or <see cref="ValidationCodes.TooLong"/> for <paramref name="field"/>.</summary>
    public static string Required(string? value, int maxLength, string field)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw new DomainException(ValidationCodes.Required, field);
        }

        return text.Length > maxLength ? throw new DomainException(ValidationCodes.TooLong, field) : text;
    }

    /// <summary>The trimmed text, or null when blank; throws <see cref="ValidationCodes.TooLong"/> for <paramref name="field"/>.</summary>
    public static string? Optional(string? value, int maxLength, string field)
    {
        var text = Clean(value);
        return text is { Length: var length } && length > maxLength ? throw new DomainException(ValidationCodes.TooLong, field) : text;
    }

    /// <summary>The trimmed text, or null when blank.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
