using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Anxin.Domain.Common;

/// <summary>
/// Mainland China mobile number (<c>^1[3-9]\d{9}$</c>). Input may contain spaces and hyphens and
/// an optional leading <c>+86</c> or <c>86</c>; the value is the bare 11 digits.
/// </summary>
public sealed record MobileNumber
{
    public const int Length = 11;

    private MobileNumber(string value) => Value = value;

    /// <summary>The normalized 11-digit number.</summary>
    public string Value { get; }

    /// <summary>Masked for display: first 3 + last 4 (<c>138****5678</c>).</summary>
    public string Masked => Masking.Mobile(Value);

    public static ValueResult<MobileNumber> Create(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return ValueResult<MobileNumber>.Fail(ValidationCodes.Required);
        }

        var builder = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            if (!char.IsWhiteSpace(c) && c != '-')
            {
                builder.Append(c);
            }
        }

        var value = builder.ToString();
        if (value.StartsWith("+86", StringComparison.Ordinal))
        {
            value = value[3..];
        }
        else if (value.Length == Length + 2 && value.StartsWith("86", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        if (!IsMobile(value))
        {
            return ValueResult<MobileNumber>.Fail(ValidationCodes.MobileFormat);
        }

        return ValueResult<MobileNumber>.Ok(new MobileNumber(value));
    }

    public static bool TryCreate(string? input, [NotNullWhen(true)] out MobileNumber? value)
    {
        var result = Create(input);
        value = result.IsValid ? result.Value : null;
        return result.IsValid;
    }

    public override string ToString() => Value;

    private static bool IsMobile(string value)
    {
        if (value.Length != Length || value[0] != '1' || value[1] < '3' || value[1] > '9')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
