using System.IO.Compression;
using Mokuhyo.Data;
using Mokuhyo.Documents.Excel;
using static Mokuhyo.Documents.Tests.Excel.WorkbookEditor;
using Keys = Mokuhyo.Documents.Excel.WorkbookText.Keys;

namespace Mokuhyo.Documents.Tests.Excel;

/// <summary>One seeded database for the whole corpus: every file must leave it exactly as it was.</summary>
public sealed class HostileDatabase : IAsyncLifetime
{
    private string path = string.Empty;

    public MokuhyoDbContext Db { get; private set; } = null!;

    public async ValueTask InitializeAsync() => (Db, path) = await SeedReport.NewDatabaseAsync();

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        SeedReport.DeleteDatabase(path);
    }
}

public sealed class HostileWorkbookTests(SeedReport seed, HostileDatabase database) : IClassFixture<HostileDatabase>
{
    private async Task<byte[]> ExportAsync() => WorkbookExporterTests.Export(await seed.GetAsync());

    /// <summary>Imports the file, checks nothing was written and no exception escaped, and returns the errors.</summary>
    private async Task<IReadOnlyList<ImportError>> RefusedAsync(byte[] file, string phase = WorkbookImporterTests.Phase)
    {
        var before = await DatabaseFingerprint.OfAsync(database.Db);

        var result = await WorkbookImporterTests.ImportAsync(file, database.Db, phase);

        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.DoesNotContain("   at ", e.Text, StringComparison.Ordinal));
        Assert.Equal(before, await DatabaseFingerprint.OfAsync(database.Db));
        return result.Errors;
    }

    private static ImportError Single(IReadOnlyList<ImportError> errors, string code, string? sheet = null, int? row = null, string? column = null)
    {
        var error = Assert.Single(errors, e => e.Code == code);
        Assert.Equal((sheet, row, column), (error.Sheet, error.Row, error.Column));
        return error;
    }

    private async Task<int> IndicatorRowAsync(int goal)
    {
        var cells = WorkbookCells.Read(await ExportAsync());
        return cells["指標"].First(c => c.Column == "B" && c.Value == $"{goal}").Row;
    }

    [Fact]
    public async Task Random_bytes_are_not_a_workbook()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);

        var error = Single(await RefusedAsync(bytes), Keys.FileNotXlsx);
        Assert.Equal("Excel ブック(.xlsx)ではありません。組織目標のテンプレートから作ったファイルを選んでください。", error.Text);
    }

    [Fact]
    public async Task An_empty_file_is_refused() => Single(await RefusedAsync([]), Keys.FileEmpty);

    [Fact]
    public async Task An_old_xls_or_password_protected_file_is_named_as_such()
    {
        byte[] compoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        Single(await RefusedAsync(compoundFile), Keys.FileOldExcel);
    }

    [Fact]
    public async Task An_empty_zip_is_not_a_workbook()
    {
        using var stream = new MemoryStream();
        using (new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
        }

        Single(await RefusedAsync(stream.ToArray()), Keys.FileUnreadable);
    }

    [Fact]
    public async Task A_zip_that_is_not_a_workbook_is_unreadable()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("not a workbook");
        }

        Single(await RefusedAsync(stream.ToArray()), Keys.FileUnreadable);
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_by_its_compression_ratio_before_parsing()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                entry.Write(zeros);
            }
        }

        Assert.True(stream.Length < 200_000);
        var error = Single(await RefusedAsync(stream.ToArray()), Keys.FileCompressionRatio);
        Assert.Contains("zip 爆弾", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_with_thousands_of_parts_is_refused()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < 5000; i++)
            {
                zip.CreateEntry($"x/{i}.xml");
            }
        }

        Single(await RefusedAsync(stream.ToArray()), Keys.FileTooManyEntries);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_without_being_read()
    {
        var bytes = new byte[WorkbookLimits.MaxFileBytes + 1];
        bytes[0] = 0x50;

        var error = Single(await RefusedAsync(bytes), Keys.FileTooLarge);
        Assert.Contains("10 MB", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_sheet_is_named()
    {
        var file = Edit(await ExportAsync(), d => RemoveSheet(d, "指標"));

        Single(await RefusedAsync(file), Keys.TemplateSheetMissing, "指標");
    }

    [Fact]
    public async Task An_edited_header_is_refused_at_its_cell()
    {
        var file = EditSheet(await ExportAsync(), "目標", s => SetText(s, "C1", "タイトル"));

        var error = Single(await RefusedAsync(file), Keys.TemplateHeaderMismatch, "目標", 1, "C");
        Assert.StartsWith("「目標」シート 1行目 C列: 見出しが「目標名」ではありません(「タイトル」になっています)。", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reordered_headers_are_refused()
    {
        var file = EditSheet(await ExportAsync(), "指標", s =>
        {
            SetText(s, "I1", "実績値");
            SetText(s, "M1", "目標値");
        });

        var errors = await RefusedAsync(file);
        Assert.Equal(["I", "M"], errors.Where(e => e.Code == Keys.TemplateHeaderMismatch).Select(e => e.Column));
    }

    [Fact]
    public async Task A_header_removed_is_refused()
    {
        var file = EditSheet(await ExportAsync(), "達成度合", s => SetText(s, "F1", " "));

        Single(await RefusedAsync(file), Keys.TemplateHeaderMissing, "達成度合", 1, "F");
    }

    [Fact]
    public async Task Another_template_or_version_is_refused()
    {
        var file = EditSheet(await ExportAsync(), "説明", s =>
        {
            SetText(s, "B3", "someone-elses-template");
            SetNumber(s, "B4", "2");
        });

        var errors = await RefusedAsync(file);
        Single(errors, Keys.TemplateMarkerMismatch, "説明", 3, "B");
        Single(errors, Keys.TemplateVersionMismatch, "説明", 4, "B");
    }

    [Fact]
    public async Task A_workbook_of_another_phase_or_an_unknown_phase_is_refused()
    {
        var file = await ExportAsync();

        Single(await RefusedAsync(file, "interim"), Keys.ContextPhaseMismatch, "説明", 9, "B");
        Single(await RefusedAsync(file, "no-such-phase"), Keys.ContextPhaseUnknown);
    }

    [Fact]
    public async Task A_formula_is_refused_naming_its_cell()
    {
        var file = EditSheet(await ExportAsync(), "目標", s => SetFormula(s, "C3", "\"多文化\"&\"共生\"", "多文化共生"));

        var error = Single(await RefusedAsync(file), Keys.TemplateFormula, "目標", 3, "C");
        Assert.Equal("「目標」シート 3行目 C列: 数式が入っています。数式ではなく値を入力してください。", error.Text);
    }

    [Fact]
    public async Task A_formula_even_in_a_computed_column_is_refused()
    {
        var row = await IndicatorRowAsync(4);
        var file = EditSheet(await ExportAsync(), "指標", s => SetFormula(s, $"P{row}", $"M{row}/I{row}", "0.88"));

        Single(await RefusedAsync(file), Keys.TemplateFormula, "指標", row, "P");
    }

    [Fact]
    public async Task Text_in_a_numeric_column_is_refused()
    {
        var row = await IndicatorRowAsync(4);
        var file = EditSheet(await ExportAsync(), "指標", s => SetText(s, $"I{row}", "七十"));

        var error = Single(await RefusedAsync(file), Keys.ValueNotDecimal, "指標", row, "I");
        Assert.Equal($"「指標」シート {row}行目 I列: 目標値は数値で入力してください。", error.Text);
    }

    [Fact]
    public async Task Text_in_a_number_key_column_is_refused()
    {
        var file = EditSheet(await ExportAsync(), "目標", s => SetText(s, "B2", "一"));

        Single(await RefusedAsync(file), Keys.ValueNotNumber, "目標", 2, "B");
    }

    [Fact]
    public async Task An_invalid_date_is_refused()
    {
        var row = await IndicatorRowAsync(1);
        var file = EditSheet(await ExportAsync(), "指標", s => SetText(s, $"N{row}", "2023-02-30"));

        var error = Single(await RefusedAsync(file), Keys.ValueNotDate, "指標", row, "N");
        Assert.Contains("実績値の時点は日付(例: 2023-03-31)で入力してください。", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_with_a_time_of_day_is_refused()
    {
        var row = await IndicatorRowAsync(1);
        var file = EditSheet(await ExportAsync(), "指標", s => SetNumber(s, $"N{row}", "44835.5"));

        Single(await RefusedAsync(file), Keys.ValueNotDate, "指標", row, "N");
    }

    [Fact]
    public async Task An_invalid_kind_or_direction_word_is_refused()
    {
        var row = await IndicatorRowAsync(4);
        var file = EditSheet(await ExportAsync(), "指標", s =>
        {
            SetText(s, $"E{row}", "数値");
            SetText(s, $"J{row}", "より多い");
        });

        var errors = await RefusedAsync(file);
        var kind = Assert.Single(errors, e => e.Column == "E");
        Assert.Equal(Keys.ValueInvalidChoice, kind.Code);
        Assert.Contains("「数値目標・期限のある取組・実績の報告・定性的な目標」のいずれか", kind.Text, StringComparison.Ordinal);
        Assert.Equal(Keys.ValueInvalidChoice, Assert.Single(errors, e => e.Column == "J").Code);
    }

    [Fact]
    public async Task A_target_on_an_indicator_that_is_not_numeric_is_refused()
    {
        var row = await IndicatorRowAsync(1);
        var file = EditSheet(await ExportAsync(), "指標", s => SetNumber(s, $"I{row}", "40000"));

        Single(await RefusedAsync(file), Keys.RuleTargetOnlyNumeric, "指標", row, "I");
    }

    [Fact]
    public async Task An_unknown_unit_code_is_refused()
    {
        var file = EditSheet(await ExportAsync(), "目標", s => SetText(s, "D2", "no-such-division"));

        var error = Single(await RefusedAsync(file), Keys.RefUnknownUnit, "目標", 2, "D");
        Assert.Contains("主たる担当課コード「no-such-division」の課はこの年度の組織にありません。", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_department_is_refused()
    {
        var file = EditSheet(await ExportAsync(), "説明", s => SetText(s, "A16", "no-such-department"));

        var errors = await RefusedAsync(file);
        Single(errors, Keys.RefUnknownDepartment, "説明", 16, "A");
        Assert.Contains(errors, e => e.Code == Keys.RefDepartmentNotListed && e.Sheet == "目標");
    }

    [Fact]
    public async Task A_duplicated_goal_number_is_refused()
    {
        var file = EditSheet(await ExportAsync(), "目標", s => SetNumber(s, "B3", "1"));

        var error = Single(await RefusedAsync(file), Keys.DupGoal, "目標", 3, "B");
        Assert.Contains("目標番号1が重複しています(2行目と同じです)", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicated_indicator_row_is_refused()
    {
        var row = await IndicatorRowAsync(4);
        var file = EditSheet(await ExportAsync(), "指標", s => CopyRowToEnd(s, row));

        Assert.Contains(await RefusedAsync(file), e => e.Code == Keys.DupIndicator && e.Sheet == "指標" && e.Column == "C");
    }

    [Fact]
    public async Task An_indicator_of_a_goal_not_in_the_goal_sheet_is_refused()
    {
        var row = await IndicatorRowAsync(4);
        var file = EditSheet(await ExportAsync(), "指標", s => SetNumber(s, $"B{row}", "99"));

        Single(await RefusedAsync(file), Keys.RefUnknownGoal, "指標", row, "B");
    }

    [Fact]
    public async Task Ten_thousand_empty_rows_are_refused_at_the_first_row_past_the_limit()
    {
        var file = EditSheet(await ExportAsync(), "目標", s => AppendEmptyRows(s, 10_000));

        var error = Single(await RefusedAsync(file), Keys.TemplateTooManyRows, "目標", WorkbookLimits.MaxRowsPerSheet + 2);
        Assert.Contains("5000行まで", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_in_a_column_the_template_does_not_have_is_refused()
    {
        var file = EditSheet(await ExportAsync(), "目標", s =>
        {
            var row = s.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ElementAt(2);
            row.Append(new DocumentFormat.OpenXml.Spreadsheet.Cell
            {
                CellReference = "M3",
                DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString,
                InlineString = new DocumentFormat.OpenXml.Spreadsheet.InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text("メモ")),
            });
        });

        Single(await RefusedAsync(file), Keys.TemplateExtraColumn, "目標", 3, "M");
    }

    [Fact]
    public async Task A_title_longer_than_the_limit_in_text_elements_is_refused()
    {
        var file = EditSheet(await ExportAsync(), "目標", s => SetText(s, "C2", string.Concat(Enumerable.Repeat("𠮷", 201))));

        var error = Single(await RefusedAsync(file), Keys.ValueTooLong, "目標", 2, "C");
        Assert.Contains("200文字以内", error.Text, StringComparison.Ordinal);
        Assert.Contains("201文字", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_type_declaration_is_refused_without_being_expanded()
    {
        var file = ReplaceEntry(await ExportAsync(), "xl/worksheets/sheet3.xml", xml =>
            xml.Replace("<x:worksheet", "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><x:worksheet", StringComparison.Ordinal));

        Single(await RefusedAsync(file), Keys.FileUnreadable);
    }

    [Fact]
    public async Task Many_errors_are_listed_up_to_the_limit_with_a_note()
    {
        var file = EditSheet(await ExportAsync(), "目標", s =>
        {
            for (var i = 0; i < 150; i++)
            {
                CopyRowToEnd(s, 2);
            }
        });

        var errors = await RefusedAsync(file);
        Assert.Equal(WorkbookLimits.MaxErrors + 1, errors.Count);
        Assert.Equal(Keys.ErrorsTooMany, errors[^1].Code);
    }
}
