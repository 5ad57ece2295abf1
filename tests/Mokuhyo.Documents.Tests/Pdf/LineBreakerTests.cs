using System.Text;
using Mokuhyo.Documents.Pdf;
using Mokuhyo.Tests.Common;

namespace Mokuhyo.Documents.Tests.Pdf;

public sealed class LineBreakerTests
{
    // Every text element one unit wide: breaks can be read off the character count.
    private static readonly LineBreaker Monospace = new(_ => 1);

    [Fact]
    public void A_line_never_starts_with_a_full_stop_or_comma_but_takes_the_character_before_along()
    {
        var lines = Monospace.Break("あいうえ。かきくけこ、さしすせそ", 4);

        Assert.Equal(["あいう", "え。かき", "くけこ、", "さしすせ", "そ"], lines);
    }

    [Fact]
    public void A_line_never_starts_with_a_closing_bracket_small_kana_or_prolonged_sound_mark()
    {
        Assert.Equal(["あいう", "え」お"], Monospace.Break("あいうえ」お", 4));
        Assert.Equal(["あいう", "えっと"], Monospace.Break("あいうえっと", 4));
        Assert.Equal(["あいう", "えーと"], Monospace.Break("あいうえーと", 4));
        Assert.Equal(["あいう", "え）。お"], Monospace.Break("あいうえ）。お", 4));
    }

    [Fact]
    public void A_line_never_ends_with_an_opening_bracket()
    {
        Assert.Equal(["あいう", "「えお」"], Monospace.Break("あいう「えお」", 4));
        Assert.Equal(["あい", "（【う】）"], Monospace.Break("あい（【う】）", 5));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(10)]
    public void Random_japanese_text_keeps_kinsoku_width_and_every_character(int width)
    {
        var random = new Random(20220401 + width);
        for (var round = 0; round < 200; round++)
        {
            var text = RandomJapanese(random);

            var lines = Monospace.Break(text, width);

            Assert.Equal(text, string.Concat(lines));
            Assert.All(lines, line => Assert.InRange(LineBreaker.TextElements(line).Count, 1, width));
            Assert.All(lines.Skip(1), line => Assert.False(LineBreaker.IsNoStart(line[..1]), $"starts with {line[0]}: [{string.Join("|", lines)}]"));
            Assert.All(lines, line => Assert.False(LineBreaker.IsNoEnd(line[^1..]), $"ends with {line[^1]}: [{string.Join("|", lines)}]"));
        }
    }

    [Fact]
    public void A_surrogate_pair_or_a_grapheme_cluster_is_never_split()
    {
        var text = string.Concat(Enumerable.Repeat("𠮷野家👨‍👩‍👧e\u0301", 7));

        foreach (var width in new[] { 1, 2, 3, 4, 5 })
        {
            var lines = Monospace.Break(text, width);

            Assert.Equal(text, string.Concat(lines));
            Assert.All(lines, line =>
            {
                Assert.False(char.IsLowSurrogate(line[0]));
                Assert.False(char.IsHighSurrogate(line[^1]));
                Assert.NotEqual('\u200D', line[0]);
                Assert.NotEqual('\u0301', line[0]);
            });
        }
    }

    [Fact]
    public void Ascii_words_break_at_spaces_and_the_space_stays_at_the_end_of_the_line()
    {
        Assert.Equal(["Hello ", "world ", "again"], Monospace.Break("Hello world again", 8));
        Assert.Equal(["LGBT講演会", "の開催"], Monospace.Break("LGBT講演会の開催", 7));
        Assert.Equal(["自治会加入世帯数:40,070", "世帯"], Monospace.Break("自治会加入世帯数:40,070世帯", 15));

        // The colon may not start a line, so the character before it goes along with the number.
        Assert.Equal(["自治会加入世帯", "数:40,070世帯"], Monospace.Break("自治会加入世帯数:40,070世帯", 12));
    }

    [Fact]
    public void A_word_longer_than_the_line_is_broken_between_letters_on_a_line_of_its_own()
    {
        var lines = Monospace.Break("あい ABCDEFGHIJKLMNOPQRSTUVWXYZ です", 10);

        Assert.Equal(["あい ", "ABCDEFGHIJ", "KLMNOPQRST", "UVWXYZ です"], lines);
    }

    [Fact]
    public void Explicit_line_breaks_are_respected_and_removed()
    {
        Assert.Equal(["一行目", "二行目", "", "四行目", "五", "六"], Monospace.Break("一行目\r\n二行目\n\n四行目\r五\u2028六", 10));
        Assert.Equal([""], Monospace.Break(string.Empty, 10));
    }

    [Fact]
    public void Breaking_inserts_nothing_not_even_a_zero_width_space_or_hyphen()
    {
        const string Text = "マイナンバーカードの申請・交付事務については、「おうち受け取りプラン」、「申請サポートイベント」等のサービスを充実させました。Multi-copy machines were installed.";

        var lines = Monospace.Break(Text, 9);

        Assert.Equal(Text, string.Concat(lines));
        Assert.DoesNotContain(lines, l => l.Contains('\u200B', StringComparison.Ordinal));
    }

    [Fact]
    public void With_the_real_fonts_no_line_is_wider_than_the_column()
    {
        using var type = new Typesetter();
        var style = new TextStyle(PdfFonts.Mincho, 9);
        var texts = SeedFacts.Department.Concat(SeedFacts.Goals.SelectMany(g => g.Facts)).Append(new string('W', 200)).ToList();

        foreach (var width in new[] { 40.0, 97.3, 238.5, 503 })
        {
            foreach (var text in texts)
            {
                var lines = type.Break(text, style, width);

                Assert.Equal(text, string.Concat(lines));
                Assert.All(lines, line =>
                {
                    var visible = line.TrimEnd(' ');
                    var measured = type.Width(visible, style);
                    Assert.True(measured <= width + 1e-6 || LineBreaker.TextElements(visible).Count == 1, $"{measured} > {width}: {line}");
                });
            }
        }
    }

    private static string RandomJapanese(Random random)
    {
        const string Kanji = "市民生活部地域振興課人権推進目標達成度合交通防犯";
        const string Closers = "、。」）】ーっょ々・！？";
        const string Openers = "「（【『";
        var text = new StringBuilder();
        var length = random.Next(1, 60);
        for (var k = 0; k < length; k++)
        {
            // Kinsoku characters never come in runs longer than a short line can hold.
            switch (random.Next(6))
            {
                case 0:
                    text.Append(Openers[random.Next(Openers.Length)]).Append(Kanji[random.Next(Kanji.Length)]);
                    break;
                case 1:
                    text.Append(Kanji[random.Next(Kanji.Length)]).Append(Closers[random.Next(Closers.Length)]);
                    break;
                default:
                    text.Append(Kanji[random.Next(Kanji.Length)]);
                    break;
            }
        }

        return text.ToString();
    }
}
