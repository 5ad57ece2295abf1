using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Mokuhyo.Documents.Excel;

/// <summary>A cell to write: text or a number (dates are numbers with a date style); null text leaves it blank.</summary>
internal readonly record struct OutCell(string? Value, bool IsNumber, uint Style)
{
    public static OutCell Text(string? text, uint style) => new(string.IsNullOrEmpty(text) ? null : text, false, style);

    public static OutCell Number(decimal? value, uint style) => new(value is { } v ? CellText.Number(v) : null, true, style);

    public static OutCell Date(DateOnly? date) => new(date is { } d ? CellText.Serial(d) : null, true, WorkbookStyles.Date);
}

/// <summary>
/// Streams one worksheet row by row (a year of a large city is hundreds of thousands of cells, too many
/// to hold as a document tree).
/// </summary>
internal sealed class SheetWriter : IDisposable
{
    private readonly OpenXmlWriter writer;
    private int row;
    private bool finished;

    public SheetWriter(WorksheetPart part, IEnumerable<double> widths, SheetViews? views)
    {
        writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        if (views is not null)
        {
            writer.WriteElement(views);
        }

        writer.WriteElement(new Columns(widths.Select((width, i) => new Column
        {
            Min = (uint)i + 1,
            Max = (uint)i + 1,
            Width = width,
            CustomWidth = true,
        })));
        writer.WriteStartElement(new SheetData());
    }

    public void Skip() => row++;

    public void Row(params ReadOnlySpan<OutCell> cells)
    {
        row++;
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", string.Empty, row.ToString(CultureInfo.InvariantCulture))]);
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i];
            var reference = WorkbookTemplate.ColumnLetter(i) + row.ToString(CultureInfo.InvariantCulture);
            if (cell.Value is null)
            {
                writer.WriteElement(new Cell { CellReference = reference, StyleIndex = cell.Style });
            }
            else if (cell.IsNumber)
            {
                writer.WriteElement(new Cell { CellReference = reference, StyleIndex = cell.Style, CellValue = new CellValue(cell.Value) });
            }
            else
            {
                writer.WriteElement(new Cell
                {
                    CellReference = reference,
                    StyleIndex = cell.Style,
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(CellText.Escape(cell.Value)) { Space = SpaceProcessingModeValues.Preserve }),
                });
            }
        }

        writer.WriteEndElement();
    }

    /// <summary>Closes the sheet data and writes what follows it in a worksheet.</summary>
    public void Finish(DataValidations? validations = null)
    {
        writer.WriteEndElement();
        if (validations is not null)
        {
            writer.WriteElement(validations);
        }

        writer.WriteElement(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        writer.WriteEndElement();
        finished = true;
    }

    public void Dispose()
    {
        if (!finished)
        {
            Finish();
        }

        writer.Dispose();
    }
}
