using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Anxin.Domain.Common;

/// <summary>Bank card number: 12–19 digits with a Luhn check digit; spaces in the input are removed.</summary>
public sealed record BankCardNumber
{
    public const int MinLength = 12;
    public const int MaxLength = 19;

    private BankCardNumber(string value) => Value = value;

    /// <summary>The normalized number: digits only.</summary>
    public string Value { get; }

    /// <summary>Masked for display: first 6 + last 4.</summary>
    public string Masked => Masking.BankCard(Value);

    public static ValueResult<BankCardNumber> Create(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return ValueResult<BankCardNumber>.Fail(ValidationCodes.Required);
        }

        var builder = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                return ValueResult<BankCardNumber>.Fail(ValidationCodes.BankCardFormat);
            }

            builder.Append(c);
        }

        var value = builder.ToString();
        if (value.Length is < MinLength or > MaxLength)
        {
            return ValueResult<BankCardNumber>.Fail(ValidationCodes.BankCardFormat);
        }

        if (!PassesLuhn(value))
        {
            return ValueResult<BankCardNumber>.Fail(ValidationCodes.BankCardChecksum);
        }

        return ValueResult<BankCardNumber>.Ok(new BankCardNumber(value));
    }

    public static bool TryCreate(string? input, [NotNullWhen(true)] out BankCardNumber? value)
    {
        var result = Create(input);
        value = result.IsValid ? result.Value : null;
        return result.IsValid;
    }

    public override string ToString() => Value;

    private static bool PassesLuhn(string digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }
}
