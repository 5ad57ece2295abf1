using System.Globalization;
using System.Text.RegularExpressions;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Tests.Common;

namespace Mokuhyo.Documents.Tests.Pdf;

/// <summary>The compendium of a fiscal year: cover, contents that point at the right pages, each department from a new page.</summary>
public sealed partial class CompendiumPdfTests(SeedReport seed)
{
    private async Task<(IReadOnlyList<DepartmentReport> Reports, byte[] Pdf)> CompendiumAsync()
    {
        var report = await seed.GetAsync();
        IReadOnlyList<DepartmentReport> reports =
        [
            Pdfs.AsDepartment(report, "somu", "総務部"),
            report,
            Pdfs.AsDepartment(report, "kenko-fukushi", "健康福祉部"),
        ];
        return (reports, Pdfs.Compendium(SeedFacts.Municipality, "令和4年度", reports));
    }

    [Fact]
    public async Task Compendium_opens_with_a_cover_naming_the_city_and_the_year()
    {
        var (_, pdf) = await CompendiumAsync();

        var cover = SeedFacts.Squash(Poppler.Text(pdf, 1, 1));
        Assert.StartsWith("入間市令和4年度組織目標", cover, StringComparison.Ordinal);
        Assert.Contains("収録3部", cover, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contents_give_the_page_on_which_each_department_starts()
    {
        var (reports, pdf) = await CompendiumAsync();
        var pages = Poppler.Pages(pdf);

        var entries = Contents(Poppler.Text(pdf, 2, 2, layout: true));
        Assert.Equal(reports.Select(Title), entries.Select(e => e.Title));
        foreach (var (title, page) in entries)
        {
            // The department begins at the top of that page, and its title is on no later page.
            var lines = pages[page - 1].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(["入間市", title], lines[..2]);
            var others = Enumerable.Range(3, pages.Count - 2).Where(p => p != page && pages[p - 1].Contains(title, StringComparison.Ordinal));
            Assert.Empty(others);
        }

        Assert.Equal(entries.Select(e => e.Page).Order(), entries.Select(e => e.Page));
        Assert.Equal(3, entries[0].Page);
    }

    [Fact]
    public async Task Each_department_starts_on_a_new_page_after_the_previous_one_ends()
    {
        var (reports, pdf) = await CompendiumAsync();
        var single = Poppler.PageCount(Pdfs.Department(reports[0]));

        var entries = Contents(Poppler.Text(pdf, 2, 2, layout: true));
        Assert.Equal([3, 3 + single, 3 + 2 * single], entries.Select(e => e.Page));
        Assert.Equal(2 + 3 * single, Poppler.PageCount(pdf));
    }

    [Fact]
    public async Task Every_page_of_the_compendium_has_its_number_in_the_footer()
    {
        var (_, pdf) = await CompendiumAsync();

        var bottoms = Poppler.BottomLines(pdf);
        Assert.Equal(Poppler.PageCount(pdf), bottoms.Count);
        Assert.Equal(bottoms.Select((_, k) => $"{k + 1}/{bottoms.Count}"), bottoms.Select(SeedFacts.Squash));
    }

    [Fact]
    public async Task Compendium_holds_every_fact_of_each_department()
    {
        var (_, pdf) = await CompendiumAsync();
        var text = Poppler.Text(pdf);

        Assert.Empty(SeedFacts.Missing(text, SeedFacts.Department));
        Assert.Empty(SeedFacts.Missing(text, SeedFacts.Goals.SelectMany(g => g.Facts)));
        Assert.Equal(3, Regex.Count(SeedFacts.Squash(text), Regex.Escape("1コミュニティ活動の活発なまちづくりの促進")) / 2);
    }

    [Fact]
    public async Task Compendium_metadata_names_the_city_year_and_language()
    {
        var (_, pdf) = await CompendiumAsync();

        var info = Poppler.Info(pdf);
        Assert.Matches(@"(?m)^Title:\s+入間市 令和4年度 組織目標$", info);
        Assert.Matches(@"(?m)^Author:\s+入間市$", info);
        Assert.Matches(@"(?m)^Creator:\s+Mokuhyo$", info);
        Assert.Contains("/Lang(ja)", System.Text.Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        Assert.All(Poppler.Fonts(pdf), f => Assert.True(f.Embedded && f.Subset && f.Unicode, f.Name));
    }

    [Fact]
    public async Task Contents_span_pages_when_there_are_many_departments_and_still_point_right()
    {
        var report = await seed.GetAsync();
        var reports = Enumerable.Range(1, 40).Select(n => Pdfs.AsDepartment(report, $"dept-{n}", $"第{n}部")).ToList();
        var pdf = Pdfs.Compendium(SeedFacts.Municipality, "令和4年度", reports);
        var pages = Poppler.Pages(pdf);

        var contentsPages = pages.Skip(1).TakeWhile(p => !p.Contains("公表段階", StringComparison.Ordinal)).Count();
        Assert.True(contentsPages >= 2, $"{contentsPages} contents page(s)");
        var entries = Contents(Poppler.Text(pdf, 2, 1 + contentsPages, layout: true));
        Assert.Equal(reports.Select(Title), entries.Select(e => e.Title));
        foreach (var (title, page) in entries)
        {
            var lines = pages[page - 1].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(title, lines[1]);
        }
    }

    private static string Title(DepartmentReport report) => $"{report.Title}({report.FiscalYearLabel})";

    private static List<(string Title, int Page)> Contents(string layoutText) =>
    [
        .. ContentsEntry().Matches(layoutText)
            .Select(m => (m.Groups["title"].Value, int.Parse(m.Groups["page"].Value, CultureInfo.InvariantCulture))),
    ];

    [GeneratedRegex(@"(?m)^\s*(?<title>\S.*の目標\(.+?\))\s+(?<page>\d+)\s*$")]
    private static partial Regex ContentsEntry();
}
