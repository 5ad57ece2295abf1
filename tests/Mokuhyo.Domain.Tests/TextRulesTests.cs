using Mokuhyo.Domain.Text;

namespace Mokuhyo.Domain.Tests;

public class TextRulesTests
{
    [Fact]
    public void A_surrogate_pair_counts_as_one_character()
    {
        Assert.Equal(4, "𠮷野家".Length); // 𠮷 is two UTF-16 units...
        Assert.Equal(3, TextRules.Length("𠮷野家")); // ...but one character to a reader.
    }

    [Fact]
    public void Variant_kanji_of_names_count_one_each()
    {
        Assert.Equal(2, TextRules.Length("髙﨑"));
    }

    [Fact]
    public void A_base_character_with_a_combining_voiced_mark_counts_as_one()
    {
        Assert.Equal(1, TextRules.Length("か\u3099"));
    }

    [Fact]
    public void A_kanji_with_an_ideographic_variation_selector_counts_as_one()
    {
        Assert.Equal(1, TextRules.Length("葛\U000E0100"));
    }

    [Fact]
    public void An_emoji_sequence_counts_as_one()
    {
        Assert.Equal(1, TextRules.Length("👨\u200D👩\u200D👧"));
        Assert.Equal(1, TextRules.Length("🇯🇵"));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("市民生活部", 5)]
    [InlineData("ｶﾞ", 1)]
    public void Length_counts_text_elements(string text, int expected)
    {
        Assert.Equal(expected, TextRules.Length(text));
    }

    [Theory]
    [InlineData("㍻")] // NFKC would make it 平成 (2)
    [InlineData("㈱")] // NFKC would make it (株) (3)
    public void Compatibility_characters_are_counted_as_written_not_normalised(string text)
    {
        Assert.Equal(1, TextRules.Length(text));
    }

    [Fact]
    public void A_surrogate_pair_name_at_the_limit_fits()
    {
        var name = "𠮷田" + new string('田', 98); // 100 characters, 101 UTF-16 units

        Assert.Equal(101, name.Length);
        Assert.True(TextRules.FitsWithin(name, TextLimits.Name));
    }

    [Fact]
    public void One_character_over_the_limit_does_not_fit()
    {
        var name = "𠮷田" + new string('田', 99);

        Assert.False(TextRules.FitsWithin(name, TextLimits.Name));
    }

    [Theory]
    [InlineData("𠮷野家", 3, true)]
    [InlineData("𠮷野家", 2, false)]
    [InlineData("か\u3099か\u3099", 2, true)]
    [InlineData("か\u3099か\u3099", 3, true)]
    [InlineData("か\u3099か\u3099", 1, false)]
    public void FitsWithin_compares_the_reader_length_with_the_limit(string text, int maxLength, bool expected)
    {
        Assert.Equal(expected, TextRules.FitsWithin(text, maxLength));
    }
}
