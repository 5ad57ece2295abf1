using System.Text.RegularExpressions;
using Mokuhyo.Tests.Common;

namespace Mokuhyo.Documents.Tests.Pdf;

/// <summary>The seed department's PDF, read back with poppler: facts, order, metadata, fonts.</summary>
public sealed partial class DepartmentPdfTests(SeedReport seed)
{
    [Fact]
    public async Task Pdf_text_holds_every_fact_of_the_seed_department()
    {
        var pdf = Pdfs.Department(await seed.GetAsync());

        Assert.Empty(SeedFacts.Missing(Poppler.Text(pdf), SeedFacts.Department));
    }

    [Fact]
    public async Task Pdf_text_holds_each_goal_with_its_own_facts_division_and_rating()
    {
        var text = SeedFacts.Squash(Poppler.Text(Pdfs.Department(await seed.GetAsync())));

        foreach (var goal in SeedFacts.Goals)
        {
            var (start, end) = GoalSegment(text, goal.Number);
            var segment = text[start..end];
            Assert.Empty(SeedFacts.Missing(segment, [goal.Title, .. goal.Facts]).Select(f => $"goal {goal.Number}: {f}"));
            Assert.Contains($"評価:{goal.Rating ?? "評価対象外"}", segment, StringComparison.Ordinal);

            var division = DivisionHeading().Matches(text[..start]).Last().Value;
            Assert.Equal($"【{goal.Division}】", division);
        }
    }

    [Fact]
    public async Task Goals_appear_in_number_order_beside_their_results()
    {
        var text = SeedFacts.Squash(Poppler.Text(Pdfs.Department(await seed.GetAsync())));

        var starts = SeedFacts.Goals.Select(g => text.IndexOf(NumberedTitle(g), StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, starts);
        Assert.Equal(starts.Order(), starts);
        foreach (var goal in SeedFacts.Goals)
        {
            // Once in the goals column, once in the results column.
            Assert.Equal(2, Regex.Count(text, Regex.Escape(NumberedTitle(goal))));
        }
    }

    [Fact]
    public async Task Pdf_starts_with_the_title_and_head_of_the_department()
    {
        var firstPage = Poppler.Text(Pdfs.Department(await seed.GetAsync()), 1, 1);

        var lines = firstPage.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("入間市", lines[0]);
        Assert.Equal("市民生活部の目標(令和4年度)", lines[1]);
        Assert.Equal("市民生活部長 関谷 佳代子", lines[2]);
    }

    [Fact]
    public async Task Every_page_has_its_number_in_the_footer()
    {
        var pdf = Pdfs.Department(await seed.GetAsync());

        var bottoms = Poppler.BottomLines(pdf);
        Assert.Equal(Poppler.PageCount(pdf), bottoms.Count);
        Assert.True(bottoms.Count > 1);
        Assert.Equal(bottoms.Select((_, k) => $"{k + 1}/{bottoms.Count}"), bottoms.Select(SeedFacts.Squash));
    }

    [Fact]
    public async Task Pdf_is_a4_portrait_with_title_author_creator_and_japanese_language()
    {
        var pdf = Pdfs.Department(await seed.GetAsync());

        var info = Poppler.Info(pdf);
        Assert.Matches(@"(?m)^Title:\s+市民生活部の目標\(令和4年度\)$", info);
        Assert.Matches(@"(?m)^Author:\s+入間市$", info);
        Assert.Matches(@"(?m)^Creator:\s+Mokuhyo$", info);
        Assert.Matches(@"(?m)^CreationDate:\s+\S.*2026", info);
        Assert.Matches(@"(?m)^Page size:\s+595 x 842 pts \(A4\)$", info);
        Assert.Contains("/Lang(ja)", System.Text.Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fonts_are_embedded_as_unicode_subsets()
    {
        var fonts = Poppler.Fonts(Pdfs.Department(await seed.GetAsync()));

        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.True(f.Embedded && f.Subset && f.Unicode, $"{f.Name}: emb {f.Embedded}, sub {f.Subset}, uni {f.Unicode}"));
        Assert.Contains(fonts, f => f.Name.EndsWith("+IPAexGothic", StringComparison.Ordinal));
        Assert.Contains(fonts, f => f.Name.EndsWith("+IPAexMincho", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Indicator_tables_have_the_format_columns_and_the_rated_figures()
    {
        var report = await seed.GetAsync();
        var text = SeedFacts.Squash(Poppler.Text(Pdfs.Department(report)));
        var (start, end) = GoalSegment(text, 6);
        var goal6 = text[start..end];

        var labels = report.Labels;
        Assert.Empty(SeedFacts.Missing(goal6, [labels.IndicatorHeading, labels.BaselineHeading, labels.TargetHeading,
            labels.ActualHeading, labels.AsOfHeading, labels.RatioHeading, labels.RatingHeading]));
        Assert.Contains("目標6の指標", goal6, StringComparison.Ordinal);
        Assert.Contains("評価:未達成達成率82.3%", goal6, StringComparison.Ordinal);
        Assert.Empty(SeedFacts.Missing(goal6, ["80%以上(対人口比)", "65.85%", "令和5年3月末日現在", "82.12%", "目標値なし"]));
    }

    [Fact]
    public async Task Writing_the_seed_report_takes_well_under_a_second()
    {
        var report = await seed.GetAsync();
        Pdfs.Department(report);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        Pdfs.Department(report);

        // Not a benchmark (bench/pdf is): a guard against a layout that turns quadratic.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    private static string NumberedTitle(GoalFacts goal) => SeedFacts.Squash($"{goal.Number}{goal.Title}");

    /// <summary>Where goal n's text runs in the squashed document text: from its title to the next goal's.</summary>
    private static (int Start, int End) GoalSegment(string text, int number)
    {
        var goal = SeedFacts.Goals.Single(g => g.Number == number);
        var start = text.IndexOf(NumberedTitle(goal), StringComparison.Ordinal);
        Assert.True(start >= 0, $"goal {number} not found");
        var next = SeedFacts.Goals.SingleOrDefault(g => g.Number == number + 1);
        var end = next is null ? text.Length : text.IndexOf(NumberedTitle(next), start, StringComparison.Ordinal);
        return (start, end < 0 ? text.Length : end);
    }

    [GeneratedRegex("【[^】]+課】")]
    private static partial Regex DivisionHeading();
}
