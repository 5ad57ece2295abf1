using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Mokuhyo.Web.Pages.Staff.Authoring;

namespace Mokuhyo.Web.Tests.Authoring;

public sealed class FieldReaderTests
{
    [Theory]
    [InlineData("70", 70)]
    [InlineData("７０．５", 70.5)]
    [InlineData("40,070", 40070)]
    [InlineData("４０，０７０", 40070)]
    [InlineData("－１２", -12)]
    [InlineData(" 82.12 ", 82.12)]
    public void Numbers_are_read_with_ascii_or_full_width_digits(string text, double expected)
    {
        Assert.True(FieldReader.TryParseNumber(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("70%")]
    [InlineData("70以上")]
    [InlineData("七十")]
    [InlineData("1e3")]
    [InlineData("")]
    public void Anything_else_is_not_a_number(string text) => Assert.False(FieldReader.TryParseNumber(text, out _));

    [Theory]
    [InlineData("2023-03-31")]
    [InlineData("2023/3/31")]
    [InlineData("２０２３－０３－３１")]
    public void Dates_are_read_as_a_date_input_sends_them_or_as_people_write_them(string text)
    {
        Assert.True(FieldReader.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(2023, 3, 31), date);
    }

    [Theory]
    [InlineData("令和5年3月31日")]
    [InlineData("2023-02-30")]
    [InlineData("31/03/2023")]
    public void Other_dates_are_refused(string text) => Assert.False(FieldReader.TryParseDate(text, out _));

    [Fact]
    public void Numbers_beyond_what_the_database_keeps_get_a_message()
    {
        var state = new ModelStateDictionary();
        var reader = new FieldReader(state, Localizer());

        Assert.Null(reader.Number("a", "目標値", "1.23456"));
        Assert.Null(reader.Number("b", "目標値", "100000000000000"));
        Assert.Equal(1.5m, reader.Number("c", "目標値", "1.50000"));
        Assert.Equal(["a", "b"], state.Where(e => e.Value!.Errors.Count > 0).Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Lines_are_items_and_blank_lines_separate_nothing()
    {
        Assert.Equal(["一", " 二 ", "三"], FieldReader.SplitLines("一\r\n\r\n 二 \n   \r三"));
        Assert.Empty(FieldReader.SplitLines(null));
    }

    [Theory]
    [InlineData("tab\there", false, false)]
    [InlineData("line\nbreak", true, false)]
    [InlineData("line\nbreak", false, true)]
    [InlineData("bell\u0007", true, true)]
    [InlineData("next\u0085line", true, true)]
    [InlineData("\u202Eright-to-left", false, false)]
    [InlineData("zero\u200Bwidth", false, false)]
    public void Control_characters_other_than_tab_and_line_breaks_are_refused(string text, bool multiline, bool refused) =>
        Assert.Equal(refused, FieldReader.HasControlCharacters(text, multiline));

    [Fact]
    public void Paragraphs_keep_the_line_breaks_typed_and_nothing_else_changes()
    {
        var reader = new FieldReader(new ModelStateDictionary(), Localizer());
        Assert.Equal("一行目\n 二行目　", reader.Paragraph("p", "段落", "一行目\r\n 二行目　", 100));
    }

    private static StringLocalizer<AuthoringText> Localizer() =>
        new StringLocalizer<AuthoringText>(new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));
}
