using PdfSharp.Drawing;

namespace Mokuhyo.Documents.Pdf;

/// <summary>A font, size, weight and colour; <see cref="Leading"/> sets the line height.</summary>
internal sealed record TextStyle(string Family, double Size, bool Bold = false, double Leading = 1.5, XKnownColor Color = XKnownColor.Black)
{
    public double LineHeight => Size * Leading;
}

/// <summary>Page geometry in points (A4 portrait as PDFsharp defines it), origin at the top left.</summary>
internal static class PageFrame
{
    public const double Width = 595;
    public const double Height = 842;
    public const double Left = 46;
    public const double Right = Width - 46;
    public const double Top = 48;
    public const double Bottom = Height - 58;
    public const double FooterTop = Height - 38;
    public const double ContentWidth = Right - Left;
}

/// <summary>Something drawn on a page, positioned in page coordinates.</summary>
internal abstract record PageItem;

/// <summary>Text whose top-left corner is at (X, Y); already broken, so it is drawn on one line.</summary>
internal sealed record TextItem(double X, double Y, string Text, TextStyle Style) : PageItem;

internal sealed record RuleItem(double X1, double Y1, double X2, double Y2, double Thickness, XKnownColor Color, bool Dotted = false) : PageItem;

internal sealed record BoxItem(double X, double Y, double Width, double Height, XKnownColor? Fill, XKnownColor? Stroke, double Thickness = 0.5) : PageItem;

/// <summary>A city's emblem and name above the page's top margin, with a rule beneath (see <see cref="PdfBrand"/>).</summary>
internal sealed record BrandHeaderItem(PdfBrand Brand) : PageItem
{
    /// <summary>The band sits in the top margin, above <see cref="PageFrame.Top"/>, so the content's layout never moves.</summary>
    public const double Top = 12;

    public const double EmblemHeight = 26;

    public const double EmblemMaxWidth = 60;

    public const double RuleY = 42;
}

/// <summary>A clickable area that jumps to a page of the same document (0-based).</summary>
internal sealed record LinkItem(double X, double Y, double Width, double Height, int TargetPage) : PageItem;

/// <summary>One line of a text block: its height and what it draws, relative to its top-left corner.</summary>
internal sealed record Line(double Height, IReadOnlyList<TextItem> Texts)
{
    /// <summary>Rules drawn with the line (the dotted leader of a table of contents).</summary>
    public IReadOnlyList<RuleItem> Rules { get; init; } = [];

    public static Line Space(double height) => new(height, []);
}

/// <summary>A column of a row: lines stacked from the top, with padding, an optional fill.</summary>
internal sealed record Cell(double X, double Width, IReadOnlyList<Line> Lines)
{
    public double PadTop { get; init; }

    public double PadBottom { get; init; }

    public double PadLeft { get; init; }

    public XKnownColor? Fill { get; init; }

    public double ContentHeight => Lines.Sum(l => l.Height);

    public double Height => Lines.Count == 0 ? 0 : PadTop + ContentHeight + PadBottom;
}

/// <summary>How a row is framed: not at all, or as table cells with borders.</summary>
internal enum RowFrame
{
    None,
    Grid,
}

/// <summary>An outline (bookmark) entry that points at the page where its row lands.</summary>
internal sealed record Bookmark(string Title, int Level);

/// <summary>
/// A horizontal band of the flow: one or more cells side by side, as tall as the tallest. A row that
/// does not fit the rest of a page continues on the next one, split between lines, each cell on its own.
/// </summary>
internal sealed record Row(IReadOnlyList<Cell> Cells)
{
    public double SpaceBefore { get; init; }

    public double SpaceAfter { get; init; }

    /// <summary>Never leave this row last on a page (headings, captions, table headers).</summary>
    public bool KeepWithNext { get; init; }

    /// <summary>Repeated above this row, or its continuation, when it starts a page (column and table headings).</summary>
    public Row? Header { get; init; }

    public RowFrame Frame { get; init; }

    public Bookmark? Bookmark { get; init; }

    /// <summary>Makes the whole row a link to this page of the document (0-based): entries of a table of contents.</summary>
    public int? LinkTarget { get; init; }

    /// <summary>Starts a new page (each department of a compendium).</summary>
    public bool PageBreakBefore { get; init; }

    public double Height => Cells.Count == 0 ? 0 : Cells.Max(c => c.Height);

    public static Row Single(IReadOnlyList<Line> lines, double x = PageFrame.Left, double width = PageFrame.ContentWidth) =>
        new([new Cell(x, width, lines)]);
}

/// <summary>A page once laid out: what to draw, and where its bookmarks point.</summary>
internal sealed class LaidOutPage
{
    public List<PageItem> Items { get; } = [];

    public List<Bookmark> Bookmarks { get; } = [];
}
