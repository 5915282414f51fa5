using Anxin.Domain.Common;

namespace Anxin.Domain.Tests;

public class MobileNumberTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("19900000000", "19900000000")]
    [InlineData("15012345678", "15012345678")]
    [InlineData(" 138 1234 5678 ", "13812345678")]
    [InlineData("138-1234-5678", "13812345678")]
    [InlineData("+8613812345678", "13812345678")]
    [InlineData("+86 138 1234 5678", "13812345678")]
    [InlineData("8613812345678", "13812345678")]
    [InlineData("86-138-1234-5678", "13812345678")]
    public void Accepts_mainland_mobile_numbers_and_normalizes_them(string input, string expected)
    {
        var result = MobileNumber.Create(input);

        Assert.True(result.IsValid, result.ErrorCode);
        Assert.Equal(expected, result.Value.Value);
        Assert.Equal(expected, result.Value.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Rejects_missing_mobile_number_as_required(string? input)
    {
        Assert.Equal(ValidationCodes.Required, MobileNumber.Create(input).ErrorCode);
    }

    [Theory]
    [InlineData("12345678901")]
    [InlineData("1234")]
    [InlineData("12812345678")]
    [InlineData("10812345678")]
    [InlineData("23812345678")]
    [InlineData("1381234567")]
    [InlineData("138123456789")]
    [InlineData("1381234567a")]
    [InlineData("138.1234.5678")]
    [InlineData("+8612345678901")]
    [InlineData("+113812345678")]
    [InlineData("008613812345678")]
    [InlineData("+86")]
    [InlineData("--")]
    [InlineData("１３８１２３４５６７８")]
    public void Rejects_numbers_that_are_not_mainland_mobiles(string input)
    {
        Assert.Equal(ValidationCodes.MobileFormat, MobileNumber.Create(input).ErrorCode);
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("+86 150-0000-1111", "150****1111")]
    public void Masks_all_but_first_three_and_last_four(string input, string masked)
    {
        Assert.Equal(masked, MobileNumber.Create(input).Value.Masked);
    }

    [Fact]
    public void TryCreate_returns_the_value_when_valid()
    {
        Assert.True(MobileNumber.TryCreate("+86 13812345678", out var mobile));
        Assert.Equal("13812345678", mobile.Value);
    }

    [Fact]
    public void TryCreate_returns_false_when_invalid()
    {
        Assert.False(MobileNumber.TryCreate("12345678901", out var mobile));
        Assert.Null(mobile);
    }

    [Fact]
    public void Differently_formatted_inputs_give_equal_values()
    {
        Assert.Equal(MobileNumber.Create("138-1234-5678").Value, MobileNumber.Create("+8613812345678").Value);
    }
}
