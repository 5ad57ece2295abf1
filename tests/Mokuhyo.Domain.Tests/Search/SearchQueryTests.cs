using Mokuhyo.Domain.Search;

namespace Mokuhyo.Domain.Tests.Search;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("交通安全", new[] { "交通安全" })]
    [InlineData("交通安全 講座", new[] { "交通安全", "講座" })]
    [InlineData("\u3000交通安全\u3000\u3000講座\t", new[] { "交通安全", "講座" })]
    [InlineData("LINE line Line", new[] { "line" })]
    [InlineData("\"交通\" OR NEAR(a*)", new[] { "\"交通\"", "or", "near(a*)" })]
    [InlineData("交通\0安全", new[] { "交通", "安全" })]
    public void Terms_are_split_at_any_space_folded_and_kept_literally(string text, string[] terms) =>
        Assert.Equal(terms, SearchQuery.Parse(text).Terms);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \u3000\t")]
    [InlineData("\u200B")]
    public void A_query_without_terms_is_empty(string? text) => Assert.Equal(SearchQueryProblem.Empty, SearchQuery.Parse(text).Problem);

    [Fact]
    public void The_length_limit_counts_text_elements()
    {
        Assert.True(SearchQuery.Parse(string.Concat(Enumerable.Repeat("𠮷", SearchQuery.MaxLength))).IsValid);
        Assert.Equal(SearchQueryProblem.TooLong, SearchQuery.Parse(new string('あ', SearchQuery.MaxLength + 1)).Problem);
        Assert.Equal(SearchQueryProblem.TooManyTerms,
            SearchQuery.Parse(string.Join(' ', Enumerable.Range(0, SearchQuery.MaxTerms + 1).Select(i => "語" + i))).Problem);
    }
}

public sealed class SearchTextTests
{
    [Fact]
    public void A_snippet_is_the_line_of_the_first_match_with_every_match_marked()
    {
        var text = "第一行\n市民向けの講座を開催し、講座の参加者を増やします。\n最後の行に講座";

        var parts = SearchText.Snippet(text, ["講座"]);

        Assert.Equal("市民向けの講座を開催し、講座の参加者を増やします。", SearchText.ToPlain(parts));
        Assert.Equal("市民向けの<mark>講座</mark>を開催し、<mark>講座</mark>の参加者を増やします。", SearchText.ToHtml(parts));
    }

    [Fact]
    public void A_long_line_is_cut_around_the_match_without_splitting_a_character()
    {
        var text = string.Concat(Enumerable.Repeat("𠮷", 50)) + "マイナンバー" + new string('あ', 200);

        var parts = SearchText.Snippet(text, ["マイナンバー"], before: 5, after: 20);
        var plain = SearchText.ToPlain(parts);

        Assert.StartsWith("…", plain, StringComparison.Ordinal);
        Assert.EndsWith("…", plain, StringComparison.Ordinal);
        Assert.Contains("マイナンバー", plain, StringComparison.Ordinal);
        for (var i = 0; i < plain.Length; i++)
        {
            Assert.False(char.IsHighSurrogate(plain[i]) && (i + 1 == plain.Length || !char.IsLowSurrogate(plain[i + 1])), "a lone high surrogate");
            Assert.False(char.IsLowSurrogate(plain[i]) && (i == 0 || !char.IsHighSurrogate(plain[i - 1])), "a lone low surrogate");
        }
    }

    [Fact]
    public void Markup_in_the_text_is_encoded_and_case_is_kept()
    {
        var parts = SearchText.Snippet("<b>LINE</b> & SNS", ["line"]);

        Assert.Equal("&lt;b&gt;<mark>LINE</mark>&lt;/b&gt; &amp; SNS", SearchText.ToHtml(parts));
    }
}
