using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data;
using Mokuhyo.Documents.Excel;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Reports;
using static Mokuhyo.Documents.Tests.Excel.WorkbookEditor;

namespace Mokuhyo.Documents.Tests.Excel;

public sealed class WorkbookImporterTests(SeedReport seed)
{
    internal const string Phase = "year-end";

    internal static Task<ImportResult> ImportAsync(byte[] workbook, MokuhyoDbContext db, string phase = Phase) =>
        WorkbookImporter.ImportAsync(new MemoryStream(workbook), db, "iruma", 2022, phase, TestContext.Current.CancellationToken);

    internal static async Task<DepartmentReport> DraftAsync(MokuhyoDbContext db)
    {
        var department = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Code == "shimin-seikatsu", TestContext.Current.CancellationToken);
        return await DraftReports.BuildAsync(db, department.Id, Phase, TimeProvider.System, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Export_import_export_gives_the_same_cells_on_every_sheet()
    {
        var first = WorkbookExporterTests.Export(await seed.GetAsync());
        var (db, path) = await SeedReport.NewDatabaseAsync();
        try
        {
            var result = await ImportAsync(first, db);
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));

            var second = WorkbookExporterTests.Export(await DraftAsync(db));

            Assert.Equal(WorkbookCells.Content(first), WorkbookCells.Content(second));
        }
        finally
        {
            await db.DisposeAsync();
            SeedReport.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task Importing_into_emptied_drafts_creates_records_that_export_the_same_cells()
    {
        var first = WorkbookExporterTests.Export(await seed.GetAsync());
        var (db, path) = await SeedReport.NewDatabaseAsync();
        try
        {
            var ct = TestContext.Current.CancellationToken;
            await db.Goals.ExecuteDeleteAsync(ct);
            await db.PlanItems.ExecuteDeleteAsync(ct);

            var result = await ImportAsync(first, db);

            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            Assert.Equal((9, 0, 13), (result.GoalsCreated, result.GoalsUpdated, result.IndicatorsCreated));
            Assert.Equal(WorkbookCells.Content(first), WorkbookCells.Content(WorkbookExporterTests.Export(await DraftAsync(db))));

            // A second import finds what the first inserted and changes nothing.
            var before = await DatabaseFingerprint.OfAsync(db);
            Assert.True((await ImportAsync(first, db)).Succeeded);
            Assert.Equal(before, await DatabaseFingerprint.OfAsync(db));
        }
        finally
        {
            await db.DisposeAsync();
            SeedReport.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task Importing_an_unchanged_export_changes_no_record_and_no_version()
    {
        var workbook = WorkbookExporterTests.Export(await seed.GetAsync());
        var (db, path) = await SeedReport.NewDatabaseAsync();
        try
        {
            var before = await DatabaseFingerprint.OfAsync(db);

            var result = await ImportAsync(workbook, db);

            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            Assert.Equal((0, 9, 0), (result.GoalsCreated, result.GoalsUpdated, result.DeletedGoals.Count));
            Assert.Equal(before, await DatabaseFingerprint.OfAsync(db));
        }
        finally
        {
            await db.DisposeAsync();
            SeedReport.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task An_edited_workbook_updates_the_drafts_and_leaves_the_published_report_as_it_was()
    {
        var report = await seed.GetAsync();
        var cells = WorkbookCells.Read(WorkbookExporterTests.Export(report));
        var indicatorRow = cells["指標"].Single(c => c.Column == "B" && c.Value == "4").Row;
        var workbook = Edit(WorkbookExporterTests.Export(report), document =>
        {
            SetText(Sheet(document, "目標"), "C2", "コミュニティ活動の活発なまちづくりの推進 𠮷");
            SetNumber(Sheet(document, "指標"), $"M{indicatorRow}", "72.5");
            SetText(Sheet(document, "部の計画"), "G2", "書き換えた基本方向");
        });
        var (db, path) = await SeedReport.NewDatabaseAsync();
        try
        {
            var publishedBefore = await db.PublishedReports.AsNoTracking().Select(p => p.Json).ToListAsync(TestContext.Current.CancellationToken);
            var versionBefore = await db.Goals.Where(g => g.Number == 1).Select(g => g.Version).SingleAsync(TestContext.Current.CancellationToken);

            var result = await ImportAsync(workbook, db);

            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            var draft = await DraftAsync(db);
            var goal1 = draft.Goals.Single(g => g.Number == 1);
            Assert.Equal("コミュニティ活動の活発なまちづくりの推進 𠮷", goal1.Title);
            var goal4 = draft.Goals.Single(g => g.Number == 4);
            Assert.Equal(72.5m, goal4.Indicators[0].Actual!.Value);
            Assert.Equal("met", goal4.Rating.Outcome);
            Assert.Equal("書き換えた基本方向", draft.PlanSections[0].Items[0].Text);
            Assert.Equal(versionBefore + 1, await db.Goals.Where(g => g.Number == 1).Select(g => g.Version).SingleAsync(TestContext.Current.CancellationToken));

            Assert.Equal(publishedBefore, await db.PublishedReports.AsNoTracking().Select(p => p.Json).ToListAsync(TestContext.Current.CancellationToken));
            var published = await new PublicCatalog(db).FindReportAsync("iruma", new FiscalYear(2022), "shimin-seikatsu",
                cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal("コミュニティ活動の活発なまちづくりの促進", published!.Goals.Single(g => g.Number == 1).Title);
            Assert.Equal(61.7m, published.Goals.Single(g => g.Number == 4).Indicators[0].Actual!.Value);
        }
        finally
        {
            await db.DisposeAsync();
            SeedReport.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task Goals_missing_from_the_sheet_are_deleted_and_reported_and_new_numbers_are_created()
    {
        var report = await seed.GetAsync();
        var workbook = Edit(WorkbookExporterTests.Export(report), document =>
        {
            // Goal 9 becomes goal 10: the old goal 9 goes, a new goal 10 comes, with its indicators and results.
            foreach (var (sheet, column) in new[] { ("目標", "B"), ("指標", "B"), ("達成度合", "B") })
            {
                var worksheet = Sheet(document, sheet);
                foreach (var cell in worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
                    .Where(c => c.CellReference!.Value!.StartsWith(column, StringComparison.Ordinal) && c.CellValue?.Text == "9").ToList())
                {
                    SetNumber(worksheet, cell.CellReference!, "10");
                }
            }
        });
        var (db, path) = await SeedReport.NewDatabaseAsync();
        try
        {
            var result = await ImportAsync(workbook, db);

            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            Assert.Equal((1, 8), (result.GoalsCreated, result.GoalsUpdated));
            var deleted = Assert.Single(result.DeletedGoals);
            Assert.Equal(new DeletedGoal("shimin-seikatsu", 9, "地域防犯対策の強化"), deleted);
            Assert.Contains(result.Notices, n => n.Contains("目標9「地域防犯対策の強化」はシートにないため削除しました", StringComparison.Ordinal));
            var draft = await DraftAsync(db);
            Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 10], draft.Goals.Select(g => g.Number));
            var goal10 = draft.Goals.Single(g => g.Number == 10);
            Assert.Equal(3, goal10.Indicators.Count);
            Assert.Equal(169602m, goal10.Indicators[0].Actual!.Value);
            Assert.Equal(2, goal10.Result!.Blocks.Count);
        }
        finally
        {
            await db.DisposeAsync();
            SeedReport.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task Another_phase_is_kept_by_an_import_and_goes_with_a_deleted_goal()
    {
        var ct = TestContext.Current.CancellationToken;
        var report = await seed.GetAsync();
        var interim = WorkbookExporterTests.Export(report with { Phase = new ReportPhase("interim", "中間報告", "interim") });
        var yearEnd = Edit(WorkbookExporterTests.Export(report), document =>
        {
            foreach (var sheet in new[] { "目標", "指標", "達成度合" })
            {
                var worksheet = Sheet(document, sheet);
                foreach (var cell in worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
                    .Where(c => c.CellReference!.Value!.StartsWith('B') && c.CellValue?.Text == "9").ToList())
                {
                    SetNumber(worksheet, cell.CellReference!, "10");
                }
            }
        });
        var (db, path) = await SeedReport.NewDatabaseAsync();
        try
        {
            Assert.True((await ImportAsync(interim, db, "interim")).Succeeded);
            var interimActuals = await db.IndicatorActuals.CountAsync(a => a.PhaseKey == "interim", ct);
            var goal9 = await db.Goals.SingleAsync(g => g.Number == 9, ct);
            var goal9Actuals = await db.IndicatorActuals.CountAsync(
                a => a.PhaseKey == "interim" && db.Indicators.Any(i => i.Id == a.IndicatorId && i.GoalId == goal9.Id), ct);

            var result = await ImportAsync(yearEnd, db);

            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            Assert.Equal(9, Assert.Single(result.DeletedGoals).Number);
            Assert.Equal(interimActuals - goal9Actuals, await db.IndicatorActuals.CountAsync(a => a.PhaseKey == "interim", ct));
            Assert.Equal(8, await db.GoalResults.CountAsync(r => r.PhaseKey == "interim", ct));
            Assert.False(await db.GoalResults.AnyAsync(r => r.GoalId == goal9.Id, ct));
        }
        finally
        {
            await db.DisposeAsync();
            SeedReport.DeleteDatabase(path);
        }
    }
}
