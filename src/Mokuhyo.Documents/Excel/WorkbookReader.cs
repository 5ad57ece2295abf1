using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace Mokuhyo.Documents.Excel;

/// <summary>What a cell held, before its column's rules are applied.</summary>
internal enum RawKind
{
    Text = 0,
    Number = 1,
    Boolean = 2,
    Error = 3,

    /// <summary>An ISO 8601 date cell (t="d"), which some spreadsheet programs write.</summary>
    Date = 4,
}

internal readonly record struct RawCell(int Column, RawKind Kind, string Value);

internal sealed class RawRow(int number)
{
    public int Number { get; } = number;

    public List<RawCell> Cells { get; } = [];

    public RawCell? this[int column]
    {
        get
        {
            foreach (var cell in Cells)
            {
                if (cell.Column == column)
                {
                    return cell;
                }
            }

            return null;
        }
    }

    public bool IsBlank => Cells.All(c => c.Kind == RawKind.Text && string.IsNullOrWhiteSpace(c.Value));
}

internal sealed record RawSheet(string Name, IReadOnlyList<RawRow> Rows);

/// <summary>
/// Reads the template's sheets from a checked package, streaming each worksheet's XML so that a huge
/// used range is refused at the first row past the limit, without being loaded. Formulas are refused
/// where they stand; phonetic guides (furigana Excel keeps beside Japanese text) are not part of a value.
/// </summary>
internal static class WorkbookReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = WorkbookLimits.MaxUncompressedBytes,
        CloseInput = true,
    };

    /// <summary>The template's sheets by name, or null when the file cannot be read as a workbook.</summary>
    public static Dictionary<string, RawSheet>? Read(MemoryStream package, IEnumerable<string> sheetNames, ErrorCollector errors,
        CancellationToken cancellationToken)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(package, false, new OpenSettings
            {
                AutoSave = false,
                MaxCharactersInPart = WorkbookLimits.MaxUncompressedBytes,
            });
            if (document.DocumentType != DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook)
            {
                errors.File(WorkbookText.Keys.FileNotWorkbook);
                return null;
            }

            var workbookPart = document.WorkbookPart;
            if (workbookPart is null)
            {
                errors.File(WorkbookText.Keys.FileUnreadable);
                return null;
            }

            var parts = SheetParts(workbookPart);
            var shared = workbookPart.SharedStringTablePart is { } sharedPart ? SharedStrings(sharedPart) : [];
            var sheets = new Dictionary<string, RawSheet>(StringComparer.Ordinal);
            foreach (var name in sheetNames)
            {
                if (parts.TryGetValue(name, out var part))
                {
                    sheets.Add(name, ReadSheet(name, part, shared, errors, cancellationToken));
                }
                else
                {
                    errors.Add(WorkbookText.Keys.TemplateSheetMissing, name, null, null, name);
                }
            }

            return sheets;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or XmlException or InvalidDataException or IOException
            or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException or NotSupportedException)
        {
            // A hostile or damaged file: say so once, without the parser's words.
            errors.File(WorkbookText.Keys.FileUnreadable);
            return null;
        }
    }

    /// <summary>The names of the workbook's sheets in their order, or null when the file cannot be read as a workbook.</summary>
    public static IReadOnlyList<string>? SheetNames(MemoryStream package, ErrorCollector errors)
    {
        try
        {
            package.Position = 0;
            using var document = SpreadsheetDocument.Open(package, false, new OpenSettings
            {
                AutoSave = false,
                MaxCharactersInPart = WorkbookLimits.MaxUncompressedBytes,
            });
            if (document.DocumentType != DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook || document.WorkbookPart is null)
            {
                errors.File(WorkbookText.Keys.FileNotWorkbook);
                return null;
            }

            return [.. SheetParts(document.WorkbookPart).Keys];
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or XmlException or InvalidDataException or IOException
            or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException or NotSupportedException)
        {
            errors.File(WorkbookText.Keys.FileUnreadable);
            return null;
        }
        finally
        {
            package.Position = 0;
        }
    }

    private static Dictionary<string, WorksheetPart> SheetParts(WorkbookPart workbookPart)
    {
        var parts = new Dictionary<string, WorksheetPart>(StringComparer.Ordinal);
        using var xml = XmlReader.Create(workbookPart.GetStream(FileMode.Open, FileAccess.Read), Settings);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
            {
                var name = xml.GetAttribute("name");
                var id = Attribute(xml, "id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
                    ?? Attribute(xml, "id", "http://purl.oclc.org/ooxml/officeDocument/relationships");
                if (name is not null && id is not null && workbookPart.TryGetPartById(id, out var part) && part is WorksheetPart sheet)
                {
                    parts.TryAdd(name, sheet);
                }
            }
        }

        return parts;
    }

    private static string? Attribute(XmlReader xml, string localName, string ns) => xml.GetAttribute(localName, ns);

    // Every reader below is called on a start element and returns with the cursor past that element's end,
    // so loops never call Read() after it and never step over a sibling.

    private static List<string> SharedStrings(SharedStringTablePart part)
    {
        var strings = new List<string>();
        using var xml = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), Settings);
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                strings.Add(RichText(xml));
                continue;
            }

            xml.Read();
        }

        return strings;
    }

    /// <summary>The text of an si or is element: its t, and the t of its runs; never the t of a phonetic run (rPh).</summary>
    private static string RichText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return string.Empty;
        }

        var depth = xml.Depth;
        var text = new System.Text.StringBuilder();
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName is "rPh" or "phoneticPr")
            {
                xml.Skip();
                continue;
            }

            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                text.Append(xml.ReadElementContentAsString());
                continue;
            }

            xml.Read();
        }

        xml.Read();
        return CellText.Unescape(text.ToString());
    }

    private static RawSheet ReadSheet(string name, WorksheetPart part, List<string> shared, ErrorCollector errors,
        CancellationToken cancellationToken)
    {
        var rows = new List<RawRow>();
        RawRow? current = null;
        var lastRow = 0;
        var lastColumn = -1;
        using var xml = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), Settings);
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "row")
            {
                var number = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : lastRow + 1;
                if (number <= lastRow)
                {
                    throw new InvalidDataException("Rows out of order.");
                }

                if (number > WorkbookLimits.MaxRowsPerSheet + 1)
                {
                    errors.Add(WorkbookText.Keys.TemplateTooManyRows, name, number, null, WorkbookLimits.MaxRowsPerSheet);
                    break;
                }

                if (number % 256 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                current = new RawRow(number);
                rows.Add(current);
                lastRow = number;
                lastColumn = -1;
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "c" && current is not null)
            {
                var column = ColumnIndex(xml.GetAttribute("r"), current.Number) ?? lastColumn + 1;
                if (column <= lastColumn)
                {
                    throw new InvalidDataException("Cells out of order.");
                }

                lastColumn = column;
                var (hasFormula, cell) = ReadCell(xml, column, shared);
                if (hasFormula)
                {
                    errors.Add(WorkbookText.Keys.TemplateFormula, name, current.Number, column);
                }
                else if (cell is { } value)
                {
                    current.Cells.Add(value);
                }

                continue;
            }

            xml.Read();
        }

        return new RawSheet(name, rows);
    }

    private static (bool HasFormula, RawCell? Value) ReadCell(XmlReader xml, int column, List<string> shared)
    {
        var type = xml.GetAttribute("t");
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return (false, null);
        }

        var depth = xml.Depth;
        var formula = false;
        string? value = null;
        string? inline = null;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
                continue;
            }

            switch (xml.LocalName)
            {
                case "f":
                    formula = true;
                    xml.Skip();
                    break;
                case "v":
                    value = xml.ReadElementContentAsString();
                    break;
                case "is":
                    inline = RichText(xml);
                    break;
                default:
                    xml.Skip();
                    break;
            }
        }

        xml.Read();
        if (formula)
        {
            return (true, null);
        }

        RawCell? cell = type switch
        {
            "s" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count
                ? new RawCell(column, RawKind.Text, shared[index])
                : throw new InvalidDataException("Unknown shared string."),
            "inlineStr" => new RawCell(column, RawKind.Text, inline ?? string.Empty),
            "str" => value is null ? null : new RawCell(column, RawKind.Text, CellText.Unescape(value)),
            "b" => value is null ? null : new RawCell(column, RawKind.Boolean, value),
            "e" => value is null ? null : new RawCell(column, RawKind.Error, value),
            "d" => value is null ? null : new RawCell(column, RawKind.Date, value),
            _ => value is null ? null : new RawCell(column, RawKind.Number, value.Trim()),
        };
        return (false, cell);
    }

    /// <summary>The 0-based column of a reference such as "H5", checking that it is on the expected row.</summary>
    private static int? ColumnIndex(string? reference, int row)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetterUpper(reference[i]); i++)
        {
            column = (column * 26) + (reference[i] - 'A' + 1);
            if (column > 16384)
            {
                throw new InvalidDataException("Column out of range.");
            }
        }

        if (i == 0 || !int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var r) || r != row)
        {
            throw new InvalidDataException("Bad cell reference.");
        }

        return column - 1;
    }
}
