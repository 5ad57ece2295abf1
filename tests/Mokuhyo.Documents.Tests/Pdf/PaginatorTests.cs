using System.Globalization;
using Mokuhyo.Documents.Pdf;

namespace Mokuhyo.Documents.Tests.Pdf;

public sealed class PaginatorTests
{
    private static readonly TextStyle Style = new(PdfFonts.Mincho, 10);

    [Fact]
    public void A_row_taller_than_pages_places_every_line_of_each_cell_once_in_order_within_the_margins()
    {
        var header = Row.Single([Text("header")]) with { Frame = RowFrame.Grid };
        var row = new Row([Cell(0, "L", 37), Cell(250, "R", 251)]) { Frame = RowFrame.Grid, Header = header };

        var pages = new Paginator().Paginate([Row.Single([Text("before")]), row, Row.Single([Text("after")])]);

        var texts = pages.SelectMany(p => p.Items.OfType<TextItem>()).Select(t => t.Text).ToList();
        Assert.Equal(Enumerable.Range(0, 37).Select(Name("L")), texts.Where(t => t.StartsWith('L')));
        Assert.Equal(Enumerable.Range(0, 251).Select(Name("R")), texts.Where(t => t.StartsWith('R')));
        Assert.Equal(["before", "after"], texts.Where(t => t is "before" or "after"));
        Assert.True(pages.Count >= 4);
        Assert.All(pages.Skip(1), p => Assert.Equal("header", p.Items.OfType<TextItem>().First().Text));
        Assert.All(pages.SelectMany(p => p.Items.OfType<TextItem>()),
            t => Assert.InRange(t.Y, PageFrame.Top, PageFrame.Bottom - Style.LineHeight + 1e-6));
    }

    [Fact]
    public void A_heading_kept_with_the_next_row_moves_to_the_next_page_with_it()
    {
        var used = (PageFrame.Bottom - PageFrame.Top) - (2 * Style.LineHeight);
        var almostFull = Row.Single([.. Enumerable.Range(0, (int)(used / Style.LineHeight)).Select(k => Text(Name("A")(k)))]);
        var heading = Row.Single([Text("heading")]) with { KeepWithNext = true };
        var body = Row.Single([.. Enumerable.Range(0, 5).Select(k => Text(Name("B")(k)))]);

        var pages = new Paginator().Paginate([almostFull, heading, body]);

        Assert.Equal(2, pages.Count);
        Assert.Equal("heading", pages[1].Items.OfType<TextItem>().First().Text);
    }

    [Fact]
    public void A_row_marked_to_break_starts_a_new_page()
    {
        var pages = new Paginator().Paginate([Row.Single([Text("one")]), Row.Single([Text("two")]) with { PageBreakBefore = true }]);

        Assert.Equal(2, pages.Count);
        Assert.Equal("two", pages[1].Items.OfType<TextItem>().Single().Text);
    }

    private static Func<int, string> Name(string prefix) => k => prefix + k.ToString("000", CultureInfo.InvariantCulture);

    private static Line Text(string text) => new(Style.LineHeight, [new TextItem(0, 0, text, Style)]);

    private static Cell Cell(double x, string prefix, int lines) =>
        new(PageFrame.Left + x, 250, [.. Enumerable.Range(0, lines).Select(k => Text(Name(prefix)(k)))]) { PadTop = 4, PadBottom = 4, PadLeft = 4 };
}
