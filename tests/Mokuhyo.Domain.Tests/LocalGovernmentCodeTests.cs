using Mokuhyo.Domain.Municipalities;

namespace Mokuhyo.Domain.Tests;

public class LocalGovernmentCodeTests
{
    [Theory]
    [InlineData("112259")] // 入間市
    [InlineData("131016")] // 千代田区
    [InlineData("011002")] // 札幌市
    [InlineData("010006")] // 北海道
    [InlineData("472018")] // 那覇市
    public void Real_codes_parse(string text)
    {
        Assert.True(LocalGovernmentCode.TryParse(text, out var code));
        Assert.Equal(text, code.Value);
        Assert.Equal(text, code.ToString());
    }

    [Theory]
    [InlineData("112250")]
    [InlineData("112258")]
    [InlineData("131017")]
    [InlineData("011001")]
    public void A_wrong_check_digit_is_rejected(string text)
    {
        Assert.False(LocalGovernmentCode.TryParse(text, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("11225")]
    [InlineData("1122590")]
    [InlineData("11225 ")]
    [InlineData(" 112259")]
    [InlineData("11225x")]
    [InlineData("1122-9")]
    [InlineData("abcdef")]
    [InlineData("１１２２５９")]
    [InlineData("11225９")]
    [InlineData(null)]
    public void Anything_but_six_ascii_digits_is_rejected(string? text)
    {
        Assert.False(LocalGovernmentCode.TryParse(text, out var code));
        Assert.Equal(default, code);
    }

    [Fact]
    public void Parse_throws_a_format_exception_naming_the_input()
    {
        var exception = Assert.Throws<FormatException>(() => LocalGovernmentCode.Parse("112250"));
        Assert.Contains("112250", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_returns_the_code()
    {
        Assert.Equal("112259", LocalGovernmentCode.Parse("112259").Value);
    }

    [Fact]
    public void Prefecture_code_is_the_first_two_digits()
    {
        Assert.Equal("11", LocalGovernmentCode.Parse("112259").PrefectureCode);
        Assert.Equal("01", LocalGovernmentCode.Parse("011002").PrefectureCode);
    }

    [Fact]
    public void Codes_with_the_same_digits_are_equal()
    {
        Assert.Equal(LocalGovernmentCode.Parse("112259"), LocalGovernmentCode.Parse("112259"));
        Assert.NotEqual(LocalGovernmentCode.Parse("112259"), LocalGovernmentCode.Parse("131016"));
    }

    [Theory]
    [InlineData("11225", 9)]
    [InlineData("13101", 6)]
    [InlineData("01100", 2)]
    [InlineData("01000", 6)]
    public void CheckDigit_is_eleven_minus_the_weighted_remainder(string fiveDigits, int expected)
    {
        Assert.Equal(expected, LocalGovernmentCode.CheckDigit(fiveDigits));
    }

    [Theory]
    [InlineData("20000")] // 2×6 = 12 ≡ 1 (mod 11)
    [InlineData("10020")] // 1×6 + 2×3 = 12 ≡ 1
    public void When_eleven_minus_the_remainder_is_10_the_check_digit_is_0(string fiveDigits)
    {
        Assert.Equal(1, WeightedSum(fiveDigits) % 11);
        Assert.Equal(0, LocalGovernmentCode.CheckDigit(fiveDigits));
    }

    [Theory]
    [InlineData("01003")] // 1×5 + 3×2 = 11 ≡ 0 (mod 11)
    [InlineData("11000")] // 1×6 + 1×5 = 11 ≡ 0
    [InlineData("00000")] // 0
    public void When_eleven_minus_the_remainder_is_11_the_check_digit_is_1(string fiveDigits)
    {
        Assert.Equal(0, WeightedSum(fiveDigits) % 11);
        Assert.Equal(1, LocalGovernmentCode.CheckDigit(fiveDigits));
    }

    [Theory]
    [InlineData("200000", true)]
    [InlineData("200001", false)]
    [InlineData("010031", true)]
    [InlineData("010030", false)]
    public void Codes_whose_check_digit_wraps_round_are_parsed_by_their_last_digit(string text, bool expected)
    {
        Assert.Equal(expected, LocalGovernmentCode.TryParse(text, out _));
    }

    [Theory]
    [InlineData("1122")]
    [InlineData("112259")]
    [InlineData("")]
    public void CheckDigit_requires_exactly_five_digits(string text)
    {
        Assert.Throws<ArgumentException>(() => LocalGovernmentCode.CheckDigit(text));
    }

    /// <summary>The weighted sum recomputed independently (weights 6, 5, 4, 3, 2), to prove the inputs above are what they claim.</summary>
    private static int WeightedSum(string fiveDigits)
    {
        int[] weights = [6, 5, 4, 3, 2];
        return fiveDigits.Select((c, i) => (c - '0') * weights[i]).Sum();
    }
}
