using System.Globalization;
using Anxin.Domain.Common;

namespace Anxin.Domain.Tests;

public class MoneyTests
{
    public static TheoryData<decimal> ValidAmounts => new()
    {
        0m,
        0.01m,
        -0.01m,
        1234.5m,
        7260.27m,
        999_999_999_999_999.99m,
        -999_999_999_999_999.99m,
    };

    public static TheoryData<decimal> AmountsWithMoreThanTwoDecimals => new()
    {
        0.001m,
        1.005m,
        -2.345m,
        7260.2739m,
    };

    public static TheoryData<decimal> AmountsOutOfRange => new()
    {
        1_000_000_000_000_000m,
        -1_000_000_000_000_000m,
        999_999_999_999_999.991m,
        decimal.MaxValue,
        decimal.MinValue,
    };

    public static TheoryData<decimal, decimal> Roundings => new()
    {
        { 2.345m, 2.35m },
        { -2.345m, -2.35m },
        { 7260.2739m, 7260.27m },
        { 2.365m, 2.37m },
        { 2.344m, 2.34m },
        { 0.005m, 0.01m },
        { -0.005m, -0.01m },
        { 0.0049m, 0m },
        { 1m, 1m },
        { 10_000m * 265m / 365m, 7260.27m },
    };

    [Theory]
    [MemberData(nameof(ValidAmounts))]
    public void Accepts_amounts_with_at_most_two_decimals_in_range(decimal amount)
    {
        var result = Money.Create(amount);

        Assert.True(result.IsValid, result.ErrorCode);
        Assert.Equal(amount, result.Value.Amount);
    }

    [Fact]
    public void Accepts_trailing_zeros_beyond_two_decimals_and_normalizes_them()
    {
        var money = Money.Create(1.500m).Value;

        Assert.Equal(1.5m, money.Amount);
        Assert.Equal("1.50", money.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("1.50", money.ToString());
    }

    [Theory]
    [MemberData(nameof(AmountsWithMoreThanTwoDecimals))]
    public void Rejects_amount_with_more_than_two_decimals(decimal amount)
    {
        Assert.Equal(ValidationCodes.MoneyPrecision, Money.Create(amount).ErrorCode);
    }

    [Theory]
    [MemberData(nameof(AmountsOutOfRange))]
    public void Rejects_amount_out_of_range(decimal amount)
    {
        Assert.Equal(ValidationCodes.MoneyRange, Money.Create(amount).ErrorCode);
    }

    [Theory]
    [InlineData("1234.56", "1234.56")]
    [InlineData("0", "0.00")]
    [InlineData("0.5", "0.50")]
    [InlineData("-0.01", "-0.01")]
    [InlineData("+3.1", "3.10")]
    [InlineData(" 100 ", "100.00")]
    [InlineData("¥1,234.56", "1234.56")]
    [InlineData("￥1,234,567.89", "1234567.89")]
    [InlineData("-¥5.00", "-5.00")]
    [InlineData("¥-5", "-5.00")]
    [InlineData("1.500", "1.50")]
    [InlineData("999,999,999,999,999.99", "999999999999999.99")]
    [InlineData("-999999999999999.99", "-999999999999999.99")]
    public void Parses_invariant_text_with_optional_yuan_sign_and_thousands_separators(string input, string expected)
    {
        var result = Money.Create(input);

        Assert.True(result.IsValid, result.ErrorCode);
        Assert.Equal(expected, result.Value.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Rejects_missing_text_as_required(string? input)
    {
        Assert.Equal(ValidationCodes.Required, Money.Create(input).ErrorCode);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("十元")]
    [InlineData("12a")]
    [InlineData("1.2.3")]
    [InlineData("1,23")]
    [InlineData("1,2345")]
    [InlineData(",123")]
    [InlineData("1234,567")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1e5")]
    [InlineData("¥")]
    [InlineData("-")]
    [InlineData("--5")]
    [InlineData("-¥-5")]
    [InlineData("¥¥5")]
    [InlineData("5¥")]
    [InlineData("1 000")]
    [InlineData("1,000.5,0")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("0x10")]
    [InlineData("(5)")]
    [InlineData("１２３")]
    [InlineData("1234,56")]
    public void Rejects_text_that_is_not_a_number(string input)
    {
        Assert.Equal(ValidationCodes.MoneyFormat, Money.Create(input).ErrorCode);
    }

    [Theory]
    [InlineData("1.234")]
    [InlineData("0.001")]
    [InlineData("¥1,234.567")]
    [InlineData("-2.345")]
    [InlineData("1.00000000000000000000000000000001")]
    public void Rejects_text_with_more_than_two_decimals(string input)
    {
        Assert.Equal(ValidationCodes.MoneyPrecision, Money.Create(input).ErrorCode);
    }

    [Theory]
    [InlineData("1000000000000000")]
    [InlineData("-1,000,000,000,000,000.00")]
    [InlineData("999999999999999.991")]
    [InlineData("99999999999999999999999999999999999")]
    public void Rejects_text_out_of_range(string input)
    {
        Assert.Equal(ValidationCodes.MoneyRange, Money.Create(input).ErrorCode);
    }

    [Fact]
    public void Parsing_and_formatting_ignore_the_current_culture()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            var money = Money.Create("1,234.5").Value;

            Assert.Equal(1234.5m, money.Amount);
            Assert.Equal("1234.50", money.ToString());
            Assert.Equal(ValidationCodes.MoneyFormat, Money.Create("1234,50").ErrorCode);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Theory]
    [MemberData(nameof(Roundings))]
    public void Rounds_to_two_decimals_half_away_from_zero(decimal amount, decimal expected)
    {
        Assert.Equal(expected, Money.Round(amount));
    }

    [Fact]
    public void Motor_pro_rata_refund_example_rounds_once_at_the_end()
    {
        var premium = Money.Create(10_000m).Value;

        var unrounded = premium.Multiply(265m) / 365m;
        var refund = Money.CreateRounded(unrounded).Value;

        Assert.NotEqual(7260.27m, unrounded);
        Assert.Equal(7260.27m, refund.Amount);
        Assert.Equal("7260.27", refund.ToString());
    }

    [Fact]
    public void Multiply_returns_the_unrounded_product()
    {
        var money = Money.Create(1.01m).Value;

        Assert.Equal(0.505m, money.Multiply(0.5m));
    }

    [Fact]
    public void CreateRounded_rejects_rounded_amount_out_of_range()
    {
        Assert.Equal(ValidationCodes.MoneyRange, Money.CreateRounded(999_999_999_999_999.995m).ErrorCode);
    }

    [Fact]
    public void Adds_and_subtracts_exactly()
    {
        var a = Money.Create(0.10m).Value;
        var b = Money.Create(0.20m).Value;
        var c = Money.Create(7.50m).Value;

        Assert.Equal(0.30m, (a + b).Amount);
        Assert.Equal(-7.30m, (b - c).Amount);
        Assert.Equal((a + b).Amount, a.Add(b).Amount);
        Assert.Equal((b - c).Amount, b.Subtract(c).Amount);
    }

    [Fact]
    public void Addition_beyond_the_range_throws()
    {
        var max = Money.Create(Money.MaxAmount).Value;
        var cent = Money.Create(0.01m).Value;

        Assert.Throws<OverflowException>(() => max + cent);
        Assert.Throws<OverflowException>(() => Money.Create(Money.MinAmount).Value - cent);
    }

    [Fact]
    public void Zero_is_the_default_amount()
    {
        Assert.Equal(0m, Money.Zero.Amount);
        Assert.Equal("0.00", Money.Zero.ToString());
    }

    [Fact]
    public void Equal_amounts_are_equal_values()
    {
        Assert.Equal(Money.Create("1.5").Value, Money.Create("¥1.50").Value);
        Assert.NotEqual(Money.Create("1.5").Value, Money.Create("1.51").Value);
    }

    [Fact]
    public void TryCreate_returns_the_value_when_valid()
    {
        Assert.True(Money.TryCreate("¥12.30", out var fromText));
        Assert.Equal(12.3m, fromText.Amount);
        Assert.True(Money.TryCreate(12.3m, out var fromDecimal));
        Assert.Equal(fromText, fromDecimal);
    }

    [Fact]
    public void TryCreate_returns_false_when_invalid()
    {
        Assert.False(Money.TryCreate("1.234", out _));
        Assert.False(Money.TryCreate(1.234m, out _));
    }
}
