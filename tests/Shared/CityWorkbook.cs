using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Mokuhyo.Tests.Common;

/// <summary>Builds a workbook in a city's own layout: strings as inline text, numbers as numbers, "=..." as a formula.</summary>
public static class CityWorkbook
{
    public static byte[] Build(params (string Sheet, object?[][] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Length; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        var reference = $"{(char)('A' + c)}{r + 1}";
                        switch (rows[r][c])
                        {
                            case null:
                                break;
                            case string s when s.StartsWith('='):
                                row.Append(new Cell { CellReference = reference, CellFormula = new CellFormula(s[1..]), CellValue = new CellValue("1") });
                                break;
                            case string s:
                                row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s)) });
                                break;
                            case IConvertible n:
                                row.Append(new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToString(n, CultureInfo.InvariantCulture)!) });
                                break;
                        }
                    }

                    data.Append(row);
                }

                part.Worksheet = new Worksheet(data);
                workbook.Workbook.Sheets!.Append(new Sheet { Name = name, SheetId = id++, Id = workbook.GetIdOfPart(part) });
            }
        }

        return stream.ToArray();
    }
}
