using Mokuhyo.Domain.Calendar;

namespace Mokuhyo.Domain.Tests;

public class FiscalYearTests
{
    [Fact]
    public void Fiscal_year_2022_runs_from_1_april_2022()
    {
        Assert.Equal(new DateOnly(2022, 4, 1), new FiscalYear(2022).FirstDay);
    }

    [Fact]
    public void Fiscal_year_2022_ends_on_31_march_2023()
    {
        Assert.Equal(new DateOnly(2023, 3, 31), new FiscalYear(2022).LastDay);
    }

    [Fact]
    public void Start_year_is_kept_as_given()
    {
        Assert.Equal(2022, new FiscalYear(2022).StartYear);
    }

    [Theory]
    [InlineData(2023, 3, 31, 2022)]
    [InlineData(2023, 4, 1, 2023)]
    [InlineData(2023, 1, 1, 2022)]
    [InlineData(2023, 1, 15, 2022)]
    [InlineData(2022, 12, 31, 2022)]
    [InlineData(2022, 4, 1, 2022)]
    [InlineData(2024, 2, 29, 2023)]
    [InlineData(1989, 4, 1, 1989)]
    [InlineData(2200, 3, 31, 2199)]
    public void Of_puts_a_date_in_the_fiscal_year_that_contains_it(int year, int month, int day, int expectedStartYear)
    {
        Assert.Equal(new FiscalYear(expectedStartYear), FiscalYear.Of(new DateOnly(year, month, day)));
    }

    [Fact]
    public void The_31st_of_march_belongs_to_the_year_that_ends_on_it()
    {
        Assert.Equal(2022, FiscalYear.Of(new DateOnly(2023, 3, 31)).StartYear);
    }

    [Fact]
    public void The_1st_of_april_starts_a_new_fiscal_year()
    {
        Assert.Equal(2023, FiscalYear.Of(new DateOnly(2023, 4, 1)).StartYear);
    }

    [Fact]
    public void January_belongs_to_the_previous_years_fiscal_year()
    {
        Assert.Equal(2022, FiscalYear.Of(new DateOnly(2023, 1, 10)).StartYear);
    }

    [Fact]
    public void Leap_day_falls_in_the_fiscal_year_that_started_the_april_before()
    {
        var fiscalYear = new FiscalYear(2023);

        Assert.True(fiscalYear.Contains(new DateOnly(2024, 2, 29)));
        Assert.Equal(fiscalYear, FiscalYear.Of(new DateOnly(2024, 2, 29)));
    }

    [Theory]
    [InlineData(2022, 4, 1, true)]
    [InlineData(2023, 3, 31, true)]
    [InlineData(2022, 10, 1, true)]
    [InlineData(2022, 3, 31, false)]
    [InlineData(2023, 4, 1, false)]
    public void Contains_includes_both_the_first_and_the_last_day(int year, int month, int day, bool expected)
    {
        Assert.Equal(expected, new FiscalYear(2022).Contains(new DateOnly(year, month, day)));
    }

    [Fact]
    public void TryParse_accepts_a_four_digit_western_year()
    {
        Assert.True(FiscalYear.TryParse("2022", out var fiscalYear));
        Assert.Equal(new FiscalYear(2022), fiscalYear);
    }

    [Theory]
    [InlineData("1989", 1989)]
    [InlineData("2199", 2199)]
    public void TryParse_accepts_the_bounds_of_the_range(string text, int expected)
    {
        Assert.True(FiscalYear.TryParse(text, out var fiscalYear));
        Assert.Equal(expected, fiscalYear.StartYear);
    }

    [Theory]
    [InlineData("")]
    [InlineData("22")]
    [InlineData("abcd")]
    [InlineData("２０２２")]
    [InlineData("1988")]
    [InlineData("2200")]
    [InlineData("-202")]
    [InlineData(" 2022")]
    [InlineData("2022 ")]
    [InlineData("20220")]
    [InlineData("+202")]
    [InlineData("0000")]
    [InlineData(null)]
    public void TryParse_rejects_anything_but_four_ascii_digits_in_range(string? text)
    {
        Assert.False(FiscalYear.TryParse(text, out var fiscalYear));
        Assert.Equal(default, fiscalYear);
    }

    [Theory]
    [InlineData(1988)]
    [InlineData(2200)]
    [InlineData(0)]
    [InlineData(-2022)]
    public void Constructor_rejects_years_out_of_range(int startYear)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalYear(startYear));
        Assert.Equal("startYear", exception.ParamName);
    }

    [Theory]
    [InlineData(FiscalYear.MinStartYear)]
    [InlineData(FiscalYear.MaxStartYear)]
    public void Constructor_accepts_the_bounds_of_the_range(int startYear)
    {
        Assert.Equal(startYear, new FiscalYear(startYear).StartYear);
    }

    [Fact]
    public void Of_a_date_before_heisei_gannen_is_out_of_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FiscalYear.Of(new DateOnly(1989, 3, 31)));
    }

    [Fact]
    public void Ordering_operators_follow_the_start_year()
    {
        var earlier = new FiscalYear(2021);
        var later = new FiscalYear(2022);
        var same = new FiscalYear(2022);

        Assert.True(earlier < later);
        Assert.False(later < earlier);
        Assert.False(later < same);
        Assert.True(later > earlier);
        Assert.False(earlier > later);
        Assert.False(later > same);
        Assert.True(earlier <= later);
        Assert.True(later <= same);
        Assert.False(later <= earlier);
        Assert.True(later >= earlier);
        Assert.True(later >= same);
        Assert.False(earlier >= later);
    }

    [Fact]
    public void CompareTo_sorts_fiscal_years_chronologically()
    {
        FiscalYear[] years = [new(2023), new(1989), new(2022)];

        Assert.Equal([new FiscalYear(1989), new FiscalYear(2022), new FiscalYear(2023)], years.Order());
        Assert.True(new FiscalYear(2021).CompareTo(new FiscalYear(2022)) < 0);
        Assert.Equal(0, new FiscalYear(2022).CompareTo(new FiscalYear(2022)));
    }

    [Fact]
    public void Equal_start_years_are_equal_fiscal_years()
    {
        Assert.Equal(new FiscalYear(2022), new FiscalYear(2022));
        Assert.NotEqual(new FiscalYear(2022), new FiscalYear(2023));
        Assert.True(new FiscalYear(2022) == new FiscalYear(2022));
    }

    [Fact]
    public void ToString_is_the_western_start_year_as_written_in_urls()
    {
        Assert.Equal("2022", new FiscalYear(2022).ToString());
    }
}
