using Anxin.Domain.Common;

namespace Anxin.Domain.Tests;

public class ValueResultTests
{
    [Fact]
    public void Ok_result_is_valid_and_exposes_the_value()
    {
        var result = ValueResult<string>.Ok("abc");

        Assert.True(result.IsValid);
        Assert.Equal("abc", result.Value);
        Assert.Null(result.ErrorCode);
    }

    [Fact]
    public void Fail_result_is_invalid_and_exposes_the_error_code()
    {
        var result = ValueResult<string>.Fail(ValidationCodes.Required);

        Assert.False(result.IsValid);
        Assert.Equal(ValidationCodes.Required, result.ErrorCode);
    }

    [Fact]
    public void Reading_the_value_of_a_failed_result_throws()
    {
        var result = ValueResult<int>.Fail(ValidationCodes.MoneyFormat);

        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Fail_requires_an_error_code(string errorCode)
    {
        Assert.ThrowsAny<ArgumentException>(() => ValueResult<int>.Fail(errorCode));
    }

    [Fact]
    public void Ok_rejects_a_null_value()
    {
        Assert.Throws<ArgumentNullException>(() => ValueResult<string>.Ok(null!));
    }

    [Fact]
    public void Ok_accepts_a_default_value_type()
    {
        var result = ValueResult<int>.Ok(0);

        Assert.True(result.IsValid);
        Assert.Equal(0, result.Value);
    }
}
