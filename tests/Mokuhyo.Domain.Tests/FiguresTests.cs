using System.Globalization;
using Mokuhyo.Domain.Tests.TestSupport;
using Mokuhyo.Domain.Text;

namespace Mokuhyo.Domain.Tests;

public class FiguresTests
{
    public static TheoryData<decimal, string?, string> Cases => new()
    {
        { 40070m, "世帯", "40,070世帯" },
        { 61.7m, "%", "61.7%" },
        { 82.12m, null, "82.12" },
        { 65.85m, null, "65.85" },
        { 80m, null, "80" },
        { 169602m, null, "169,602" },
        { 82.10m, null, "82.1" },
        { 0m, null, "0" },
        { 0.0m, "%", "0%" },
        { 999m, "人", "999人" },
        { 1000m, "人", "1,000人" },
        { 1234567.891m, null, "1,234,567.891" },
        { -1234.5m, null, "-1,234.5" },
        { -3m, "件", "-3件" },
        { 223m, "回", "223回" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Format_groups_digits_keeps_the_decimals_as_entered_and_appends_the_unit(decimal value, string? unit, string expected)
    {
        Assert.Equal(expected, Figures.Format(value, unit));
    }

    [Theory]
    [InlineData("80.0000", "80")]
    [InlineData("82.10", "82.1")]
    [InlineData("123.4500", "123.45")]
    [InlineData("-40070.00", "-40,070")]
    [InlineData("0.0000", "0")]
    [InlineData("100", "100")]
    public void Trailing_zeros_a_database_column_pads_with_are_dropped(string stored, string expected)
    {
        Assert.Equal(expected, Figures.Format(decimal.Parse(stored, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Significant_decimals_are_all_kept()
    {
        Assert.Equal("0.0000000000000000000000000001", Figures.Format(0.0000000000000000000000000001m));
        Assert.Equal("82.12", Figures.Format(82.120m));
    }

    [Fact]
    public void Zeros_of_a_whole_number_are_not_dropped()
    {
        Assert.Equal("100,000", Figures.Format(100000m));
    }

    [Fact]
    public void A_whole_number_has_no_decimal_point()
    {
        Assert.Equal("80", Figures.Format(80m));
    }

    [Fact]
    public void Negative_values_keep_their_sign_and_grouping()
    {
        Assert.Equal("-40,070世帯", Figures.Format(-40070m, "世帯"));
    }

    [Fact]
    public void Grouping_does_not_follow_a_german_current_culture()
    {
        using (CultureScope.Of("de-DE"))
        {
            Assert.Equal("40,070", Figures.Format(40070m));
            Assert.Equal("82.12%", Figures.Format(82.12m, "%"));
        }
    }

    [Fact]
    public void Grouping_does_not_follow_a_french_current_culture()
    {
        using (CultureScope.Of("fr-FR"))
        {
            Assert.Equal("1,234,567.891", Figures.Format(1234567.891m));
        }
    }
}
