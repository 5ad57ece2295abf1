using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Tests.TestSupport;

namespace Mokuhyo.Domain.Tests;

public class WarekiTests
{
    [Fact]
    public void Fiscal_year_2022_reads_reiwa_4()
    {
        Assert.Equal("令和4年度", Wareki.FormatFiscalYear(new FiscalYear(2022)));
    }

    [Fact]
    public void Fiscal_year_2019_is_reiwa_gannen()
    {
        var label = Wareki.FormatFiscalYear(new FiscalYear(2019));

        Assert.Equal("令和元年度", label);
        Assert.DoesNotContain("令和1年", label, StringComparison.Ordinal);
    }

    [Fact]
    public void Fiscal_year_1989_is_heisei_gannen()
    {
        Assert.Equal("平成元年度", Wareki.FormatFiscalYear(new FiscalYear(1989)));
    }

    [Theory]
    [InlineData(2018, "平成30年度")]
    [InlineData(2020, "令和2年度")]
    [InlineData(2023, "令和5年度")]
    [InlineData(1990, "平成2年度")]
    public void Fiscal_years_read_in_the_era_in_force_at_the_end_of_their_first_calendar_year(int startYear, string expected)
    {
        Assert.Equal(expected, Wareki.FormatFiscalYear(new FiscalYear(startYear)));
    }

    [Theory]
    [InlineData(2019, 5, 1, "令和元年5月1日")]
    [InlineData(2019, 4, 30, "平成31年4月30日")]
    [InlineData(2022, 10, 1, "令和4年10月1日")]
    [InlineData(2023, 3, 31, "令和5年3月31日")]
    [InlineData(1989, 1, 8, "平成元年1月8日")]
    public void FormatDate_writes_era_year_month_and_day_without_padding(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, Wareki.FormatDate(new DateOnly(year, month, day)));
    }

    [Fact]
    public void FormatMonth_writes_era_year_and_month()
    {
        Assert.Equal("令和元年5月", Wareki.FormatMonth(new DateOnly(2019, 5, 31)));
    }

    [Fact]
    public void As_of_the_last_day_of_march_reads_matsujitsu_when_the_city_writes_it_so()
    {
        Assert.Equal("令和5年3月末日現在", Wareki.FormatAsOf(new DateOnly(2023, 3, 31), monthEndAsMatsujitsu: true));
    }

    [Fact]
    public void As_of_the_last_day_of_march_reads_the_day_when_the_city_does_not_write_matsujitsu()
    {
        Assert.Equal("令和5年3月31日現在", Wareki.FormatAsOf(new DateOnly(2023, 3, 31), monthEndAsMatsujitsu: false));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void As_of_a_day_that_is_not_a_month_end_reads_the_day(bool monthEndAsMatsujitsu)
    {
        Assert.Equal("令和4年10月1日現在", Wareki.FormatAsOf(new DateOnly(2022, 10, 1), monthEndAsMatsujitsu));
    }

    [Fact]
    public void Leap_day_is_the_end_of_february()
    {
        Assert.Equal("令和6年2月末日現在", Wareki.FormatAsOf(new DateOnly(2024, 2, 29), monthEndAsMatsujitsu: true));
    }

    [Fact]
    public void The_28th_of_february_in_a_leap_year_is_not_the_month_end()
    {
        Assert.Equal("令和6年2月28日現在", Wareki.FormatAsOf(new DateOnly(2024, 2, 28), monthEndAsMatsujitsu: true));
    }

    [Fact]
    public void The_28th_of_february_in_a_common_year_is_the_month_end()
    {
        Assert.Equal("令和5年2月末日現在", Wareki.FormatAsOf(new DateOnly(2023, 2, 28), monthEndAsMatsujitsu: true));
    }

    [Theory]
    [InlineData(2022, 9, 30, "令和4年9月末日現在")]
    [InlineData(2022, 12, 31, "令和4年12月末日現在")]
    [InlineData(2019, 4, 30, "平成31年4月末日現在")]
    [InlineData(2019, 5, 31, "令和元年5月末日現在")]
    public void Month_ends_of_any_length_read_matsujitsu(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, Wareki.FormatAsOf(new DateOnly(year, month, day), monthEndAsMatsujitsu: true));
    }

    [Fact]
    public void FormatDateWithWeekday_puts_the_japanese_weekday_in_parentheses()
    {
        Assert.Equal("令和4年10月1日(土)", Wareki.FormatDateWithWeekday(new DateOnly(2022, 10, 1)));
    }

    [Fact]
    public void FormatDateWithWeekday_reads_a_monday_as_getsu()
    {
        Assert.Equal("令和4年10月3日(月)", Wareki.FormatDateWithWeekday(new DateOnly(2022, 10, 3)));
    }

    [Fact]
    public void FormatFiscalYearWithWestern_puts_the_western_year_beside_the_era()
    {
        Assert.Equal("令和4年度(2022年度)", Wareki.FormatFiscalYearWithWestern(new FiscalYear(2022)));
    }

    [Fact]
    public void FormatFiscalYearWithWestern_keeps_gannen()
    {
        Assert.Equal("令和元年度(2019年度)", Wareki.FormatFiscalYearWithWestern(new FiscalYear(2019)));
    }

    [Fact]
    public void Formatting_does_not_depend_on_an_english_current_culture()
    {
        using (CultureScope.Of("en-US"))
        {
            Assert.Equal("令和4年10月1日(土)", Wareki.FormatDateWithWeekday(new DateOnly(2022, 10, 1)));
            Assert.Equal("令和元年度(2019年度)", Wareki.FormatFiscalYearWithWestern(new FiscalYear(2019)));
        }
    }

    [Fact]
    public void Formatting_does_not_depend_on_the_invariant_current_culture()
    {
        using (CultureScope.Invariant())
        {
            Assert.Equal("令和5年3月末日現在", Wareki.FormatAsOf(new DateOnly(2023, 3, 31), monthEndAsMatsujitsu: true));
            Assert.Equal("令和元年度", Wareki.FormatFiscalYear(new FiscalYear(2019)));
        }
    }

    [Fact]
    public void Formatting_does_not_depend_on_a_japanese_current_culture_with_the_gregorian_calendar()
    {
        using (CultureScope.Of("ja-JP"))
        {
            Assert.Equal("平成31年4月30日", Wareki.FormatDate(new DateOnly(2019, 4, 30)));
        }
    }

    [Theory]
    [InlineData("令和7年3月31日", 2025, 3, 31)]
    [InlineData("令和元年5月1日", 2019, 5, 1)]
    [InlineData("平成31年4月30日", 2019, 4, 30)]
    public void A_date_as_printed_reads_back(string text, int year, int month, int day)
    {
        Assert.True(Wareki.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
        Assert.Equal(text, Wareki.FormatDate(date));
    }

    [Theory]
    [InlineData("令和6年3月")]
    [InlineData("2025-03-31")]
    [InlineData("令和5年2月30日")]
    [InlineData("")]
    public void Anything_else_is_not_a_printed_date(string text)
    {
        Assert.False(Wareki.TryParseDate(text, out _));
    }
}
