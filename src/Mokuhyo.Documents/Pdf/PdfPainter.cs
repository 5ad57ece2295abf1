using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Mokuhyo.Documents.Pdf;

/// <summary>Draws laid-out pages into a PDFsharp document: text in the right font per character, rules, boxes, links, outlines.</summary>
internal sealed class PdfPainter(Typesetter type)
{
    private static readonly TextStyle BrandName = new(PdfFonts.Gothic, 11, Bold: true);

    // One image per document: drawn on every page, PDFsharp writes it once and refers to it from each page.
    private XImage? emblem;

    private bool emblemTried;

    public void Paint(PdfDocument document, IReadOnlyList<LaidOutPage> pages)
    {
        try
        {
            PaintPages(document, pages);
        }
        finally
        {
            emblem?.Dispose();
            emblem = null;
            emblemTried = false;
        }
    }

    private void PaintPages(PdfDocument document, IReadOnlyList<LaidOutPage> pages)
    {
        var outlineParents = new List<PdfOutlineCollection> { document.Outlines };
        foreach (var laidOut in pages)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageFrame.Width);
            page.Height = XUnit.FromPoint(PageFrame.Height);
            using (var gfx = XGraphics.FromPdfPage(page))
            {
                foreach (var item in laidOut.Items)
                {
                    Draw(gfx, page, item);
                }
            }

            foreach (var bookmark in laidOut.Bookmarks)
            {
                // A level deeper than its parent allows (a goal with no division above it) hangs on the deepest one there is.
                var level = Math.Min(bookmark.Level, outlineParents.Count - 1);
                var outline = outlineParents[level].Add(bookmark.Title, page, opened: level == 0);
                outlineParents.RemoveRange(level + 1, outlineParents.Count - level - 1);
                outlineParents.Add(outline.Outlines);
            }
        }
    }

    private void Draw(XGraphics gfx, PdfPage page, PageItem item)
    {
        switch (item)
        {
            case TextItem text:
                DrawText(gfx, text);
                break;
            case BoxItem box:
                var rect = new XRect(box.X, box.Y, box.Width, box.Height);
                if (box.Fill is { } fill)
                {
                    gfx.DrawRectangle(new XSolidBrush(XColor.FromKnownColor(fill)), rect);
                }

                if (box.Stroke is { } stroke)
                {
                    gfx.DrawRectangle(new XPen(XColor.FromKnownColor(stroke), box.Thickness), rect);
                }

                break;
            case RuleItem rule:
                var pen = new XPen(XColor.FromKnownColor(rule.Color), rule.Thickness);
                if (rule.Dotted)
                {
                    // Round dots three pen widths apart, as a leader in a table of contents.
                    pen.LineCap = XLineCap.Round;
                    pen.DashPattern = [0.01, 3];
                }

                gfx.DrawLine(pen, rule.X1, rule.Y1, rule.X2, rule.Y2);
                break;
            case BrandHeaderItem brand:
                DrawBrand(gfx, brand);
                break;
            case LinkItem link:
                var area = gfx.Transformer.WorldToDefaultPage(new XRect(link.X, link.Y, link.Width, link.Height));
                page.AddDocumentLink(new PdfRectangle(area), link.TargetPage + 1);
                break;
        }
    }

    /// <summary>
    /// Draws a line of text run by run: characters IPAex has in one string, the rest in the fallback
    /// font, and characters no font has as a missing-glyph box inside an ActualText span, so that
    /// copying and text extraction still give the original characters.
    /// </summary>
    private void DrawText(XGraphics gfx, TextItem item, XColor? color = null)
    {
        var style = item.Style;
        var brush = new XSolidBrush(color ?? XColor.FromKnownColor(style.Color));
        var x = item.X;
        var run = new StringBuilder();
        var runX = x;
        var runCoverage = Coverage.Primary;

        void Flush()
        {
            if (run.Length > 0)
            {
                var font = runCoverage == Coverage.Fallback ? type.FallbackFont(style) : type.Font(style);
                gfx.DrawString(run.ToString(), font, brush, runX, item.Y, XStringFormats.TopLeft);
                run.Clear();
            }
        }

        foreach (var element in LineBreaker.TextElements(item.Text))
        {
            var shaped = type.Shape(element, style);
            // PDFsharp 6.2.4 writes the ToUnicode entry of a character above U+FFFF (𠮷) as five hex
            // digits, which readers misread: such characters get ActualText too, even when a font has them.
            var exact = string.Equals(shaped.Drawn, element, StringComparison.Ordinal) && !HasSurrogates(element);
            if (shaped.Coverage is Coverage.Primary or Coverage.Fallback && exact)
            {
                if (run.Length > 0 && runCoverage != shaped.Coverage)
                {
                    Flush();
                }

                if (run.Length == 0)
                {
                    runX = x;
                    runCoverage = shaped.Coverage;
                }

                run.Append(element);
            }
            else
            {
                Flush();
                if (shaped.Coverage != Coverage.Invisible)
                {
                    var font = shaped.Coverage == Coverage.Fallback ? type.FallbackFont(style) : type.Font(style);
                    DrawWithActualText(gfx, shaped.Drawn, element, font, brush, x, item.Y);
                }
            }

            x += shaped.Width;
        }

        Flush();
    }

    private void DrawBrand(XGraphics gfx, BrandHeaderItem item)
    {
        var brand = item.Brand;
        var x = PageFrame.Left;
        if (Emblem(brand) is { } image && image.PixelWidth > 0 && image.PixelHeight > 0)
        {
            var height = BrandHeaderItem.EmblemHeight;
            var width = height * image.PixelWidth / image.PixelHeight;
            if (width > BrandHeaderItem.EmblemMaxWidth)
            {
                width = BrandHeaderItem.EmblemMaxWidth;
                height = width * image.PixelHeight / image.PixelWidth;
            }

            gfx.DrawImage(image, x, BrandHeaderItem.Top + ((BrandHeaderItem.EmblemHeight - height) / 2), width, height);
            x += width + 8;
        }

        var nameY = BrandHeaderItem.Top + ((BrandHeaderItem.EmblemHeight - BrandName.Size) / 2);
        DrawText(gfx, new TextItem(x, nameY, brand.Name, BrandName), brand.TextColor is { } text ? XColor.FromArgb(text.R, text.G, text.B) : null);
        var rule = brand.RuleColor is { } c ? XColor.FromArgb(c.R, c.G, c.B) : XColor.FromKnownColor(XKnownColor.DarkGray);
        gfx.DrawLine(new XPen(rule, 1.2), PageFrame.Left, BrandHeaderItem.RuleY, PageFrame.Right, BrandHeaderItem.RuleY);
    }

    /// <summary>
    /// The emblem as an image, read once per document. Its type was sniffed when it was uploaded; bytes
    /// PDFsharp still cannot read (a truncated file) leave the header with the name alone rather than fail the document.
    /// </summary>
    private XImage? Emblem(PdfBrand brand)
    {
        if (!emblemTried)
        {
            emblemTried = true;
            if (brand.Emblem is { Length: > 0 } bytes)
            {
                try
                {
                    emblem = XImage.FromStream(new MemoryStream(bytes, writable: false));
                }
                catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException or IOException or FormatException
                    or IndexOutOfRangeException)
                {
                    emblem = null;
                }
            }
        }

        return emblem;
    }

    private static void DrawWithActualText(XGraphics gfx, string drawn, string actual, XFont font, XBrush brush, double x, double y)
    {
        var content = gfx.Internals.ContentStringBuilder;
        if (content is null)
        {
            gfx.DrawString(drawn, font, brush, x, y, XStringFormats.TopLeft);
            return;
        }

        // Save and restore close PDFsharp's open text object (BT...ET), so the marked-content
        // sequence holds a whole text object and nests properly.
        gfx.Save();
        gfx.Restore();
        content.Append("/Span<</ActualText<").Append(Utf16BigEndianHex(actual)).Append(">>>BDC\n");
        gfx.DrawString(drawn, font, brush, x, y, XStringFormats.TopLeft);
        gfx.Save();
        gfx.Restore();
        content.Append("EMC\n");
    }

    private static bool HasSurrogates(string text) => text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    /// <summary>A PDF text string as hex: the UTF-16BE byte order mark, then the UTF-16 code units.</summary>
    private static string Utf16BigEndianHex(string text)
    {
        var hex = new StringBuilder("FEFF", 4 + 4 * text.Length);
        foreach (var c in text)
        {
            hex.Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
