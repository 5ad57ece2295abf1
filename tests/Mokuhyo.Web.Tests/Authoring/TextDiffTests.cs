using Mokuhyo.Web.Pages.Staff.Goals;

namespace Mokuhyo.Web.Tests.Authoring;

public sealed class TextDiffTests
{
    private static string Render(IReadOnlyList<DiffPart> parts) => string.Concat(parts.Select(p => p.Kind switch
    {
        DiffKind.Deleted => $"[-{p.Text}]",
        DiffKind.Inserted => $"[+{p.Text}]",
        _ => p.Text,
    }));

    [Theory]
    [InlineData("まちづくりの促進", "まちづくりの推進", "まちづくりの[-促][+推]進")]
    [InlineData("2022年度版", "2023年度版", "[-2022][+2023]年度版")]
    [InlineData("同じ", "同じ", "同じ")]
    [InlineData("", "新しい", "[+新しい]")]
    [InlineData("古い", "", "[-古い]")]
    [InlineData("交通安全教室", "交通安全の教室", "交通安全[+の]教室")]
    public void Marks_what_was_deleted_and_inserted(string before, string after, string expected) =>
        Assert.Equal(expected, Render(TextDiff.Compare(before, after)));

    [Fact]
    public void A_character_outside_the_bmp_is_one_token()
    {
        Assert.Equal("[-𠮷][+吉]野家", Render(TextDiff.Compare("𠮷野家", "吉野家")));
        Assert.Equal(["𠮷", "野"], TextDiff.Tokenize("𠮷野"));
    }

    [Fact]
    public void Both_texts_can_be_read_back_from_the_parts()
    {
        foreach (var (before, after) in new[]
        {
            ("第5次いるま男女共同参画プランに基づき、70%以上を目指します。", "第6次いるま男女共同参画プランに基づき、75%以上を目標とします。"),
            ("一行目\n二行目", "一行目\n三行目\n四行目"),
            ("", ""),
        })
        {
            var parts = TextDiff.Compare(before, after);
            Assert.Equal(before, string.Concat(parts.Where(p => p.Kind != DiffKind.Inserted).Select(p => p.Text)));
            Assert.Equal(after, string.Concat(parts.Where(p => p.Kind != DiffKind.Deleted).Select(p => p.Text)));
        }
    }

    [Fact]
    public void Texts_that_differ_everywhere_are_shown_as_replaced_within_bounded_time()
    {
        var before = string.Concat(Enumerable.Range(0, 4000).Select(i => (char)('あ' + (i % 50))));
        var after = string.Concat(Enumerable.Range(0, 4000).Select(i => (char)('ア' + (i % 50))));
        var parts = TextDiff.Compare(before, after);
        Assert.Equal([DiffKind.Deleted, DiffKind.Inserted], parts.Select(p => p.Kind));
    }
}
