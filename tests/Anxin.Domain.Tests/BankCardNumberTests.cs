using Anxin.Domain.Common;

namespace Anxin.Domain.Tests;

public class BankCardNumberTests
{
    [Theory]
    [InlineData("4111111111111111", "4111111111111111")]
    [InlineData("6228480402564890018", "6228480402564890018")]
    [InlineData("6222600260001072444", "6222600260001072444")]
    [InlineData("6217000000000006", "6217000000000006")]
    [InlineData("622202000007", "622202000007")]
    [InlineData("6222 0212 3456 7890 128", "6222021234567890128")]
    [InlineData(" 4111 1111 1111 1111 ", "4111111111111111")]
    public void Accepts_card_numbers_passing_the_luhn_check(string input, string expected)
    {
        var result = BankCardNumber.Create(input);

        Assert.True(result.IsValid, result.ErrorCode);
        Assert.Equal(expected, result.Value.Value);
        Assert.Equal(expected, result.Value.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("    ")]
    public void Rejects_missing_card_number_as_required(string? input)
    {
        Assert.Equal(ValidationCodes.Required, BankCardNumber.Create(input).ErrorCode);
    }

    [Theory]
    [InlineData("12345678903")]
    [InlineData("62220212345678901234")]
    [InlineData("6222a21234567890128")]
    [InlineData("4111-1111-1111-1111")]
    [InlineData("６２２２０２０００００７")]
    [InlineData("1")]
    public void Rejects_card_number_with_wrong_length_or_characters(string input)
    {
        Assert.Equal(ValidationCodes.BankCardFormat, BankCardNumber.Create(input).ErrorCode);
    }

    [Theory]
    [InlineData("4111111111111112")]
    [InlineData("6228480402564890019")]
    [InlineData("622202000008")]
    [InlineData("6222021001122334455")]
    [InlineData("1411111111111111")]
    public void Rejects_card_number_failing_the_luhn_check(string input)
    {
        Assert.Equal(ValidationCodes.BankCardChecksum, BankCardNumber.Create(input).ErrorCode);
    }

    [Theory]
    [InlineData("6222021234567890128", "622202*********0128")]
    [InlineData("4111111111111111", "411111******1111")]
    public void Masks_all_but_first_six_and_last_four(string input, string masked)
    {
        Assert.Equal(masked, BankCardNumber.Create(input).Value.Masked);
    }

    [Fact]
    public void TryCreate_returns_the_value_when_valid()
    {
        Assert.True(BankCardNumber.TryCreate("4111 1111 1111 1111", out var card));
        Assert.Equal("4111111111111111", card.Value);
    }

    [Fact]
    public void TryCreate_returns_false_when_invalid()
    {
        Assert.False(BankCardNumber.TryCreate("4111111111111112", out var card));
        Assert.Null(card);
    }
}
