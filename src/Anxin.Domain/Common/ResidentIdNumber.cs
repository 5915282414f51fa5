using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Anxin.Domain.Common;

/// <summary>
/// Mainland resident identity card number (GB 11643-1999): 6-digit region, 8-digit birth date,
/// 3-digit sequence (odd = male) and an ISO 7064 MOD 11-2 check character.
/// </summary>
public sealed record ResidentIdNumber
{
    public const int Length = 18;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private ResidentIdNumber(string value, DateOnly birthDate, bool isMale)
    {
        Value = value;
        BirthDate = birthDate;
        IsMale = isMale;
    }

    /// <summary>The normalized number: 18 characters, trailing check character upper-case.</summary>
    public string Value { get; }

    public DateOnly BirthDate { get; }

    /// <summary>True when the 17th digit (end of the sequence number) is odd.</summary>
    public bool IsMale { get; }

    /// <summary>Masked for display: first 3 + last 4 (<c>110***********1234</c>).</summary>
    public string Masked => Masking.IdNumber(Value);

    public static ValueResult<ResidentIdNumber> Create(string? input) => Create(input, null);

    /// <param name="input">Raw user input; surrounding whitespace is ignored, a trailing x is accepted.</param>
    /// <param name="today">The date a birth date may not be after; defaults to today (UTC).</param>
    public static ValueResult<ResidentIdNumber> Create(string? input, DateOnly? today = null)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return ValueResult<ResidentIdNumber>.Fail(ValidationCodes.Required);
        }

        var value = input.Trim();
        if (value.Length != Length)
        {
            return ValueResult<ResidentIdNumber>.Fail(ValidationCodes.IdNumberFormat);
        }

        if (value[^1] == 'x')
        {
            value = string.Concat(value.AsSpan(0, Length - 1), "X");
        }

        for (var i = 0; i < Length - 1; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return ValueResult<ResidentIdNumber>.Fail(ValidationCodes.IdNumberFormat);
            }
        }

        if (!char.IsAsciiDigit(value[^1]) && value[^1] != 'X')
        {
            return ValueResult<ResidentIdNumber>.Fail(ValidationCodes.IdNumberFormat);
        }

        if (!DateOnly.TryParseExact(
                value.AsSpan(6, 8),
                "yyyyMMdd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var birthDate)
            || birthDate > (today ?? DateOnly.FromDateTime(DateTime.UtcNow)))
        {
            return ValueResult<ResidentIdNumber>.Fail(ValidationCodes.IdNumberBirthDate);
        }

        if (value[^1] != CheckCharacter(value))
        {
            return ValueResult<ResidentIdNumber>.Fail(ValidationCodes.IdNumberChecksum);
        }

        var isMale = (value[16] - '0') % 2 == 1;
        return ValueResult<ResidentIdNumber>.Ok(new ResidentIdNumber(value, birthDate, isMale));
    }

    public static bool TryCreate(string? input, [NotNullWhen(true)] out ResidentIdNumber? value)
    {
        var result = Create(input);
        value = result.IsValid ? result.Value : null;
        return result.IsValid;
    }

    public override string ToString() => Value;

    private static char CheckCharacter(string value)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (value[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }
}
