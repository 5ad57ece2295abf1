using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Mokuhyo.Documents.Excel;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Tests.Common;

namespace Mokuhyo.Documents.Tests.Excel;

public sealed class WorkbookExporterTests(SeedReport seed)
{
    internal static byte[] Export(params DepartmentReport[] reports)
    {
        using var output = new MemoryStream();
        WorkbookExporter.Write(reports, output);
        return output.ToArray();
    }

    [Fact]
    public async Task The_workbook_has_the_template_sheets_in_order_and_is_valid_open_xml()
    {
        var bytes = Export(await seed.GetAsync());

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var names = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["説明", "部の計画", "目標", "指標", "達成度合"], names);
        var errors = new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Every_seed_fact_is_in_the_exported_cells()
    {
        var sheets = WorkbookCells.Read(Export(await seed.GetAsync()));

        var all = string.Join("\n", sheets.Values.SelectMany(cells => cells).Select(c => c.Shown));
        Assert.Empty(SeedFacts.Missing(all, SeedFacts.Department));
        Assert.Empty(SeedFacts.Missing(all, [SeedFacts.Municipality, SeedFacts.MunicipalityCode, SeedFacts.DepartmentCode]));

        foreach (var goal in SeedFacts.Goals)
        {
            var text = string.Join("\n", GoalRows(sheets, goal.Number).Select(c => c.Shown));
            var facts = goal.Facts.Append(goal.Title).Append(goal.Division).Concat(goal.Rating is null ? [] : [goal.Rating]);
            Assert.True(SeedFacts.Missing(text, facts) is { Count: 0 }, $"goal {goal.Number} lacks: {string.Join(", ", SeedFacts.Missing(text, facts))}");
        }
    }

    [Fact]
    public async Task Figures_are_numbers_and_dates_are_real_dates()
    {
        var sheets = WorkbookCells.Read(Export(await seed.GetAsync()));
        var row = IndicatorRow(sheets, goal: 1, indicator: 1);

        var actual = row.Single(c => c.Column == "M");
        Assert.True(actual.IsNumber);
        Assert.Equal("40070", actual.Value);
        var asOf = row.Single(c => c.Column == "N");
        Assert.True(asOf.IsNumber);
        Assert.Equal("2022-10-01", asOf.Shown);

        var ratio = IndicatorRow(sheets, goal: 4, indicator: 1).Single(c => c.Column == "P");
        Assert.True(ratio.IsNumber);
        Assert.Equal("88.1%", ratio.Shown);
        Assert.Equal("2022", WorkbookCells.At(sheets, "説明", "B7")!.Value);
    }

    [Fact]
    public async Task Header_rows_are_bold_and_frozen()
    {
        var bytes = Export(await seed.GetAsync());

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var part = document.WorkbookPart!;
        var stylesheet = part.WorkbookStylesPart!.Stylesheet;
        foreach (var sheet in part.Workbook.Sheets!.Elements<Sheet>().Skip(1))
        {
            var worksheet = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet;
            var pane = worksheet.Descendants<Pane>().Single();
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(1d, pane.VerticalSplit!.Value);
            var header = worksheet.Descendants<Row>().First().Elements<Cell>().First();
            var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)header.StyleIndex!.Value);
            var font = stylesheet.Fonts!.Elements<Font>().ElementAt((int)format.FontId!.Value);
            Assert.NotNull(font.Bold);
            Assert.NotEmpty(worksheet.Descendants<Column>());
        }
    }

    [Fact]
    public async Task Text_that_looks_like_an_excel_escape_or_holds_control_characters_survives_exactly()
    {
        var report = await seed.GetAsync();
        var goal = report.GoalGroups[0].Goals[0];
        var odd = "𠮷野家 髙﨑 _x0041_ tab\tcr\r\u0001end";
        var edited = report with
        {
            GoalGroups = [report.GoalGroups[0] with { Goals = [goal with { Title = odd }, .. report.GoalGroups[0].Goals.Skip(1)] }, .. report.GoalGroups.Skip(1)],
        };

        var sheets = WorkbookCells.Read(Export(edited));

        // The reader used here does not decode Excel's escapes; the importer does (round-trip tests).
        Assert.Equal("𠮷野家 髙﨑 _x005F_x0041_ tab\tcr_x000D__x0001_end", WorkbookCells.At(sheets, "目標", "C2")!.Value);
    }

    [Fact]
    public async Task Reports_of_different_years_or_phases_are_refused()
    {
        var report = await seed.GetAsync();

        Assert.Throws<ArgumentException>(() => Export(report, report with { FiscalYear = 2023, Department = report.Department with { Code = "other" } }));
        Assert.Throws<ArgumentException>(() => Export(report, report));
        Assert.Throws<ArgumentException>(() => Export());
    }

    internal static IEnumerable<CellRead> GoalRows(Dictionary<string, List<CellRead>> sheets, int goal)
    {
        foreach (var sheet in new[] { "目標", "指標", "達成度合" })
        {
            var rows = sheets[sheet].Where(c => c.Column == "B" && c.Value == goal.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Select(c => c.Row).ToHashSet();
            foreach (var cell in sheets[sheet].Where(c => rows.Contains(c.Row)))
            {
                yield return cell;
            }
        }
    }

    private static List<CellRead> IndicatorRow(Dictionary<string, List<CellRead>> sheets, int goal, int indicator)
    {
        var cells = sheets["指標"];
        var row = cells.Where(c => c.Column == "B" && c.Value == $"{goal}")
            .Select(c => c.Row)
            .Single(r => cells.Any(c => c.Row == r && c.Column == "C" && c.Value == $"{indicator}"));
        return [.. cells.Where(c => c.Row == row)];
    }
}
