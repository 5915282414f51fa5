using System.Globalization;

namespace Anxin.Domain.Common;

/// <summary>
/// An amount in yuan with at most two decimals, within ±999,999,999,999,999.99. Always decimal,
/// never floating point. Computations run on unrounded decimals (see <see cref="Multiply"/>) and are
/// rounded once at the end with <see cref="Round"/> (half away from zero).
/// </summary>
public readonly record struct Money
{
    public const decimal MaxAmount = 999_999_999_999_999.99m;
    public const decimal MinAmount = -MaxAmount;

    private Money(decimal amount) => Amount = amount;

    public static Money Zero => default;

    /// <summary>The amount in yuan.</summary>
    public decimal Amount { get; }

    /// <summary>Creates an amount; more than two decimals or an out-of-range value is rejected.</summary>
    public static ValueResult<Money> Create(decimal amount)
    {
        if (amount < MinAmount || amount > MaxAmount)
        {
            return ValueResult<Money>.Fail(ValidationCodes.MoneyRange);
        }

        if (decimal.Round(amount, 2) != amount)
        {
            return ValueResult<Money>.Fail(ValidationCodes.MoneyPrecision);
        }

        // Normalizes the scale to at most two decimals (1.500 → 1.50).
        return ValueResult<Money>.Ok(new Money(decimal.Round(amount, 2)));
    }

    /// <summary>
    /// Parses invariant-culture text such as <c>1234.5</c>, <c>-0.01</c>, <c>¥1,234.56</c>:
    /// optional sign, optional leading ¥ (or ￥), digits optionally grouped by commas in threes,
    /// optional decimal point followed by digits.
    /// </summary>
    public static ValueResult<Money> Create(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return ValueResult<Money>.Fail(ValidationCodes.Required);
        }

        if (!TryNormalize(input.Trim(), out var normalized, out var fractionDigits))
        {
            return ValueResult<Money>.Fail(ValidationCodes.MoneyFormat);
        }

        if (!decimal.TryParse(
                normalized,
                NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture,
                out var amount))
        {
            // Well-formed but too large for decimal.
            return ValueResult<Money>.Fail(ValidationCodes.MoneyRange);
        }

        if (amount < MinAmount || amount > MaxAmount)
        {
            return ValueResult<Money>.Fail(ValidationCodes.MoneyRange);
        }

        if (fractionDigits > 2)
        {
            return ValueResult<Money>.Fail(ValidationCodes.MoneyPrecision);
        }

        return Create(amount);
    }

    public static bool TryCreate(string? input, out Money value)
    {
        var result = Create(input);
        value = result.IsValid ? result.Value : default;
        return result.IsValid;
    }

    public static bool TryCreate(decimal amount, out Money value)
    {
        var result = Create(amount);
        value = result.IsValid ? result.Value : default;
        return result.IsValid;
    }

    /// <summary>Rounds to two decimals, half away from zero (2.345 → 2.35, −2.345 → −2.35).</summary>
    public static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>Rounds <paramref name="amount"/> with <see cref="Round"/> and creates the money value.</summary>
    public static ValueResult<Money> CreateRounded(decimal amount) => Create(Round(amount));

    /// <summary>The unrounded product; round once at the end of the computation.</summary>
    public decimal Multiply(decimal factor) => Amount * factor;

    public Money Add(Money other) => Checked(Amount + other.Amount);

    public Money Subtract(Money other) => Checked(Amount - other.Amount);

    public static Money operator +(Money left, Money right) => left.Add(right);

    public static Money operator -(Money left, Money right) => left.Subtract(right);

    /// <summary>Invariant text with exactly two decimals, e.g. <c>1234.50</c>.</summary>
    public override string ToString() => Amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static Money Checked(decimal amount) =>
        amount < MinAmount || amount > MaxAmount
            ? throw new OverflowException("The amount is outside the supported money range.")
            : new Money(amount);

    private static bool TryNormalize(string text, out string normalized, out int fractionDigits)
    {
        normalized = string.Empty;
        fractionDigits = 0;
        var span = text.AsSpan();

        var negative = false;
        if (span.Length > 0 && span[0] is '-' or '+')
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        if (span.Length > 0 && span[0] is '¥' or '￥')
        {
            span = span[1..];
            if (span.Length > 0 && span[0] is '-' or '+')
            {
                if (text[0] is '-' or '+')
                {
                    return false;
                }

                negative = span[0] == '-';
                span = span[1..];
            }
        }

        var point = span.IndexOf('.');
        var integerPart = point < 0 ? span : span[..point];
        var fractionPart = point < 0 ? [] : span[(point + 1)..];
        if (point >= 0 && fractionPart.IsEmpty)
        {
            return false;
        }

        if (!IsAllDigits(fractionPart) || !TryStripGrouping(integerPart, out var integerDigits))
        {
            return false;
        }

        fractionDigits = fractionPart.TrimEnd('0').Length;
        normalized = (negative ? "-" : string.Empty)
            + integerDigits
            + (fractionPart.IsEmpty ? string.Empty : "." + fractionPart.ToString());
        return true;
    }

    private static bool TryStripGrouping(ReadOnlySpan<char> integerPart, out string digits)
    {
        digits = string.Empty;
        if (integerPart.IsEmpty)
        {
            return false;
        }

        if (!integerPart.Contains(','))
        {
            digits = integerPart.ToString();
            return IsAllDigits(integerPart);
        }

        // Grouped: 1–3 digits, then groups of exactly 3.
        var groups = integerPart.ToString().Split(',');
        if (groups[0].Length is < 1 or > 3 || !IsAllDigits(groups[0]))
        {
            return false;
        }

        for (var i = 1; i < groups.Length; i++)
        {
            if (groups[i].Length != 3 || !IsAllDigits(groups[i]))
            {
                return false;
            }
        }

        digits = string.Concat(groups);
        return true;
    }

    private static bool IsAllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
