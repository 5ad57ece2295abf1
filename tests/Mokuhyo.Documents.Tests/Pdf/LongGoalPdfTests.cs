using System.Globalization;
using System.Text.RegularExpressions;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Tests.Common;

namespace Mokuhyo.Documents.Tests.Pdf;

/// <summary>A goal too long for a page continues on the next pages without losing or repeating a line.</summary>
public sealed class LongGoalPdfTests(SeedReport seed)
{
    private static readonly IReadOnlyList<string> Paragraphs =
    [
        .. Enumerable.Range(1, 200).Select(k => string.Create(CultureInfo.InvariantCulture,
            $"第{k:000}段落:地域コミュニティの維持と発展に向けて、区・自治会と連携した取組を着実に進めました。")),
    ];

    private async Task<byte[]> LongPdfAsync()
    {
        var report = await seed.GetAsync();
        return Pdfs.Department(WithLongResult(report));
    }

    [Fact]
    public async Task A_result_of_200_paragraphs_splits_over_pages_and_keeps_every_paragraph_exactly_once()
    {
        var pdf = await LongPdfAsync();
        var pages = Poppler.Pages(pdf);

        // Footers and the column headings repeated on each continued page are not part of the goal's text.
        var text = string.Concat(pages.Select((page, k) =>
            SeedFacts.Squash(page).Replace($"{k + 1}/{pages.Count}", string.Empty, StringComparison.Ordinal)));
        text = text.Replace("【課の目標(達成すべき目標)】", string.Empty, StringComparison.Ordinal)
            .Replace("【目標の達成度合】", string.Empty, StringComparison.Ordinal);

        Assert.All(Paragraphs, p => Assert.Equal(1, Regex.Count(text, Regex.Escape(SeedFacts.Squash(p)))));
    }

    [Fact]
    public async Task A_long_goal_continues_on_following_pages_under_repeated_column_headings()
    {
        var pdf = await LongPdfAsync();
        var pages = Poppler.Pages(pdf);

        var first = Index(pages, "第001段落");
        var last = Index(pages, "第200段落");
        Assert.True(last - first >= 3, $"paragraphs run from page {first + 1} to {last + 1}");
        for (var k = first + 1; k <= last; k++)
        {
            Assert.Contains("【目標の達成度合】", pages[k], StringComparison.Ordinal);
        }

        // The rest of the report follows the long goal, in order.
        Assert.Empty(SeedFacts.Missing(string.Concat(pages), SeedFacts.Goals.Where(g => g.Number > 1).SelectMany(g => g.Facts)));
        Assert.True(Index(pages, "9地域防犯対策の強化") >= last);
    }

    private static int Index(IReadOnlyList<string> pages, string text)
    {
        var index = pages.Select(SeedFacts.Squash).ToList().FindIndex(p => p.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"{text} not found");
        return index;
    }

    private static DepartmentReport WithLongResult(DepartmentReport report)
    {
        var blocks = Paragraphs.Select(p => new ReportResultBlock("paragraph", null, p, [])).ToList();
        var groups = report.GoalGroups.Select(g => g with
        {
            Goals = [.. g.Goals.Select(goal => goal.Number == 1 ? goal with { Result = new ReportResult(blocks) } : goal)],
        });
        return report with { GoalGroups = [.. groups] };
    }
}
