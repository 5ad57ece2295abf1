using System.Text;
using Mokuhyo.Data;
using Mokuhyo.Documents.Excel;
using Mokuhyo.Documents.OpenData;
using Mokuhyo.Documents.Pdf;
using Mokuhyo.Documents.Tests.Excel;
using Mokuhyo.Documents.Tests.Pdf;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Tests.Common;

namespace Mokuhyo.Documents.Tests.Templates;

/// <summary>Each sample municipality of the example formats, published, written as PDF, Excel and CSV with its facts present.</summary>
public sealed class ExampleDocumentsTests : IClassFixture<ExampleDocumentsTests.Published>
{
    private readonly Published published;

    public ExampleDocumentsTests(Published published) => this.published = published;

    public static TheoryData<string> Examples => new(ExampleFacts.Names);

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_pdf_shows_the_example_formats_words_fields_and_figures(string name)
    {
        var facts = ExampleFacts.Named(name);
        var report = await published.ReportAsync(facts);
        using var pdf = new MemoryStream();
        new ReportPdfWriter().WriteDepartment(report, pdf);
        var text = Compact(Poppler.Text(pdf.ToArray()));

        Assert.Contains(Compact(report.Title), text, StringComparison.Ordinal);
        Assert.Contains(Compact(report.Heading(facts.Format.Labels.GoalsHeading)), text, StringComparison.Ordinal);
        foreach (var title in facts.PlanSectionTitles)
        {
            Assert.Contains(Compact(report.Heading(title)), text, StringComparison.Ordinal);
        }

        AssertContainsAll(facts.TextsIn("pdf"), text);
        AssertRatingsShown(report, text);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_workbook_carries_the_example_formats_fields_and_figures(string name)
    {
        var facts = ExampleFacts.Named(name);
        var report = await published.ReportAsync(facts);
        using var xlsx = new MemoryStream();
        WorkbookExporter.Write([report], xlsx);
        var sheets = WorkbookCells.Read(xlsx.ToArray());
        var text = Compact(string.Join("\n", sheets.SelectMany(s => s.Value.Select(c => c.Value))));

        Assert.Contains(WorkbookTemplate.FieldSheet, sheets.Keys);
        AssertContainsAll(facts.TextsIn("excel"), text);
        foreach (var goal in report.Goals)
        {
            Assert.Contains(Compact(goal.Rating.Label), text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_open_data_lists_the_example_formats_fields_and_plans(string name)
    {
        var facts = ExampleFacts.Named(name);
        var report = await published.ReportAsync(facts);
        var context = new OpenDataContext(Domain.Municipalities.LocalGovernmentCode.Parse(facts.File.Municipality.Code),
            facts.File.Municipality.Name, facts.File.Municipality.Prefecture, Domain.Municipalities.Municipality.DefaultLicenceName,
            Domain.Municipalities.Municipality.DefaultLicenceUrl);
        string Csv(OpenDataDataset dataset)
        {
            using var stream = new MemoryStream();
            OpenDataCsvWriter.Write(dataset, context, [report], stream);
            return Encoding.UTF8.GetString(stream.ToArray());
        }

        var fields = Csv(OpenDataDataset.Fields);
        AssertContainsAll(facts.TextsIn("csv").Except(report.Goals.Select(g => g.Title)), Compact(fields));
        var plans = Compact(Csv(OpenDataDataset.Plans));
        AssertContainsAll(facts.TextsIn("pdf").Where(t => !report.Goals.Any(g => g.Title == t) && !report.Goals.Any(g => g.Fields.Any(f => f.Lines.Contains(t)))), plans);
        var goals = Compact(Csv(OpenDataDataset.Goals));
        foreach (var goal in report.Goals)
        {
            Assert.Contains(Compact(goal.Title), goals, StringComparison.Ordinal);
            Assert.Contains(Compact(goal.Rating.Label), goals, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Fields_hidden_from_an_output_stay_out_of_it()
    {
        // 進捗の説明 of the five-step example is shown in HTML, PDF and Excel but not in the open data.
        var facts = ExampleFacts.All.Single(e => e.Format.GoalFields.Any(f => !f.ShowsIn(Domain.Formats.FormatOutput.Csv)));
        var hidden = facts.Format.GoalFields.First(f => !f.ShowsIn(Domain.Formats.FormatOutput.Csv));
        var phase = facts.LatestPhase.Key;
        var value = facts.Department.Goals.Select(g => g.Fields.GetValueOrDefault(phase)?.GetValueOrDefault(hidden.Key)).First(v => v is not null)!;

        Assert.DoesNotContain(Compact(value), facts.TextsIn("csv").Select(Compact));
        Assert.Contains(value, facts.TextsIn("pdf"));
    }

    private static void AssertRatingsShown(DepartmentReport report, string text)
    {
        foreach (var goal in report.Goals)
        {
            Assert.Contains(Compact(goal.Rating.Label), text, StringComparison.Ordinal);
            if (goal.ComputedRating is { } computed)
            {
                Assert.Contains(Compact(report.Labels.ComputedRatingHeading + computed.Label), text.Replace(":", string.Empty, StringComparison.Ordinal),
                    StringComparison.Ordinal);
            }
        }
    }

    private static void AssertContainsAll(IEnumerable<string> facts, string text)
    {
        foreach (var fact in facts)
        {
            Assert.Contains(Compact(fact), text, StringComparison.Ordinal);
        }
    }

    /// <summary>Without the line breaks and spaces that wrapping puts into extracted text.</summary>
    private static string Compact(string text) =>
        new([.. text.Where(c => !char.IsWhiteSpace(c))]);

    /// <summary>The example municipalities loaded once into a fresh database, as the demo-data path loads them.</summary>
    public sealed class Published : IAsyncLifetime
    {
        private Data.MokuhyoDbContext? db;
        private string? path;

        public async ValueTask InitializeAsync()
        {
            (db, path) = await SeedReport.NewDatabaseAsync(withDemoData: false);
            Assert.Equal(ExampleFacts.All.Count, await SeedReport.Loader(db).LoadExampleDataAsync());
        }

        public async Task<DepartmentReport> ReportAsync(ExampleFacts facts) =>
            await new PublicCatalog(db!).FindReportAsync(facts.Slug, new FiscalYear(facts.Year), facts.Department.Unit)
                ?? throw new InvalidOperationException($"{facts.Name} was not published.");

        public async ValueTask DisposeAsync()
        {
            if (db is not null)
            {
                await db.DisposeAsync();
                SeedReport.DeleteDatabase(path!);
            }
        }
    }
}
