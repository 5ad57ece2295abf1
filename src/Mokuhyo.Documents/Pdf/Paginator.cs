using PdfSharp.Drawing;

namespace Mokuhyo.Documents.Pdf;

/// <summary>
/// Flows rows onto pages from top to bottom. A row that does not fit the rest of a page is split
/// between lines: each cell gives the page the lines that fit and continues with the rest, so no line
/// is lost or drawn twice. Headings stay with what follows, and column or table headings are repeated
/// above a row that starts a page.
/// </summary>
internal sealed class Paginator
{
    // A split must leave at least this many lines of a cell on the page, or the row moves on; and
    // it carries no cell's last line over alone.
    private const int MinLinesBeforeSplit = 3;

    private const double GridThickness = 0.5;
    private const XKnownColor GridColor = XKnownColor.DimGray;

    private readonly List<LaidOutPage> pages = [];
    private LaidOutPage page = null!;
    private double y;
    private bool atTop;

    public IReadOnlyList<LaidOutPage> Paginate(IReadOnlyList<Row> rows)
    {
        NewPage();
        for (var index = 0; index < rows.Count; index++)
        {
            Place(rows, index);
        }

        return pages;
    }

    private void Place(IReadOnlyList<Row> rows, int index)
    {
        var row = rows[index];
        if (row.PageBreakBefore && !atTop)
        {
            NewPage();
        }

        var needed = row.KeepWithNext ? KeptHeight(rows, index) : FirstFragmentHeight(row);
        if (!atTop && y + row.SpaceBefore + needed > PageFrame.Bottom)
        {
            NewPage();
        }

        if (atTop && row.Header is { } header)
        {
            Draw(header);
        }

        var rest = row;
        while (true)
        {
            if (!atTop)
            {
                y += rest.SpaceBefore;
            }

            var available = PageFrame.Bottom - y;
            if (rest.Height <= available)
            {
                Draw(rest);
                y += rest.SpaceAfter;
                return;
            }

            var (fragment, remainder) = Split(rest, available, atTop);
            if (fragment is not null)
            {
                Draw(fragment);
            }

            NewPage();
            if (row.Header is { } repeated)
            {
                Draw(repeated);
            }

            // A continuation starts right under the repeated heading, without the row's space before.
            rest = remainder with { SpaceBefore = 0, Bookmark = null };
        }
    }

    /// <summary>
    /// The height a keep-with-next row needs on this page: itself, the rows chained to it, and the
    /// first lines of the row they lead to. A chain taller than a page is not kept together.
    /// </summary>
    private static double KeptHeight(IReadOnlyList<Row> rows, int index)
    {
        var height = 0.0;
        var k = index;
        for (; k < rows.Count && rows[k].KeepWithNext; k++)
        {
            height += (k == index ? 0 : rows[k].SpaceBefore) + rows[k].Height + rows[k].SpaceAfter;
        }

        if (k < rows.Count && !rows[k].PageBreakBefore)
        {
            height += rows[k].SpaceBefore + FirstFragmentHeight(rows[k]);
        }

        return Math.Min(height, (PageFrame.Bottom - PageFrame.Top) / 2);
    }

    private static double FirstFragmentHeight(Row row)
    {
        var height = 0.0;
        foreach (var cell in row.Cells)
        {
            if (cell.Lines.Count == 0)
            {
                continue;
            }

            var lines = cell.Lines.Take(MinLinesBeforeSplit).Sum(l => l.Height);
            height = Math.Max(height, cell.PadTop + lines + cell.PadBottom);
        }

        return height;
    }

    /// <summary>
    /// Splits a row at the available height: every cell keeps the lines that fit. Null when too little
    /// would stay on this page (the row then starts the next one); on an empty page anything goes.
    /// </summary>
    private static (Row? Fragment, Row Remainder) Split(Row row, double available, bool atTop)
    {
        var taken = new int[row.Cells.Count];
        var enough = false;
        for (var c = 0; c < row.Cells.Count; c++)
        {
            var cell = row.Cells[c];
            var room = available - cell.PadTop - cell.PadBottom;
            var used = 0.0;
            while (taken[c] < cell.Lines.Count && used + cell.Lines[taken[c]].Height <= room)
            {
                used += cell.Lines[taken[c]].Height;
                taken[c]++;
            }

            // Nor a single line alone at the top of the next page, when this page can spare one.
            if (cell.Lines.Count - taken[c] == 1 && taken[c] > MinLinesBeforeSplit)
            {
                taken[c]--;
            }

            enough |= taken[c] >= MinLinesBeforeSplit || (taken[c] > 0 && taken[c] == cell.Lines.Count);
        }

        if (!enough && atTop)
        {
            // Nothing fits even an empty page (a line taller than the page): draw a line anyway, so
            // the flow moves on instead of looping; it may be cut at the bottom.
            for (var c = 0; c < row.Cells.Count; c++)
            {
                taken[c] = Math.Max(taken[c], Math.Min(1, row.Cells[c].Lines.Count));
            }

            enough = taken.Any(t => t > 0);
        }

        if (!enough)
        {
            return (null, row);
        }

        var heads = row.Cells.Select((cell, c) => cell with { Lines = [.. cell.Lines.Take(taken[c])] }).ToList();
        var tails = row.Cells.Select((cell, c) => cell with { Lines = [.. cell.Lines.Skip(taken[c])] }).ToList();
        return (row with { Cells = heads, SpaceAfter = 0 }, row with { Cells = tails });
    }

    private void Draw(Row row)
    {
        if (row.Bookmark is { } bookmark)
        {
            page.Bookmarks.Add(bookmark);
        }

        var height = row.Height;
        foreach (var cell in row.Cells)
        {
            if (cell.Fill is { } fill)
            {
                page.Items.Add(new BoxItem(cell.X, y, cell.Width, height, fill, null));
            }

            var top = y + cell.PadTop;
            foreach (var line in cell.Lines)
            {
                var left = cell.X + cell.PadLeft;
                foreach (var text in line.Texts)
                {
                    page.Items.Add(text with { X = left + text.X, Y = top + text.Y + (line.Height - text.Style.LineHeight) / 2 });
                }

                foreach (var rule in line.Rules)
                {
                    page.Items.Add(rule with { X1 = left + rule.X1, Y1 = top + rule.Y1, X2 = left + rule.X2, Y2 = top + rule.Y2 });
                }

                top += line.Height;
            }

            if (row.Frame == RowFrame.Grid)
            {
                page.Items.Add(new BoxItem(cell.X, y, cell.Width, height, null, GridColor, GridThickness));
            }
        }

        if (row.LinkTarget is { } target && row.Cells.Count > 0)
        {
            var left = row.Cells.Min(c => c.X);
            page.Items.Add(new LinkItem(left, y, row.Cells.Max(c => c.X + c.Width) - left, height, target));
        }

        y += height;
        atTop = false;
    }

    private void NewPage()
    {
        page = new LaidOutPage();
        pages.Add(page);
        y = PageFrame.Top;
        atTop = true;
    }
}
