using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Mokuhyo.Documents.Tests.Excel;

/// <summary>One cell as read back: its raw value, whether it is a number, and the text Excel would show.</summary>
public sealed record CellRead(string Reference, int Row, string Column, string Value, bool IsNumber, string Shown);

/// <summary>Reads a workbook's cells the way a person or a comparison sees them, independently of the importer.</summary>
public static class WorkbookCells
{
    public static Dictionary<string, List<CellRead>> Read(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        using var document = SpreadsheetDocument.Open(stream, false);
        var part = document.WorkbookPart!;
        var shared = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(Text).ToList() ?? [];
        var formats = part.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().Select(f => f.NumberFormatId?.Value ?? 0).ToList();
        var codes = part.WorkbookStylesPart.Stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];

        var sheets = new Dictionary<string, List<CellRead>>(StringComparer.Ordinal);
        foreach (var sheet in part.Workbook.Sheets!.Elements<Sheet>())
        {
            var worksheet = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet;
            var cells = new List<CellRead>();
            foreach (var cell in worksheet.Descendants<Cell>())
            {
                var reference = cell.CellReference!.Value!;
                var column = new string([.. reference.TakeWhile(char.IsAsciiLetter)]);
                var row = int.Parse(reference[column.Length..], CultureInfo.InvariantCulture);
                string? value;
                var isNumber = false;
                if (cell.DataType?.Value == CellValues.InlineString)
                {
                    value = Text(cell.InlineString!);
                }
                else if (cell.DataType?.Value == CellValues.SharedString)
                {
                    value = shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)];
                }
                else
                {
                    value = cell.CellValue?.Text;
                    isNumber = value is not null;
                }

                if (value is null)
                {
                    continue;
                }

                var shown = value;
                if (isNumber && cell.StyleIndex?.Value is { } style && codes.TryGetValue(formats[(int)style], out var code))
                {
                    var number = decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
                    shown = code switch
                    {
                        "yyyy-mm-dd" => DateOnly.FromDateTime(DateTime.FromOADate((double)number)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        "0.0%" => (number * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%",
                        _ => value,
                    };
                }

                cells.Add(new CellRead(reference, row, column, value, isNumber, shown));
            }

            sheets.Add(sheet.Name!.Value!, cells);
        }

        return sheets;
    }

    /// <summary>Every sheet's cells as "sheet!A1=value" lines, for comparing two workbooks' content.</summary>
    public static List<string> Content(byte[] workbook) =>
        [.. Read(workbook).SelectMany(s => s.Value.Select(c => $"{s.Key}!{c.Reference}={(c.IsNumber ? "n:" : "s:")}{c.Value}"))];

    /// <summary>The cell of a sheet in a column whose row matches, or null.</summary>
    public static CellRead? At(Dictionary<string, List<CellRead>> sheets, string sheet, string reference) =>
        sheets[sheet].FirstOrDefault(c => c.Reference == reference);

    private static string Text(DocumentFormat.OpenXml.OpenXmlElement item) =>
        string.Concat(item.Elements<Text>().Select(t => t.Text).Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? string.Empty)));
}
