using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Mokuhyo.Documents.Pdf;

/// <summary>Which font draws a text element.</summary>
internal enum Coverage
{
    /// <summary>The style's IPAex font has every glyph.</summary>
    Primary,

    /// <summary>IPAex lacks a glyph that IPAmj明朝 (installed on this machine) has.</summary>
    Fallback,

    /// <summary>No font here has it: a missing-glyph box is drawn, and the text is kept as ActualText.</summary>
    Missing,

    /// <summary>Control and format characters (RLM, ZWJ alone...): nothing to draw.</summary>
    Invisible,
}

/// <summary>
/// How one text element is drawn: its advance, its font, and the characters drawn; ignorable ones
/// (variation selectors, ZWJ) are left out of those, as IPAex has no glyph for them.
/// </summary>
internal readonly record struct Shaped(double Width, Coverage Coverage, string Drawn);

/// <summary>
/// Measures and breaks text in the PDF's fonts, and builds the lines of the layout. One instance per
/// document (it caches fonts and widths and is not thread-safe).
/// </summary>
internal sealed class Typesetter : IDisposable
{
    private readonly XGraphics measure;
    private readonly Dictionary<TextStyle, Face> faces = [];

    public Typesetter()
    {
        PdfFonts.EnsureInstalled();
        measure = XGraphics.CreateMeasureContext(new XSize(PageFrame.Width, PageFrame.Height), XGraphicsUnit.Point, XPageDirection.Downwards);
    }

    public XFont Font(TextStyle style) => FaceOf(style).Primary;

    public XFont FallbackFont(TextStyle style) => FaceOf(style).Fallback
        ?? throw new InvalidOperationException("The fallback font is not installed.");

    public Shaped Shape(string element, TextStyle style)
    {
        var face = FaceOf(style);
        if (!face.Shapes.TryGetValue(element, out var shaped))
        {
            shaped = ShapeUncached(element, face);
            face.Shapes.Add(element, shaped);
        }

        return shaped;
    }

    public double Width(string text, TextStyle style)
    {
        var width = 0.0;
        foreach (var element in LineBreaker.TextElements(text))
        {
            width += Shape(element, style).Width;
        }

        return width;
    }

    public IReadOnlyList<string> Break(string text, TextStyle style, double width) => FaceOf(style).Breaker.Break(text, width);

    /// <summary>A paragraph's lines, left-aligned at x = 0 of the cell.</summary>
    public List<Line> Lines(string text, TextStyle style, double width, double indent = 0) =>
        [.. Break(text, style, width - indent).Select(line => new Line(style.LineHeight, [new TextItem(indent, 0, line, style)]))];

    /// <summary>
    /// A list item: the marker (・ or a number) on the first line, the text wrapped beside it with a
    /// hanging indent, so the marker stands out and the text stays one block.
    /// </summary>
    public List<Line> Item(string marker, string text, TextStyle style, double width, double markerWidth, double indent = 0)
    {
        var lines = Lines(text, style, width, indent + markerWidth);
        if (lines.Count > 0)
        {
            lines[0] = lines[0] with { Texts = [new TextItem(indent, 0, marker, style), .. lines[0].Texts] };
        }

        return lines;
    }

    /// <summary>One line of text placed at the left, centre or right of a width (titles, page numbers).</summary>
    public Line Aligned(string text, TextStyle style, double width, XStringAlignment alignment)
    {
        var textWidth = Width(text, style);
        var x = alignment switch
        {
            XStringAlignment.Center => Math.Max(0, (width - textWidth) / 2),
            XStringAlignment.Far => Math.Max(0, width - textWidth),
            _ => 0,
        };
        return new Line(style.LineHeight, [new TextItem(x, 0, text, style)]);
    }

    public void Dispose() => measure.Dispose();

    private Face FaceOf(TextStyle style)
    {
        if (!faces.TryGetValue(style, out var face))
        {
            face = new Face(this, style);
            faces.Add(style, face);
        }

        return face;
    }

    private Shaped ShapeUncached(string element, Face face)
    {
        var drawn = new StringBuilder(element.Length);
        var inPrimary = true;
        string? firstMissing = null;
        for (var k = 0; k < element.Length; k++)
        {
            if (!TryCodePoint(element, ref k, out var codePoint) || IsIgnorable(codePoint))
            {
                continue;
            }

            var text = char.ConvertFromUtf32(codePoint);
            drawn.Append(text);
            if (GlyphHelper.GlyphIndexFromCodePoint(codePoint, face.Primary) == 0)
            {
                inPrimary = false;
                firstMissing ??= text;
            }
        }

        if (drawn.Length == 0)
        {
            // A tab keeps the room of a space, though nothing is drawn for it.
            var width = element == "\t" ? Shape(" ", face.Style).Width : 0;
            return new Shaped(width, Coverage.Invisible, string.Empty);
        }

        var visible = drawn.ToString();
        if (inPrimary)
        {
            return new Shaped(measure.MeasureString(visible, face.Primary).Width, Coverage.Primary, visible);
        }

        if (face.Fallback is { } fallback && Covers(fallback, visible))
        {
            return new Shaped(measure.MeasureString(visible, fallback).Width, Coverage.Fallback, visible);
        }

        // One missing-glyph box stands for the whole element.
        return new Shaped(measure.MeasureString(firstMissing!, face.Primary).Width, Coverage.Missing, firstMissing!);
    }

    private static bool Covers(XFont font, string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (GlyphHelper.GlyphIndexFromCodePoint(rune.Value, font) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads the code point at k (advancing past a surrogate pair); false for a lone surrogate.</summary>
    private static bool TryCodePoint(string text, ref int k, out int codePoint)
    {
        var c = text[k];
        if (char.IsHighSurrogate(c) && k + 1 < text.Length && char.IsLowSurrogate(text[k + 1]))
        {
            codePoint = char.ConvertToUtf32(c, text[k + 1]);
            k++;
            return true;
        }

        codePoint = c;
        return !char.IsSurrogate(c);
    }

    /// <summary>Characters with no glyph of their own: controls, format characters, variation selectors.</summary>
    private static bool IsIgnorable(int codePoint)
    {
        if (codePoint is >= 0xFE00 and <= 0xFE0F or >= 0xE0100 and <= 0xE01EF)
        {
            return true;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        return category is UnicodeCategory.Control or UnicodeCategory.Format;
    }

    private sealed class Face
    {
        private readonly Lazy<XFont?> fallback;

        public Face(Typesetter owner, TextStyle style)
        {
            Style = style;
            var fontStyle = style.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular;

            // Unicode (CID) encoding for all text, ASCII included: every font then has a ToUnicode map.
            var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
            Primary = new XFont(style.Family, style.Size, fontStyle, options);

            // The fallback font is large: load it only when a character needs it.
            fallback = new(() => PdfFonts.HasFallback ? new XFont(PdfFonts.Fallback, style.Size, fontStyle, options) : null);
            Breaker = new LineBreaker(element => owner.Shape(element, style).Width);
        }

        public TextStyle Style { get; }

        public XFont Primary { get; }

        public XFont? Fallback => fallback.Value;

        public LineBreaker Breaker { get; }

        public Dictionary<string, Shaped> Shapes { get; } = new(StringComparer.Ordinal);
    }
}
