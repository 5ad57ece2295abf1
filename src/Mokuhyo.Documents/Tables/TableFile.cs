using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Mokuhyo.Documents.OpenData;

namespace Mokuhyo.Documents.Tables;

/// <summary>
/// A plain table (a heading row, then rows of text or numbers) written as CSV or as an Excel
/// workbook, for lists staff download such as the progress board.
/// </summary>
public static class TableFile
{
    private static readonly CsvWriterOptions Options = OpenDataCsvWriter.Options;

    /// <summary>UTF-8 with a BOM, so Excel opens the Japanese text correctly on double-click; the stream is left open.</summary>
    public static async Task WriteCsvAsync(IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<object?>> rows, Stream output,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headings);
        ArgumentNullException.ThrowIfNull(rows);
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var heading in headings)
        {
            csv.WriteField(heading);
        }

        await csv.EndRecordAsync(cancellationToken);
        foreach (var row in rows)
        {
            foreach (var cell in row)
            {
                var text = cell switch
                {
                    null => null,
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var other => other.ToString(),
                };
                if (text is not null && cell is string && SpreadsheetText.NeedsGuard(text))
                {
                    // A name beginning with = or + must not become a formula in the reader's spreadsheet.
                    csv.WriteField(SpreadsheetText.Protect(text), CsvQuoting.Always);
                }
                else
                {
                    csv.WriteField(text);
                }
            }

            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>One worksheet; numbers stay numbers so Excel can sort and sum them.</summary>
    public static void WriteXlsx(string sheetName, IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<object?>> rows, Stream output)
    {
        ArgumentNullException.ThrowIfNull(headings);
        ArgumentNullException.ThrowIfNull(rows);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(RowOf(headings.Cast<object?>().ToList()));
        foreach (var row in rows)
        {
            data.Append(RowOf(row));
        }

        sheetPart.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        workbook.Workbook.Save();
    }

    private static Row RowOf(IReadOnlyList<object?> cells)
    {
        var row = new Row();
        foreach (var value in cells)
        {
            row.Append(value switch
            {
                null => new Cell(),
                int or long or decimal or double => new Cell
                {
                    DataType = CellValues.Number,
                    CellValue = new CellValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)),
                },
                _ => new Cell
                {
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "") { Space = SpaceProcessingModeValues.Preserve }),
                },
            });
        }

        return row;
    }
}
