using Anxin.Domain.Common;

namespace Anxin.Domain.Tests;

public class PlateNumberTests
{
    [Theory]
    [InlineData("京A12345", "京A12345")]
    [InlineData("粤BX1234", "粤BX1234")]
    [InlineData("京A·12345", "京A12345")]
    [InlineData(" 沪 C 8 8 8 8 8 ", "沪C88888")]
    [InlineData("京a1b2c3", "京A1B2C3")]
    [InlineData("鲁A1234挂", "鲁A1234挂")]
    [InlineData("京A1234学", "京A1234学")]
    [InlineData("京A0001警", "京A0001警")]
    [InlineData("粤Z1234港", "粤Z1234港")]
    [InlineData("粤Z1234澳", "粤Z1234澳")]
    [InlineData("琼A12345", "琼A12345")]
    [InlineData("新Z12345", "新Z12345")]
    public void Accepts_ordinary_plates_and_normalizes_them(string input, string expected)
    {
        var result = PlateNumber.Create(input);

        Assert.True(result.IsValid, result.ErrorCode);
        Assert.Equal(expected, result.Value.Value);
        Assert.Equal(expected, result.Value.ToString());
        Assert.False(result.Value.IsNewEnergy);
    }

    [Theory]
    [InlineData("京AD12345", "京AD12345")]
    [InlineData("沪AF12345", "沪AF12345")]
    [InlineData("粤B12345D", "粤B12345D")]
    [InlineData("苏E12345F", "苏E12345F")]
    [InlineData("浙A·D1234X", "浙AD1234X")]
    [InlineData("川adf1234", "川ADF1234")]
    public void Accepts_new_energy_plates_with_D_or_F_first_or_last(string input, string expected)
    {
        var result = PlateNumber.Create(input);

        Assert.True(result.IsValid, result.ErrorCode);
        Assert.Equal(expected, result.Value.Value);
        Assert.True(result.Value.IsNewEnergy);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Rejects_missing_plate_as_required(string? input)
    {
        Assert.Equal(ValidationCodes.Required, PlateNumber.Create(input).ErrorCode);
    }

    [Theory]
    [InlineData("港A12345")]
    [InlineData("台A12345")]
    [InlineData("AA12345")]
    [InlineData("1A12345")]
    [InlineData("A12345")]
    public void Rejects_plate_with_unknown_province(string input)
    {
        Assert.Equal(ValidationCodes.PlateFormat, PlateNumber.Create(input).ErrorCode);
    }

    [Theory]
    [InlineData("京I12345")]
    [InlineData("京O12345")]
    [InlineData("京A1234I")]
    [InlineData("京A12O45")]
    [InlineData("京AD1234O")]
    [InlineData("京AI1234D")]
    public void Rejects_plate_containing_letters_I_or_O(string input)
    {
        Assert.Equal(ValidationCodes.PlateFormat, PlateNumber.Create(input).ErrorCode);
    }

    [Theory]
    [InlineData("京A1234")]
    [InlineData("京A")]
    [InlineData("京")]
    [InlineData("京1A2345")]
    [InlineData("京A123456")]
    [InlineData("京AB12345")]
    [InlineData("京AD123456")]
    [InlineData("京A学1234")]
    [InlineData("京A12挂45")]
    [InlineData("京A1234领")]
    [InlineData("京A1234-")]
    [InlineData("京A１２３４５")]
    [InlineData("京京12345")]
    public void Rejects_plate_with_wrong_shape(string input)
    {
        Assert.Equal(ValidationCodes.PlateFormat, PlateNumber.Create(input).ErrorCode);
    }

    [Fact]
    public void Masked_plate_is_the_plate_itself()
    {
        var plate = PlateNumber.Create("京A·12345").Value;

        Assert.Equal("京A12345", plate.Masked);
    }

    [Fact]
    public void TryCreate_returns_the_value_when_valid()
    {
        Assert.True(PlateNumber.TryCreate("粤B·12345", out var plate));
        Assert.Equal("粤B12345", plate.Value);
    }

    [Fact]
    public void TryCreate_returns_false_when_invalid()
    {
        Assert.False(PlateNumber.TryCreate("京I12345", out var plate));
        Assert.Null(plate);
    }
}
