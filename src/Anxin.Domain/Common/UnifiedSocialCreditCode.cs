using System.Diagnostics.CodeAnalysis;

namespace Anxin.Domain.Common;

/// <summary>
/// Unified social credit code of an organisation (统一社会信用代码, GB 32100-2015): 18 characters over
/// <c>0123456789ABCDEFGHJKLMNPQRTUWXY</c>, the last one a MOD 31 check character.
/// </summary>
public sealed record UnifiedSocialCreditCode
{
    public const int Length = 18;

    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private UnifiedSocialCreditCode(string value) => Value = value;

    /// <summary>The normalized, upper-case code.</summary>
    public string Value { get; }

    /// <summary>Masked for display: first 6 + last 4.</summary>
    public string Masked => Masking.CreditCode(Value);

    public static ValueResult<UnifiedSocialCreditCode> Create(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return ValueResult<UnifiedSocialCreditCode>.Fail(ValidationCodes.Required);
        }

        var value = input.Trim().ToUpperInvariant();
        if (value.Length != Length)
        {
            return ValueResult<UnifiedSocialCreditCode>.Fail(ValidationCodes.CreditCodeFormat);
        }

        var sum = 0;
        for (var i = 0; i < Length; i++)
        {
            var digit = Alphabet.IndexOf(value[i], StringComparison.Ordinal);
            if (digit < 0)
            {
                return ValueResult<UnifiedSocialCreditCode>.Fail(ValidationCodes.CreditCodeFormat);
            }

            if (i < Weights.Length)
            {
                sum += digit * Weights[i];
            }
        }

        var check = Alphabet[(31 - (sum % 31)) % 31];
        if (value[^1] != check)
        {
            return ValueResult<UnifiedSocialCreditCode>.Fail(ValidationCodes.CreditCodeChecksum);
        }

        return ValueResult<UnifiedSocialCreditCode>.Ok(new UnifiedSocialCreditCode(value));
    }

    public static bool TryCreate(string? input, [NotNullWhen(true)] out UnifiedSocialCreditCode? value)
    {
        var result = Create(input);
        value = result.IsValid ? result.Value : null;
        return result.IsValid;
    }

    public override string ToString() => Value;
}
