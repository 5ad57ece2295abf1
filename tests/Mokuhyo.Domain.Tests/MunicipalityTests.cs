using Mokuhyo.Domain.Municipalities;

namespace Mokuhyo.Domain.Tests;

public class MunicipalityTests
{
    [Theory]
    [InlineData("iruma")]
    [InlineData("iruma-shi")]
    [InlineData("tokyo23")]
    [InlineData("a")]
    [InlineData("1")]
    public void Lower_case_ascii_letters_digits_and_inner_hyphens_make_a_slug(string slug)
    {
        Assert.True(Municipality.IsValidSlug(slug));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Iruma")]
    [InlineData("IRUMA")]
    [InlineData("-iruma")]
    [InlineData("iruma-")]
    [InlineData("-")]
    [InlineData("iruma shi")]
    [InlineData("iruma_shi")]
    [InlineData("iruma.shi")]
    [InlineData("入間")]
    [InlineData("ｉｒｕｍａ")]
    [InlineData("irumä")]
    public void Anything_else_is_not_a_slug(string? slug)
    {
        Assert.False(Municipality.IsValidSlug(slug));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("api")]
    [InlineData("staff")]
    [InlineData("opendata")]
    [InlineData("healthz")]
    public void Path_segments_the_application_uses_itself_are_not_slugs(string slug)
    {
        Assert.False(Municipality.IsValidSlug(slug));
    }

    [Theory]
    [InlineData("administration")]
    [InlineData("api-city")]
    [InlineData("staffs")]
    public void Slugs_that_merely_start_with_a_reserved_word_are_allowed(string slug)
    {
        Assert.True(Municipality.IsValidSlug(slug));
    }

    [Fact]
    public void A_slug_may_be_forty_characters_but_not_forty_one()
    {
        Assert.True(Municipality.IsValidSlug(new string('a', 40)));
        Assert.False(Municipality.IsValidSlug(new string('a', 41)));
    }

    [Fact]
    public void A_new_municipality_publishes_under_the_public_data_licence()
    {
        var municipality = new Municipality { Code = "112259", Slug = "iruma", Name = "入間市" };

        Assert.Equal("公共データ利用規約(第1.0版)(PDL1.0)", municipality.LicenceName);
        Assert.StartsWith("https://www.digital.go.jp/", municipality.LicenceUrl, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reporting_year_reads_its_fiscal_year_from_the_western_year()
    {
        var year = new ReportingYear { Year = 2022 };

        Assert.Equal(new Calendar.FiscalYear(2022), year.FiscalYear);
    }
}
