using System.Collections;
using System.Reflection;
using System.Resources;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Documents.Excel;
using static Mokuhyo.Documents.Tests.Excel.WorkbookEditor;

namespace Mokuhyo.Documents.Tests.Excel;

public sealed class ExcelSavedWorkbookTests(SeedReport seed)
{
    [Fact]
    public async Task Shared_strings_are_read_as_excel_saves_them_without_their_phonetic_guides_and_with_rich_text_joined()
    {
        // Excel saves text as shared strings, keeps the reading (furigana) typed through the IME beside
        // it, and splits formatted text into runs; the value is the text alone.
        var workbook = Edit(WorkbookExporterTests.Export(await seed.GetAsync()), document =>
        {
            var part = document.WorkbookPart!.AddNewPart<SharedStringTablePart>();
            part.SharedStringTable = new SharedStringTable(
                new SharedStringItem(
                    new Text("多文化共生社会のまちづくり"),
                    new PhoneticRun(new Text("タブンカキョウセイ")) { BaseTextStartIndex = 0, EndingBaseIndex = 4 },
                    new PhoneticProperties { FontId = 1 }),
                new SharedStringItem(
                    new Run(new Text("地区センター")),
                    new Run(new RunProperties(new Bold()), new Text("開設準備 _x0041_ ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve })));
            var goals = Sheet(document, "目標");
            foreach (var (reference, index) in new[] { ("C3", "0"), ("C4", "1") })
            {
                var cell = Cell(goals, reference);
                cell.InlineString = null;
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(index);
            }
        });
        var (db, path) = await SeedReport.NewDatabaseAsync();
        try
        {
            var result = await WorkbookImporterTests.ImportAsync(workbook, db);

            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            var titles = await db.Goals.Where(g => g.Number == 2 || g.Number == 3).OrderBy(g => g.Number).Select(g => g.Title)
                .ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(["多文化共生社会のまちづくり", "地区センター開設準備 A "], titles);
        }
        finally
        {
            await db.DisposeAsync();
            SeedReport.DeleteDatabase(path);
        }
    }

    [Fact]
    public void Every_message_key_is_in_the_japanese_resource_file()
    {
        var keys = typeof(WorkbookText.Keys).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetValue(null)!).ToList();
        var resources = new ResourceManager("Mokuhyo.Documents.Excel.WorkbookText", typeof(WorkbookText).Assembly)
            .GetResourceSet(System.Globalization.CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<DictionaryEntry>().Select(e => (string)e.Key).ToHashSet();

        Assert.Equal(keys.Order(StringComparer.Ordinal), resources.Order(StringComparer.Ordinal));
        Assert.All(keys, k => Assert.Matches(@"\p{IsHiragana}|\p{IsKatakana}|\p{IsCJKUnifiedIdeographs}", WorkbookText.Get(k)));
    }
}
