using Mokuhyo.Domain.Municipalities;

namespace Mokuhyo.Domain.Tests;

public class ContrastTests
{
    [Fact]
    public void Black_on_white_is_21_to_1_and_a_colour_on_itself_is_1_to_1()
    {
        Assert.Equal(21.0, Contrast.Ratio(HexColor.Parse("#000000"), HexColor.White), 6);
        Assert.Equal(1.0, Contrast.Ratio(HexColor.Parse("#0b5394"), HexColor.Parse("#0b5394")), 6);
    }

    [Fact]
    public void Relative_luminance_follows_WCAG_2()
    {
        Assert.Equal(1.0, Contrast.RelativeLuminance(HexColor.White), 6);
        Assert.Equal(0.0, Contrast.RelativeLuminance(HexColor.Parse("#000000")), 6);
        Assert.Equal(0.2126, Contrast.RelativeLuminance(HexColor.Parse("#ff0000")), 4);
        Assert.Equal(0.7152, Contrast.RelativeLuminance(HexColor.Parse("#00ff00")), 4);
        Assert.Equal(0.0722, Contrast.RelativeLuminance(HexColor.Parse("#0000ff")), 4);
    }

    [Theory]
    [InlineData("#767676", 4.54, true)] // the lightest grey that passes AA on white
    [InlineData("#777777", 4.48, false)]
    [InlineData("#0b5394", 7.84, true)] // the site's own colour
    [InlineData("#ffff00", 1.07, false)]
    [InlineData("#ff0000", 4.00, false)]
    public void Text_on_white_passes_AA_from_4_5_to_1(string text, double ratio, bool passes)
    {
        var color = HexColor.Parse(text);
        Assert.Equal(ratio, Contrast.Ratio(color, HexColor.White), 2);
        Assert.Equal(ratio, Contrast.Ratio(HexColor.White, color), 2);
        Assert.Equal(passes, Contrast.MeetsAa(color, HexColor.White));
    }

    [Fact]
    public void Branding_names_each_pair_that_fails()
    {
        var checks = Branding.Check(HexColor.Parse("#3c8dbc"), HexColor.Parse("#1a1a1a"));
        var failed = Assert.Single(checks, c => !c.Passes);
        Assert.Equal(BrandPair.HeaderTextOnPrimary, failed.Pair);
        Assert.Equal(3.67, failed.Ratio, 2);
        Assert.All(Branding.Check(HexColor.Parse("#7a1f3d"), HexColor.Parse("#333333")), c => Assert.True(c.Passes));
    }

    [Theory]
    [InlineData("#0B5394", "#0b5394")]
    [InlineData("#a1b2c3", "#a1b2c3")]
    public void Colours_are_six_hex_digits_kept_in_lower_case(string text, string expected)
    {
        Assert.True(HexColor.TryParse(text, out var color));
        Assert.Equal(expected, color.ToString());
    }

    [Theory]
    [InlineData("0b5394")]
    [InlineData("#fff")]
    [InlineData("#gggggg")]
    [InlineData("red")]
    [InlineData("#0b5394;}")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_colour(string? text) => Assert.False(HexColor.TryParse(text, out _));

    [Fact]
    public void Emblems_are_PNG_or_JPEG_by_their_bytes_never_SVG()
    {
        Assert.Equal("image/png", Branding.SniffEmblem([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]));
        Assert.Equal("image/jpeg", Branding.SniffEmblem([0xFF, 0xD8, 0xFF, 0xE0, 0]));
        Assert.Null(Branding.SniffEmblem("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8));
        Assert.Null(Branding.SniffEmblem("GIF89a"u8));
        Assert.Null(Branding.SniffEmblem([]));
    }
}
