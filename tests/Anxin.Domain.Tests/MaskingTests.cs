using Anxin.Domain.Common;

namespace Anxin.Domain.Tests;

public class MaskingTests
{
    public static TheoryData<Func<string?, string>, int> DigitMaskersWithFullLength => new()
    {
        { Masking.IdNumber, 18 },
        { Masking.Mobile, 11 },
        { Masking.BankCard, 16 },
        { Masking.CreditCode, 18 },
    };

    public static TheoryData<Func<string?, string>> AllMaskers => new()
    {
        Masking.IdNumber,
        Masking.Mobile,
        Masking.BankCard,
        Masking.CreditCode,
        Masking.Name,
        Masking.Address,
        Masking.Email,
    };

    [Theory]
    [InlineData("110105199001011234", "110***********1234")]
    [InlineData("11010519491231002X", "110***********002X")]
    [InlineData(" 440524188001010014 ", "440***********0014")]
    [InlineData("110105491231002", "110********1002")]
    public void Id_number_keeps_first_three_and_last_four(string input, string expected)
    {
        Assert.Equal(expected, Masking.IdNumber(input));
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("15000001111", "150****1111")]
    public void Mobile_keeps_first_three_and_last_four(string input, string expected)
    {
        Assert.Equal(expected, Masking.Mobile(input));
    }

    [Theory]
    [InlineData("6222021234567890128", "622202*********0128")]
    [InlineData("4111111111111111", "411111******1111")]
    public void Bank_card_keeps_first_six_and_last_four(string input, string expected)
    {
        Assert.Equal(expected, Masking.BankCard(input));
    }

    [Theory]
    [InlineData("91350100M000100Y43", "913501********0Y43")]
    public void Credit_code_keeps_first_six_and_last_four(string input, string expected)
    {
        Assert.Equal(expected, Masking.CreditCode(input));
    }

    [Theory]
    [InlineData("1234", "1**4")]
    [InlineData("12345", "1***5")]
    [InlineData("1", "*")]
    [InlineData("12", "*2")]
    [InlineData("1381234567", "13*****567")]
    public void Short_mobile_reveals_at_most_half(string input, string expected)
    {
        Assert.Equal(expected, Masking.Mobile(input));
    }

    [Theory]
    [InlineData("622202000007", "622******007")]
    public void Short_bank_card_reveals_at_most_half(string input, string expected)
    {
        Assert.Equal(expected, Masking.BankCard(input));
    }

    [Theory]
    [MemberData(nameof(DigitMaskersWithFullLength))]
    public void Shorter_than_normal_strings_never_reveal_more_than_half_and_keep_their_length(Func<string?, string> mask, int fullLength)
    {
        for (var length = 1; length < fullLength; length++)
        {
            var input = new string('7', length);

            var masked = mask(input);

            Assert.Equal(length, masked.Length);
            Assert.True(masked.Count(c => c == '7') <= length / 2, $"{input} -> {masked}");
        }
    }

    [Theory]
    [InlineData("张三丰", "张**")]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("张", "张")]
    [InlineData(" 李四 ", "李*")]
    [InlineData("𠀀一二", "𠀀**")]
    [InlineData("Alice", "A****")]
    public void Name_keeps_only_the_surname_character(string input, string expected)
    {
        Assert.Equal(expected, Masking.Name(input));
    }

    [Theory]
    [InlineData("北京市朝阳区建国路88号", "北京市朝阳区****")]
    [InlineData("广东省深圳市南山区科技园科苑路15号", "广东省深圳市****")]
    [InlineData("北京市朝阳区", "北京****")]
    [InlineData("朝阳区建国路8号", "朝阳****")]
    [InlineData("上海", "****")]
    [InlineData("A", "****")]
    public void Address_keeps_first_six_characters_or_first_third_when_short(string input, string expected)
    {
        Assert.Equal(expected, Masking.Address(input));
    }

    [Theory]
    [InlineData("zhangsan@example.com", "z***@example.com")]
    [InlineData("ab@qq.com", "a***@qq.com")]
    [InlineData("a@b.cn", "***@b.cn")]
    [InlineData(" li.si@anxin.com.cn ", "l***@anxin.com.cn")]
    [InlineData("not-an-email", "n***")]
    [InlineData("x", "***")]
    public void Email_keeps_first_character_and_domain(string input, string expected)
    {
        Assert.Equal(expected, Masking.Email(input));
    }

    [Theory]
    [MemberData(nameof(AllMaskers))]
    public void Null_empty_or_blank_input_gives_empty_string(Func<string?, string> mask)
    {
        Assert.Equal(string.Empty, mask(null));
        Assert.Equal(string.Empty, mask(string.Empty));
        Assert.Equal(string.Empty, mask("   "));
    }
}
