using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Mokuhyo.Documents.Excel;

/// <summary>The cell formats of the template; the numbers are indexes into the stylesheet's cellXfs.</summary>
internal static class WorkbookStyles
{
    public const uint Default = 0;
    public const uint Header = 1;
    public const uint Text = 2;
    public const uint Code = 3;
    public const uint Number = 4;
    public const uint Date = 5;
    public const uint Reference = 6;
    public const uint Percent = 7;
    public const uint Title = 8;
    public const uint Label = 9;
    public const uint ReferenceHeader = 10;

    private const uint DateFormatId = 164;
    private const uint PercentFormatId = 165;

    public static uint ForColumn(ColumnKind kind) => kind switch
    {
        ColumnKind.Code or ColumnKind.Choice => Code,
        ColumnKind.Number or ColumnKind.Figure => Number,
        ColumnKind.Date => Date,
        ColumnKind.Reference or ColumnKind.Computed => Reference,
        ColumnKind.ComputedPercent => Percent,
        _ => Text,
    };

    public static uint HeaderFor(ColumnKind kind) =>
        kind is ColumnKind.Reference or ColumnKind.Computed or ColumnKind.ComputedPercent ? ReferenceHeader : Header;

    public static Stylesheet Build()
    {
        static Font Font(bool bold = false, double size = 11)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }

            font.Append(new FontSize { Val = size }, new FontName { Val = "游ゴシック" }, new FontFamilyNumbering { Val = 3 },
                new FontCharSet { Val = 128 });
            return font;
        }

        static Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = rgb }, new BackgroundColor { Indexed = 64 })
        {
            PatternType = PatternValues.Solid,
        });

        static Border Thin()
        {
            static T Side<T>() where T : BorderPropertiesType, new() =>
                new() { Style = BorderStyleValues.Thin, Color = new Color { Rgb = "FFBFBFBF" } };
            return new Border(Side<LeftBorder>(), Side<RightBorder>(), Side<TopBorder>(), Side<BottomBorder>(), new DiagonalBorder());
        }

        static CellFormat Format(uint font = 0, uint fill = 0, uint border = 1, uint numberFormat = 0, bool wrap = false, bool top = true)
        {
            var format = new CellFormat
            {
                FontId = font,
                FillId = fill,
                BorderId = border,
                NumberFormatId = numberFormat,
                FormatId = 0,
                ApplyFont = font != 0,
                ApplyFill = fill != 0,
                ApplyBorder = border != 0,
                ApplyNumberFormat = numberFormat != 0,
                ApplyAlignment = true,
            };
            format.Append(new Alignment
            {
                WrapText = wrap,
                Vertical = top ? VerticalAlignmentValues.Top : VerticalAlignmentValues.Center,
            });
            return format;
        }

        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "yyyy-mm-dd" },
                new NumberingFormat { NumberFormatId = PercentFormatId, FormatCode = "0.0%" })
            { Count = 2 },
            new Fonts(Font(), Font(bold: true), Font(bold: true, size: 14)) { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                Solid("FFDDEBF7"),
                Solid("FFF2F2F2"))
            { Count = 4 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), Thin())
            { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                Format(font: 1, fill: 2, wrap: true, top: false),
                Format(wrap: true),
                Format(),
                Format(),
                Format(numberFormat: DateFormatId),
                Format(fill: 3, wrap: true),
                Format(fill: 3, numberFormat: PercentFormatId),
                Format(font: 2, border: 0),
                Format(font: 1, border: 0),
                Format(font: 1, fill: 3, wrap: true, top: false))
            { Count = 11 },
            new CellStyles(new CellStyle { Name = "標準", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    /// <summary>A header row that stays in view while scrolling.</summary>
    public static SheetViews FrozenHeader(bool selected) => new(new SheetView(
        new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
        new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
    {
        WorkbookViewId = 0,
        TabSelected = selected ? true : null,
    });
}
