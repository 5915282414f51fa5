using Anxin.Domain.Common;

namespace Anxin.Domain.Tests;

public class UnifiedSocialCreditCodeTests
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000100000000R")]
    [InlineData("12100000400000000W")]
    [InlineData("91440300MA5D000002")]
    [InlineData("91310115MA1H00000X")]
    public void Accepts_codes_with_correct_check_character(string input)
    {
        var result = UnifiedSocialCreditCode.Create(input);

        Assert.True(result.IsValid, result.ErrorCode);
        Assert.Equal(input, result.Value.Value);
    }

    [Theory]
    [InlineData("91350100m000100y43", "91350100M000100Y43")]
    [InlineData("  91110000100000000r ", "91110000100000000R")]
    public void Normalizes_case_and_whitespace(string input, string expected)
    {
        var code = UnifiedSocialCreditCode.Create(input).Value;

        Assert.Equal(expected, code.Value);
        Assert.Equal(expected, code.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Rejects_missing_code_as_required(string? input)
    {
        Assert.Equal(ValidationCodes.Required, UnifiedSocialCreditCode.Create(input).ErrorCode);
    }

    [Theory]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y433")]
    [InlineData("91350100M000100I43")]
    [InlineData("91350100M000100O43")]
    [InlineData("91350100M000100Z43")]
    [InlineData("91350100M000100S43")]
    [InlineData("91350100M000100V43")]
    [InlineData("91350100M000100Y4I")]
    [InlineData("91350100M000100Y4-")]
    [InlineData("9135010 M000100Y43")]
    [InlineData("91350100中000100Y43")]
    public void Rejects_code_with_wrong_length_or_characters(string input)
    {
        Assert.Equal(ValidationCodes.CreditCodeFormat, UnifiedSocialCreditCode.Create(input).ErrorCode);
    }

    [Theory]
    [InlineData("91350100M000100Y44")]
    [InlineData("91350100M000100Y40")]
    [InlineData("91110000100000000Q")]
    [InlineData("12100000400000000U")]
    [InlineData("91310115MA1H000000")]
    public void Rejects_code_with_wrong_check_character(string input)
    {
        Assert.Equal(ValidationCodes.CreditCodeChecksum, UnifiedSocialCreditCode.Create(input).ErrorCode);
    }

    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000100000000R")]
    public void Rejects_any_single_character_change(string valid)
    {
        for (var i = 0; i < valid.Length; i++)
        {
            var next = Alphabet[(Alphabet.IndexOf(valid[i], StringComparison.Ordinal) + 1) % Alphabet.Length];
            var changed = string.Concat(valid.AsSpan(0, i), next.ToString(), valid.AsSpan(i + 1));

            Assert.Equal(ValidationCodes.CreditCodeChecksum, UnifiedSocialCreditCode.Create(changed).ErrorCode);
        }
    }

    [Theory]
    [InlineData("91350100M000100Y43", "913501********0Y43")]
    [InlineData("91110000100000000R", "911100********000R")]
    public void Masks_all_but_first_six_and_last_four(string input, string masked)
    {
        Assert.Equal(masked, UnifiedSocialCreditCode.Create(input).Value.Masked);
    }

    [Fact]
    public void TryCreate_returns_the_value_when_valid()
    {
        Assert.True(UnifiedSocialCreditCode.TryCreate("91350100m000100y43", out var code));
        Assert.Equal("91350100M000100Y43", code.Value);
    }

    [Fact]
    public void TryCreate_returns_false_when_invalid()
    {
        Assert.False(UnifiedSocialCreditCode.TryCreate("91350100M000100Y44", out var code));
        Assert.Null(code);
    }
}
