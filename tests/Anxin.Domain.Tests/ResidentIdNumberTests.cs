using Anxin.Domain.Common;

namespace Anxin.Domain.Tests;

public class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2025, 12, 31);

    [Theory]
    [InlineData("11010519491231002X", 1949, 12, 31, false)]
    [InlineData("440524188001010014", 1880, 1, 1, true)]
    [InlineData("110105200002290013", 2000, 2, 29, true)]
    [InlineData("11010519000101001X", 1900, 1, 1, true)]
    public void Accepts_valid_id_numbers_and_reads_birth_date_and_sex(string input, int year, int month, int day, bool isMale)
    {
        var result = ResidentIdNumber.Create(input, Today);

        Assert.True(result.IsValid, result.ErrorCode);
        Assert.Equal(input, result.Value.Value);
        Assert.Equal(new DateOnly(year, month, day), result.Value.BirthDate);
        Assert.Equal(isMale, result.Value.IsMale);
    }

    [Theory]
    [InlineData("320102198001010040")]
    [InlineData("320102198001010091")]
    [InlineData("320102198001010032")]
    [InlineData("320102198001010083")]
    [InlineData("320102198001010024")]
    [InlineData("320102198001010075")]
    [InlineData("320102198001010016")]
    [InlineData("320102198001010067")]
    [InlineData("320102197511200018")]
    [InlineData("320102198001010059")]
    [InlineData("32010219800101018X")]
    public void Accepts_every_check_character_of_mod_11_2(string input)
    {
        var result = ResidentIdNumber.Create(input, Today);

        Assert.True(result.IsValid, result.ErrorCode);
    }

    [Fact]
    public void Accepts_valid_id_number_without_explicit_today()
    {
        var result = ResidentIdNumber.Create("11010519491231002X");

        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("11010519491231002x", "11010519491231002X")]
    [InlineData("  440524188001010014 ", "440524188001010014")]
    [InlineData("\t11010519491231002x\n", "11010519491231002X")]
    public void Normalizes_whitespace_and_lower_case_x(string input, string expected)
    {
        var id = ResidentIdNumber.Create(input, Today).Value;

        Assert.Equal(expected, id.Value);
        Assert.Equal(expected, id.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Rejects_missing_id_number_as_required(string? input)
    {
        Assert.Equal(ValidationCodes.Required, ResidentIdNumber.Create(input, Today).ErrorCode);
    }

    [Theory]
    [InlineData("11010519491231002")]
    [InlineData("11010519491231002X1")]
    [InlineData("110105491231002")]
    [InlineData("1101051949123100AX")]
    [InlineData("X10105194912310021")]
    [InlineData("11010519491231002Y")]
    [InlineData("11010519491231002-")]
    [InlineData("110105 9491231002X")]
    [InlineData("１10105194912310021")]
    [InlineData("ABCDEFGHIJKLMNOPQR")]
    public void Rejects_id_number_with_wrong_length_or_characters(string input)
    {
        Assert.Equal(ValidationCodes.IdNumberFormat, ResidentIdNumber.Create(input, Today).ErrorCode);
    }

    [Theory]
    [InlineData("110105200002301237")] // 2000-02-30
    [InlineData("110105199002290018")] // 1990-02-29, not a leap year
    [InlineData("110105199013010018")] // month 13
    [InlineData("110105199004310019")] // 04-31
    [InlineData("110105199001000015")] // day 00
    public void Rejects_id_number_with_impossible_birth_date(string input)
    {
        Assert.Equal(ValidationCodes.IdNumberBirthDate, ResidentIdNumber.Create(input, Today).ErrorCode);
    }

    [Fact]
    public void Rejects_id_number_with_birth_date_in_the_future()
    {
        Assert.Equal(ValidationCodes.IdNumberBirthDate, ResidentIdNumber.Create("110105202601010019", Today).ErrorCode);
        Assert.Equal(ValidationCodes.IdNumberBirthDate, ResidentIdNumber.Create("110105209912311232").ErrorCode);
    }

    [Fact]
    public void Accepts_id_number_born_today()
    {
        var result = ResidentIdNumber.Create("110105202601010019", new DateOnly(2026, 1, 1));

        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("110105194912310021")]
    [InlineData("110105194912310029")]
    [InlineData("440524188001010015")]
    [InlineData("44052418800101001X")]
    [InlineData("110105200002290010")]
    public void Rejects_id_number_with_wrong_check_digit(string input)
    {
        Assert.Equal(ValidationCodes.IdNumberChecksum, ResidentIdNumber.Create(input, Today).ErrorCode);
    }

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("440524188001010014")]
    public void Rejects_any_single_digit_change(string valid)
    {
        for (var i = 0; i < 17; i++)
        {
            var digit = valid[i] == '9' ? '0' : (char)(valid[i] + 1);
            var changed = string.Concat(valid.AsSpan(0, i), digit.ToString(), valid.AsSpan(i + 1));

            Assert.False(ResidentIdNumber.Create(changed, Today).IsValid, changed);
        }
    }

    [Theory]
    [InlineData("11010519491231002X", "110***********002X")]
    [InlineData("440524188001010014", "440***********0014")]
    public void Masks_all_but_first_three_and_last_four(string input, string masked)
    {
        Assert.Equal(masked, ResidentIdNumber.Create(input, Today).Value.Masked);
    }

    [Fact]
    public void TryCreate_returns_the_value_when_valid()
    {
        Assert.True(ResidentIdNumber.TryCreate("11010519491231002x", out var id));
        Assert.Equal("11010519491231002X", id.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("110105194912310021")]
    public void TryCreate_returns_false_when_invalid(string? input)
    {
        Assert.False(ResidentIdNumber.TryCreate(input, out var id));
        Assert.Null(id);
    }

    [Fact]
    public void Equal_numbers_are_equal_values()
    {
        Assert.Equal(
            ResidentIdNumber.Create("11010519491231002x", Today).Value,
            ResidentIdNumber.Create(" 11010519491231002X", Today).Value);
    }
}
