using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Mokuhyo.Documents.Tests.Excel;

/// <summary>Edits a workbook the way a person (or an attacker) would, to build the files import is given.</summary>
public static class WorkbookEditor
{
    public static byte[] Edit(byte[] workbook, Action<SpreadsheetDocument> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            edit(document);
        }

        return stream.ToArray();
    }

    public static byte[] EditSheet(byte[] workbook, string sheet, Action<Worksheet> edit) =>
        Edit(workbook, document => edit(Sheet(document, sheet)));

    public static Worksheet Sheet(SpreadsheetDocument document, string name)
    {
        var part = document.WorkbookPart!;
        var sheet = part.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet;
    }

    public static Cell Cell(Worksheet worksheet, string reference) =>
        worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);

    public static void SetText(Worksheet worksheet, string reference, string text)
    {
        var cell = Cell(worksheet, reference);
        cell.CellFormula = null;
        cell.CellValue = null;
        cell.DataType = CellValues.InlineString;
        cell.InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    public static void SetNumber(Worksheet worksheet, string reference, string number)
    {
        var cell = Cell(worksheet, reference);
        cell.InlineString = null;
        cell.DataType = null;
        cell.CellValue = new CellValue(number);
    }

    public static void SetFormula(Worksheet worksheet, string reference, string formula, string cachedValue)
    {
        var cell = Cell(worksheet, reference);
        cell.InlineString = null;
        cell.DataType = CellValues.String;
        cell.CellFormula = new CellFormula(formula);
        cell.CellValue = new CellValue(cachedValue);
    }

    /// <summary>Appends a copy of a row as a new last row.</summary>
    public static void CopyRowToEnd(Worksheet worksheet, int row)
    {
        var data = worksheet.GetFirstChild<SheetData>()!;
        var source = data.Elements<Row>().Single(r => r.RowIndex! == (uint)row);
        var next = data.Elements<Row>().Max(r => r.RowIndex!.Value) + 1;
        var copy = (Row)source.CloneNode(true);
        copy.RowIndex = next;
        foreach (var cell in copy.Elements<Cell>())
        {
            cell.CellReference = new string([.. cell.CellReference!.Value!.TakeWhile(char.IsAsciiLetter)]) + next;
        }

        data.Append(copy);
    }

    /// <summary>Rows that hold nothing but a format, as Excel writes them when a whole range was formatted.</summary>
    public static void AppendEmptyRows(Worksheet worksheet, int count)
    {
        var data = worksheet.GetFirstChild<SheetData>()!;
        var next = data.Elements<Row>().Max(r => r.RowIndex!.Value) + 1;
        for (var i = 0; i < count; i++)
        {
            var index = next + (uint)i;
            data.Append(new Row(new Cell { CellReference = $"A{index}", StyleIndex = 2 }) { RowIndex = index });
        }
    }

    public static void RemoveSheet(SpreadsheetDocument document, string name)
    {
        var part = document.WorkbookPart!;
        var sheet = part.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        part.DeletePart(sheet.Id!);
        sheet.Remove();
    }

    /// <summary>Replaces a part's bytes directly in the zip, bypassing the SDK (which would refuse to write hostile XML).</summary>
    public static byte[] ReplaceEntry(byte[] workbook, string entryName, Func<string, string> rewrite)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(entryName)!;
            string text;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            {
                text = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(entryName).Open(), new UTF8Encoding(false));
            writer.Write(rewrite(text));
        }

        return stream.ToArray();
    }
}
