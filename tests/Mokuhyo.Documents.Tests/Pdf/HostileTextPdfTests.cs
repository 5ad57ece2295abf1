using Mokuhyo.Documents.Pdf;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Tests.Common;

namespace Mokuhyo.Documents.Tests.Pdf;

/// <summary>Text the fonts or the layout were not made for still renders, and keeps its characters.</summary>
public sealed class HostileTextPdfTests(SeedReport seed)
{
    private static readonly string LongAscii = string.Concat(Enumerable.Repeat("ABCDEFGHIJ0123456789", 30));

    [Fact]
    public async Task A_very_long_unbroken_ascii_string_wraps_and_keeps_every_letter()
    {
        var pdf = Pdfs.Department(With(await seed.GetAsync(), body: LongAscii, result: LongAscii, indicator: LongAscii));

        var text = SeedFacts.Squash(Poppler.Text(pdf));
        Assert.True(CountOf(text, LongAscii) >= 2, "the long string is not whole in the goal and result columns");
    }

    [Fact]
    public async Task Characters_ipaex_lacks_are_kept_in_the_text()
    {
        const string Yoshi = "𠮷野家の𠮷田さん";
        const string Emoji = "絵文字😀と家族👨‍👩‍👧と旗🇯🇵";
        var pdf = Pdfs.Department(With(await seed.GetAsync(), body: Yoshi, result: Emoji));

        var text = Poppler.Text(pdf);
        Assert.Contains(Yoshi, text, StringComparison.Ordinal);
        Assert.Contains(Emoji, text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u200B', text);
        Assert.DoesNotContain('\uFFFD', text);
        Assert.All(Poppler.Fonts(pdf), f => Assert.True(f.Embedded && f.Subset && f.Unicode, f.Name));
    }

    [Fact]
    public async Task The_fallback_font_draws_a_character_ipaex_lacks_when_the_machine_has_it()
    {
        var pdf = Pdfs.Department(With(await seed.GetAsync(), body: "𠮷田"));

        var fonts = Poppler.Fonts(pdf);
        Assert.Equal(PdfFonts.HasFallback, fonts.Any(f => f.Name.EndsWith("+IPAmjMincho", StringComparison.Ordinal)));
        Assert.Contains("𠮷田", Poppler.Text(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bidi_marks_control_characters_and_lone_surrogates_neither_throw_nor_take_the_text_around_them()
    {
        var hostile = "右から\u200F左へ\u202Eabc\u202C 制御\u0001\u0007\u001B文字 タブ\tあり 孤立\uD800サロゲート 結合e\u0301 異体字葛\U000E0100 改行\r\nあり\u2028終わり";
        var pdf = Pdfs.Department(With(await seed.GetAsync(), body: hostile, result: hostile, indicator: hostile));

        var text = SeedFacts.Squash(Poppler.Text(pdf));
        Assert.Empty(SeedFacts.Missing(text, ["右から", "左へ", "abc", "制御", "文字", "タブ", "あり", "孤立", "サロゲート", "結合", "異体字葛", "終わり"]));
    }

    [Fact]
    public async Task Text_is_never_normalised()
    {
        // NFC would turn the compatibility ideograph U+FA30 into U+4FAE and compose e + U+0301 into é.
        const string Names = "髙橋さん、\uFA30辱、Cafe\u0301";
        var pdf = Pdfs.Department(With(await seed.GetAsync(), body: Names));

        Assert.Contains(Names, Poppler.Text(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_report_still_writes_a_document()
    {
        var report = new DepartmentReport
        {
            Municipality = new ReportMunicipality("000000", "x", "どこか市", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
            FiscalYear = 2022,
            FiscalYearLabel = "令和4年度",
            Phase = new ReportPhase("year-end", "期末報告", "year-end"),
            Revision = 1,
            PublishedAt = Pdfs.Now,
            Labels = new ReportLabels
            {
                DepartmentReportTitle = "{0}の目標", HeadingPattern = "【{0}】", GoalsHeading = "g", ResultsHeading = "r",
                IndicatorHeading = "i", BaselineHeading = "b", TargetHeading = "t", ActualHeading = "a", RatioHeading = "p",
                AsOfHeading = "d", RatingHeading = "e", PlanReferencesHeading = "f", CoUnitsHeading = "c",
                ResponsibilitiesHeading = "s", RatingScaleName = "n", NotRatedLabel = "評価対象外",
            },
            Department = new ReportUnit { Code = "x", Name = "空の部", Kind = "部" },
            PlanSections = [],
            GoalGroups = [],
            Summary = new ReportSummary(0, 0, 0, 0, []),
        };

        var pdf = Pdfs.Department(report);

        Assert.Equal(1, Poppler.PageCount(pdf));
        Assert.Contains("空の部の目標(令和4年度)", Poppler.Text(pdf), StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>The seed report with goal 1's body, result paragraph and first indicator's name replaced.</summary>
    private static DepartmentReport With(DepartmentReport report, string? body = null, string? result = null, string? indicator = null)
    {
        var groups = report.GoalGroups.Select(g => g with
        {
            Goals = [.. g.Goals.Select(goal => goal.Number != 1 ? goal : goal with
            {
                Body = body is null ? goal.Body : [body],
                Result = result is null ? goal.Result : new ReportResult([new ReportResultBlock("paragraph", null, result, [])]),
                Indicators = indicator is null ? goal.Indicators : [goal.Indicators[0] with { Name = indicator }, .. goal.Indicators.Skip(1)],
            })],
        });
        return report with { GoalGroups = [.. groups] };
    }
}
