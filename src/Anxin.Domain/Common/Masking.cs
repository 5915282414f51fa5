using System.Globalization;
using System.Text;

namespace Anxin.Domain.Common;

/// <summary>
/// Masking of personal information for display (PIPL defaults, RULES.md "Personal information").
/// Every function accepts any raw string: null or empty yields an empty string, surrounding
/// whitespace is ignored, and strings shorter than the normal format never reveal more than half
/// of their characters.
/// </summary>
public static class Masking
{
    private const char MaskChar = '*';
    private const string Stars = "****";

    /// <summary>ID number: first 3 + last 4, the rest masked (<c>110***********1234</c>).</summary>
    public static string IdNumber(string? value) => KeepEnds(value, head: 3, tail: 4, fullLength: 18);

    /// <summary>Mobile number: first 3 + last 4 (<c>138****5678</c>).</summary>
    public static string Mobile(string? value) => KeepEnds(value, head: 3, tail: 4, fullLength: 11);

    /// <summary>Bank card number: first 6 + last 4.</summary>
    public static string BankCard(string? value) => KeepEnds(value, head: 6, tail: 4, fullLength: 16);

    /// <summary>Unified social credit code: first 6 + last 4.</summary>
    public static string CreditCode(string? value) => KeepEnds(value, head: 6, tail: 4, fullLength: 18);

    /// <summary>Name: keeps the first character (the surname), e.g. 张三丰 → 张**; a one-character name is returned as is.</summary>
    public static string Name(string? value)
    {
        var elements = TextElements(value);
        if (elements.Length <= 1)
        {
            return elements.Length == 0 ? string.Empty : elements[0];
        }

        return elements[0] + new string(MaskChar, elements.Length - 1);
    }

    /// <summary>
    /// Address: the first 6 characters then <c>****</c>. When 6 characters would be more than half
    /// of the address (fewer than 12 characters), only the first third is kept.
    /// </summary>
    public static string Address(string? value)
    {
        var elements = TextElements(value);
        if (elements.Length == 0)
        {
            return string.Empty;
        }

        var keep = elements.Length >= 12 ? 6 : elements.Length / 3;
        return string.Concat(elements.Take(keep)) + Stars;
    }

    /// <summary>
    /// E-mail: first character of the local part + <c>***</c> + <c>@domain</c>
    /// (<c>z***@example.com</c>). A one-character local part is masked completely; text without a
    /// usable <c>@</c> keeps only its first character when that is at most half of it.
    /// </summary>
    public static string Email(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var trimmed = value.Trim();
        var at = trimmed.LastIndexOf('@');
        if (at <= 0)
        {
            var elements = TextElements(trimmed);
            return (elements.Length >= 2 ? elements[0] : string.Empty) + "***";
        }

        var local = TextElements(trimmed[..at]);
        var domain = trimmed[at..];
        return (local.Length >= 2 ? local[0] : string.Empty) + "***" + domain;
    }

    /// <summary>
    /// Keeps <paramref name="head"/> leading and <paramref name="tail"/> trailing characters and masks
    /// the rest, preserving the length. Strings shorter than <paramref name="fullLength"/> reveal at
    /// most half of their characters (the tail is preferred).
    /// </summary>
    private static string KeepEnds(string? value, int head, int tail, int fullLength)
    {
        var elements = TextElements(value);
        var length = elements.Length;
        if (length == 0)
        {
            return string.Empty;
        }

        if (length < fullLength)
        {
            var allowed = length / 2;
            head = Math.Min(head, allowed / 2);
            tail = Math.Min(tail, allowed - head);
        }

        var builder = new StringBuilder(value!.Length);
        for (var i = 0; i < length; i++)
        {
            if (i < head || i >= length - tail)
            {
                builder.Append(elements[i]);
            }
            else
            {
                builder.Append(MaskChar);
            }
        }

        return builder.ToString();
    }

    private static string[] TextElements(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var trimmed = value.Trim();
        var result = new List<string>(trimmed.Length);
        var enumerator = StringInfo.GetTextElementEnumerator(trimmed);
        while (enumerator.MoveNext())
        {
            result.Add(enumerator.GetTextElement());
        }

        return [.. result];
    }
}
