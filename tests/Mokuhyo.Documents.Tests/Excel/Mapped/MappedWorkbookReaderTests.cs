using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data;
using Mokuhyo.Documents.Excel;
using Mokuhyo.Documents.Excel.Mapped;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Tests.Common;
using Keys = Mokuhyo.Documents.Excel.WorkbookText.Keys;

namespace Mokuhyo.Documents.Tests.Excel.Mapped;

public sealed class MappedWorkbookReaderTests
{
    private const string Sheet = "R4取組";

    // Another order and other words than the template: a title row, then the headers on row 2.
    private static readonly object?[] Headers = ["No.", "取組名", "所管課", "担当", "指標", "現状", "目標", "単位", "方向", "計画"];

    internal static ColumnMapping Mapping { get; } = new(Sheet, 2, new Dictionary<MappedField, string>
    {
        [MappedField.GoalNumber] = "No.",
        [MappedField.GoalTitle] = "取組名",
        [MappedField.Department] = "所管課",
        [MappedField.LeadUnit] = "担当",
        [MappedField.IndicatorName] = "指標",
        [MappedField.Baseline] = "現状",
        [MappedField.Target] = "目標",
        [MappedField.Unit] = "単位",
        [MappedField.Direction] = "方向",
        [MappedField.PlanReferences] = "計画",
    });

    internal static byte[] Workbook(params object?[][] rows) =>
        CityWorkbook.Build(("表紙", [["令和4年度 取組一覧"]]), (Sheet, [["令和4年度 部の取組"], Headers, .. rows]));

    internal static byte[] Valid() => Workbook(
        [10, "𠮷野川の清掃", "市民生活部", "交通防犯課", "清掃回数", 3, 6, "回", "以上", "第6次総合計画\n環境基本計画"],
        [10, "𠮷野川の清掃", "shimin-seikatsu", "交通防犯課", "参加者数", 120, 200, "人", null, null],
        [11, "窓口の待ち時間の短縮", "市民生活部", null, "平均待ち時間", 30, 15, "分", "以下", null]);

    private static Task<MappedPreview> PreviewAsync(byte[] file, MokuhyoDbContext db, ColumnMapping? mapping = null) =>
        MappedWorkbookReader.PreviewAsync(new MemoryStream(file), db, "iruma", 2022, "year-end", mapping ?? Mapping, TestContext.Current.CancellationToken);

    private static Task<ImportResult> ImportAsync(byte[] file, MokuhyoDbContext db, ImportGate? gate = null) =>
        MappedWorkbookReader.ImportAsync(new MemoryStream(file), db, "iruma", 2022, "year-end", Mapping, gate, TestContext.Current.CancellationToken);

    private static async Task WithDatabaseAsync(Func<MokuhyoDbContext, Task> test)
    {
        var (db, path) = await SeedReport.NewDatabaseAsync();
        try
        {
            await test(db);
        }
        finally
        {
            await db.DisposeAsync();
            SeedReport.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task The_outline_lists_the_sheets_and_the_headers_of_the_chosen_row()
    {
        var outline = await MappedWorkbookReader.OutlineAsync(new MemoryStream(Valid()), Sheet, 2, TestContext.Current.CancellationToken);

        Assert.Empty(outline.Errors);
        Assert.Equal(["表紙", Sheet], outline.SheetNames);
        Assert.Equal(Headers.Cast<string>(), outline.Headers);

        var first = await MappedWorkbookReader.OutlineAsync(new MemoryStream(Valid()), null, 1, TestContext.Current.CancellationToken);
        Assert.Equal("表紙", first.Sheet);
        Assert.Equal(["令和4年度 取組一覧"], first.Headers);
    }

    [Fact]
    public Task The_preview_groups_rows_into_goals_per_department_and_writes_nothing() => WithDatabaseAsync(async db =>
    {
        var before = await DatabaseFingerprint.OfAsync(db);

        var preview = await PreviewAsync(Valid(), db);

        Assert.True(preview.Succeeded, string.Join("\n", preview.Errors));
        var department = Assert.Single(preview.Departments);
        Assert.Equal(("shimin-seikatsu", "市民生活部"), (department.Code, department.Name));
        Assert.Equal([(10, "𠮷野川の清掃", "交通防犯課"), (11, "窓口の待ち時間の短縮", "市民生活部")],
            department.Goals.Select(g => (g.Number, g.Title, g.LeadUnit)));
        Assert.Equal(["清掃回数", "参加者数"], department.Goals[0].Indicators);
        Assert.Equal((2, 3), (preview.GoalCount, preview.IndicatorCount));
        Assert.Equal(before, await DatabaseFingerprint.OfAsync(db));
    });

    [Fact]
    public Task The_import_adds_goals_and_indicators_and_keeps_the_existing_ones() => WithDatabaseAsync(async db =>
    {
        var ct = TestContext.Current.CancellationToken;
        var goalsBefore = await db.Goals.CountAsync(ct);
        var plansBefore = await db.PlanItems.CountAsync(ct);

        var result = await ImportAsync(Valid(), db);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(["shimin-seikatsu"], result.Departments);
        Assert.Equal((2, 0, 3), (result.GoalsCreated, result.GoalsUpdated, result.IndicatorsCreated));
        Assert.Empty(result.DeletedGoals);
        Assert.Equal(goalsBefore + 2, await db.Goals.CountAsync(ct));
        Assert.Equal(plansBefore, await db.PlanItems.CountAsync(ct));

        var goal = await db.Goals.AsNoTracking().Include(g => g.Indicators).SingleAsync(g => g.Number == 10, ct);
        Assert.Equal("𠮷野川の清掃", goal.Title);
        Assert.Equal(["第6次総合計画", "環境基本計画"], goal.PlanReferences);
        var indicators = goal.Indicators.OrderBy(i => i.Ordinal).ToList();
        Assert.Equal(("清掃回数", IndicatorKind.Numeric, 3m, 6m, "回", TargetDirection.AtLeast),
            (indicators[0].Name, indicators[0].Kind, indicators[0].BaselineValue, indicators[0].TargetValue, indicators[0].Unit, indicators[0].Direction));
        var lead = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == goal.LeadUnitId, ct);
        Assert.Equal("kotsu-bohan", lead.Code);
        var waiting = await db.Indicators.AsNoTracking().SingleAsync(i => i.Name == "平均待ち時間", ct);
        Assert.Equal(TargetDirection.AtMost, waiting.Direction);

        // The same file again: every goal number now exists, so nothing is added twice.
        var again = await ImportAsync(Valid(), db);
        Assert.False(again.Succeeded);
        Assert.All(again.Errors, e => Assert.Equal(Keys.MappedGoalExists, e.Code));
        Assert.Equal(goalsBefore + 2, await db.Goals.CountAsync(ct));
    });

    [Fact]
    public Task Every_problem_is_listed_with_its_row_and_column_header_and_nothing_is_written() => WithDatabaseAsync(async db =>
    {
        var before = await DatabaseFingerprint.OfAsync(db);
        var file = Workbook(
            [10, "正しい行", "市民生活部", null, "回数", 1, 2, "回", "以上", null],
            [11, "数値でない現状", "市民生活部", null, "回数", "三", 2, "回", "以上", null],
            [12, "知らない部", "総務部", null, null, null, null, null, null, null],
            [1, "既存の番号", "市民生活部", null, null, null, null, null, null, null],
            [13, "方向の誤り", "市民生活部", null, "回数", 1, 2, "回", "多い方", null],
            [10, "別の目標名", "市民生活部", null, "回数", 1, 2, "回", "以上", null],
            [null, "番号なし", "市民生活部", null, null, null, null, null, null, null]);

        var result = await ImportAsync(file, db);

        Assert.False(result.Succeeded);
        Assert.Equal(
        [
            ("「R4取組」シート 4行目 F「現状」列", 4, "F「現状」"),
            ("「R4取組」シート 5行目 C「所管課」列", 5, "C「所管課」"),
            ("「R4取組」シート 6行目 A「No.」列", 6, "A「No.」"),
            ("「R4取組」シート 7行目 I「方向」列", 7, "I「方向」"),
            ("「R4取組」シート 8行目 B「取組名」列", 8, "B「取組名」"),
            ("「R4取組」シート 9行目 A「No.」列", 9, "A「No.」"),
        ], result.Errors.Select(e => (e.Text.Split(':')[0], e.Row!.Value, e.Column!)));
        Assert.Contains("「総務部」という部", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("目標番号1の目標がすでにあります", result.Errors[2].Message, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseFingerprint.OfAsync(db));

        var preview = await PreviewAsync(file, db);
        Assert.Equal(result.Errors.Select(e => e.Text), preview.Errors.Select(e => e.Text));
        Assert.Empty(preview.Departments);
    });

    [Fact]
    public Task A_mapping_to_a_missing_header_or_without_a_required_field_is_refused() => WithDatabaseAsync(async db =>
    {
        var columns = Mapping.Columns.Where(c => c.Key != MappedField.GoalTitle).ToDictionary();
        columns[MappedField.Baseline] = "現状値";

        var preview = await PreviewAsync(Valid(), db, Mapping with { Columns = columns });

        Assert.Equal([Keys.MappedFieldNotMapped, Keys.MappedHeaderNotFound], preview.Errors.Select(e => e.Code));
        Assert.Contains("目標名", preview.Errors[0].Text, StringComparison.Ordinal);
        Assert.Contains("「現状値」が2行目にありません", preview.Errors[1].Text, StringComparison.Ordinal);

        var wrongSheet = await PreviewAsync(Valid(), db, Mapping with { SheetName = "R5取組" });
        Assert.Equal(Keys.MappedSheetMissing, Assert.Single(wrongSheet.Errors).Code);
    });

    [Fact]
    public Task The_gate_refuses_the_whole_import() => WithDatabaseAsync(async db =>
    {
        var before = await DatabaseFingerprint.OfAsync(db);

        var result = await ImportAsync(Valid(), db, (_, _) => Task.FromResult<string?>("提出済みのため変更できません。"));

        Assert.Equal("提出済みのため変更できません。", Assert.Single(result.Errors).Message);
        Assert.Equal(before, await DatabaseFingerprint.OfAsync(db));
    });

    [Fact]
    public Task Hostile_files_get_the_template_imports_checks() => WithDatabaseAsync(async db =>
    {
        async Task<string> RefusedAsync(byte[] file) => Assert.Single((await PreviewAsync(file, db)).Errors).Code;

        Assert.Equal(Keys.FileEmpty, await RefusedAsync([]));
        Assert.Equal(Keys.FileNotXlsx, await RefusedAsync("not a workbook"u8.ToArray()));

        using var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                entry.Write(zeros);
            }
        }

        Assert.Equal(Keys.FileCompressionRatio, await RefusedAsync(bomb.ToArray()));

        var formula = Workbook([10, "=\"𠮷野\"&\"川\"", "市民生活部", null, null, null, null, null, null, null]);
        var error = Assert.Single((await PreviewAsync(formula, db)).Errors);
        Assert.Equal((Keys.TemplateFormula, 3, "B「取組名」"), (error.Code, error.Row, error.Column));
    });
}
