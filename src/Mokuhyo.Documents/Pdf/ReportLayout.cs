using System.Globalization;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Reports;
using PdfSharp.Drawing;

namespace Mokuhyo.Documents.Pdf;

/// <summary>The type styles of the document, in one place.</summary>
internal static class Styles
{
    public static readonly TextStyle Municipality = new(PdfFonts.Gothic, 10, Color: XKnownColor.DimGray);
    public static readonly TextStyle Title = new(PdfFonts.Gothic, 17, Bold: true, Leading: 1.4);
    public static readonly TextStyle Head = new(PdfFonts.Gothic, 11);
    public static readonly TextStyle Meta = new(PdfFonts.Gothic, 8.5, Color: XKnownColor.DimGray);
    public static readonly TextStyle Section = new(PdfFonts.Gothic, 12, Bold: true, Leading: 1.6);
    public static readonly TextStyle SubSection = new(PdfFonts.Gothic, 10, Bold: true);
    public static readonly TextStyle Body = new(PdfFonts.Mincho, 10, Leading: 1.6);
    public static readonly TextStyle Division = new(PdfFonts.Gothic, 12, Bold: true, Leading: 1.6);
    public static readonly TextStyle ColumnHeading = new(PdfFonts.Gothic, 9.5, Bold: true);
    public static readonly TextStyle GoalTitle = new(PdfFonts.Gothic, 9.5, Bold: true, Leading: 1.45);
    public static readonly TextStyle GoalText = new(PdfFonts.Mincho, 9, Leading: 1.45);
    public static readonly TextStyle BlockHeading = new(PdfFonts.Gothic, 9, Leading: 1.6);
    public static readonly TextStyle Aside = new(PdfFonts.Gothic, 8, Color: XKnownColor.DimGray);
    public static readonly TextStyle Rating = new(PdfFonts.Gothic, 9, Bold: true);
    public static readonly TextStyle Caption = new(PdfFonts.Gothic, 8.5, Bold: true);
    public static readonly TextStyle TableHead = new(PdfFonts.Gothic, 8, Bold: true, Leading: 1.4);
    public static readonly TextStyle TableCell = new(PdfFonts.Gothic, 8, Leading: 1.45);
    public static readonly TextStyle TableKind = new(PdfFonts.Gothic, 7, Leading: 1.45, Color: XKnownColor.DimGray);
    public static readonly TextStyle Footer = new(PdfFonts.Gothic, 8, Color: XKnownColor.DimGray);
    public static readonly TextStyle CoverMunicipality = new(PdfFonts.Gothic, 22, Bold: true);
    public static readonly TextStyle CoverYear = new(PdfFonts.Gothic, 16);
    public static readonly TextStyle CoverHeading = new(PdfFonts.Gothic, 32, Bold: true, Leading: 1.3);
    public static readonly TextStyle CoverSubheading = new(PdfFonts.Gothic, 14);
    public static readonly TextStyle CoverNote = new(PdfFonts.Gothic, 11, Color: XKnownColor.DimGray);
    public static readonly TextStyle ContentsHeading = new(PdfFonts.Gothic, 16, Bold: true, Leading: 1.6);
    public static readonly TextStyle ContentsEntry = new(PdfFonts.Gothic, 11, Leading: 1.9);
    public static readonly TextStyle ContentsColumn = new(PdfFonts.Gothic, 8, Color: XKnownColor.DimGray);
}

/// <summary>
/// Turns the report view model into rows for the paginator, in the order and words of the published
/// document (and of the web page's partials _Report and _Goal): title, head, the department, the plan
/// sections, then per division each goal beside its result, its rating and its indicator table.
/// </summary>
internal sealed class ReportLayout(Typesetter type)
{
    private const double CellPad = 6;
    private const double TablePad = 3;
    private const double ContentsNumberWidth = 48;
    private static readonly double Half = PageFrame.ContentWidth / 2;

    // 指標 gets the room it needs; the six short columns share the rest.
    private static readonly double[] TableWidths = TableColumns();

    public static string DocumentTitle(DepartmentReport report) => PdfText.TitleWithYear(report.Title, report.FiscalYearLabel);

    public List<Row> Department(DepartmentReport report)
    {
        var rows = new List<Row>();
        var width = PageFrame.ContentWidth;
        var title = DocumentTitle(report);

        rows.Add(Row.Single([type.Aligned(report.Municipality.Name, Styles.Municipality, width, XStringAlignment.Near)])
            with { PageBreakBefore = true, SpaceAfter = 2 });
        rows.Add(Row.Single([type.Aligned(title, Styles.Title, width, XStringAlignment.Center)])
            with { SpaceAfter = 6, Bookmark = new Bookmark(title, 0) });

        var head = string.Join(' ', new[] { report.Department.HeadTitle, report.Department.HeadName }.Where(s => !string.IsNullOrEmpty(s)));
        if (head.Length > 0)
        {
            rows.Add(Row.Single([type.Aligned(head, Styles.Head, width, XStringAlignment.Far)]) with { SpaceAfter = 2 });
        }

        var published = Wareki.FormatDate(JapanTime.DateOfInstant(report.PublishedAt));
        rows.Add(Row.Single([
            type.Aligned(PdfText.Phase(report.Phase.Name), Styles.Meta, width, XStringAlignment.Far),
            type.Aligned(PdfText.Published(published, report.Revision), Styles.Meta, width, XStringAlignment.Far),
        ]) with { SpaceAfter = 6 });

        AddDepartment(rows, report);
        foreach (var section in report.PlanSections)
        {
            AddPlanSection(rows, report, section);
        }

        foreach (var group in report.GoalGroups)
        {
            var division = report.Heading(group.LeadUnit.Name);
            rows.Add(Row.Single(type.Lines(division, Styles.Division, width))
                with { SpaceBefore = 12, SpaceAfter = 4, KeepWithNext = true, Bookmark = new Bookmark(division, 1) });
            foreach (var goal in group.Goals)
            {
                AddGoal(rows, report, goal);
            }
        }

        return rows;
    }

    public List<Row> Cover(string municipalityName, string fiscalYearLabel, int departments)
    {
        var width = PageFrame.ContentWidth;
        return
        [
            // A blank line rather than space before: space before is dropped at the top of a page.
            Row.Single([Line.Space(220), type.Aligned(municipalityName, Styles.CoverMunicipality, width, XStringAlignment.Center)]) with { SpaceAfter = 10 },
            Row.Single([type.Aligned(fiscalYearLabel, Styles.CoverYear, width, XStringAlignment.Center)]) with { SpaceAfter = 40 },
            Row.Single([type.Aligned(PdfText.CoverHeading, Styles.CoverHeading, width, XStringAlignment.Center)]) with { SpaceAfter = 12 },
            Row.Single([type.Aligned(PdfText.CoverSubheading, Styles.CoverSubheading, width, XStringAlignment.Center)]) with { SpaceAfter = 60 },
            Row.Single([type.Aligned(PdfText.CoverDepartments(departments), Styles.CoverNote, width, XStringAlignment.Center)]),
        ];
    }

    /// <summary>
    /// The table of contents: one entry per department with the page it starts on (1-based, as
    /// printed in the footers) and a link to it. The page numbers never change how many pages the
    /// contents take, so it can be laid out with placeholders first.
    /// </summary>
    public List<Row> Contents(IReadOnlyList<(string Title, int Page)> entries)
    {
        var width = PageFrame.ContentWidth;
        var titleWidth = width - ContentsNumberWidth;
        var rows = new List<Row>
        {
            Row.Single([type.Aligned(PdfText.Contents, Styles.ContentsHeading, width, XStringAlignment.Center)])
                with { PageBreakBefore = true, SpaceAfter = 8, Bookmark = new Bookmark(PdfText.Contents, 0) },
            Row.Single([type.Aligned(PdfText.ContentsPage, Styles.ContentsColumn, width, XStringAlignment.Far)]) with { KeepWithNext = true },
        };

        foreach (var (title, page) in entries)
        {
            var lines = type.Lines(title, Styles.ContentsEntry, titleWidth - 12);
            var last = lines[^1];
            var leaderStart = Math.Min(type.Width(last.Texts[0].Text, Styles.ContentsEntry) + 6, titleWidth);
            var baseline = Styles.ContentsEntry.LineHeight * 0.7;
            lines[^1] = last with { Rules = [new RuleItem(leaderStart, baseline, titleWidth - 4, baseline, 1, XKnownColor.Gray, Dotted: true)] };
            var number = type.Aligned(page.ToString(CultureInfo.InvariantCulture), Styles.ContentsEntry, ContentsNumberWidth, XStringAlignment.Far);
            rows.Add(new Row([
                new Cell(PageFrame.Left, titleWidth, lines),
                new Cell(PageFrame.Left + titleWidth, ContentsNumberWidth, [Line.Space((lines.Count - 1) * Styles.ContentsEntry.LineHeight), number]),
            ]) { LinkTarget = page - 1 });
        }

        return rows;
    }

    public Line Footer(int page, int pages) =>
        type.Aligned(PdfText.PageNumber(page, pages), Styles.Footer, PageFrame.ContentWidth, XStringAlignment.Center);

    private void AddDepartment(List<Row> rows, DepartmentReport report)
    {
        var unit = report.Department;
        var width = PageFrame.ContentWidth;
        var heading = report.Heading(PdfText.Department);
        rows.Add(Row.Single(type.Lines(heading, Styles.Section, width)) with { SpaceBefore = 8, SpaceAfter = 2, KeepWithNext = true });
        if (!string.IsNullOrEmpty(unit.CompositionNote))
        {
            rows.Add(Row.Single(type.Lines(unit.CompositionNote, Styles.Body, width)) with { SpaceAfter = 4 });
        }

        if (unit.Responsibilities.Count > 0)
        {
            rows.Add(Row.Single(type.Lines(report.Labels.ResponsibilitiesHeading, Styles.SubSection, width)) with { SpaceBefore = 4, KeepWithNext = true });
            foreach (var item in unit.Responsibilities)
            {
                rows.Add(Row.Single(Bullet(item, Styles.Body, width)));
            }
        }

        if (unit.Children.Count > 0)
        {
            rows.Add(Row.Single(type.Lines(PdfText.Organization, Styles.SubSection, width)) with { SpaceBefore = 6, KeepWithNext = true });
            AddUnitTree(rows, unit.Children, 0);
        }
    }

    private void AddUnitTree(List<Row> rows, IReadOnlyList<ReportUnit> units, int depth)
    {
        var indent = depth * Styles.Body.Size * 1.5;
        foreach (var unit in units)
        {
            var text = string.IsNullOrEmpty(unit.CompositionNote) ? unit.Name : PdfText.UnitWithNote(unit.Name, unit.CompositionNote);
            rows.Add(Row.Single(type.Item(PdfText.Bullet, text, Styles.Body, PageFrame.ContentWidth, Styles.Body.Size, indent)));
            AddUnitTree(rows, unit.Children, depth + 1);
        }
    }

    private void AddPlanSection(List<Row> rows, DepartmentReport report, ReportPlanSection section)
    {
        var width = PageFrame.ContentWidth;
        rows.Add(Row.Single(type.Lines(report.Heading(section.Title), Styles.Section, width)) with { SpaceBefore = 10, SpaceAfter = 2, KeepWithNext = true });
        var numberWidth = Styles.Body.Size * 1.6;
        foreach (var item in section.Items)
        {
            switch (section.Kind)
            {
                case "paragraph":
                    rows.Add(Row.Single(type.Lines(item.Text, Styles.Body, width)) with { SpaceAfter = item.Span is null ? 3 : 0 });
                    if (item.Span is not null)
                    {
                        rows.Add(Row.Single(type.Lines(PdfText.Parenthesized(item.Span), Styles.Aside, width)) with { SpaceAfter = 3 });
                    }

                    break;
                case "table":
                case "figures":
                    var labelWidth = width * 0.25;
                    rows.Add(new Row([
                        TableCell(PageFrame.Left, labelWidth, type.Lines(item.Label ?? string.Empty, Styles.TableHead, labelWidth - 2 * TablePad), XKnownColor.WhiteSmoke),
                        TableCell(PageFrame.Left + labelWidth, width - labelWidth, type.Lines(item.Text, Styles.Body, width - labelWidth - 2 * TablePad)),
                    ]) { Frame = RowFrame.Grid });
                    break;
                case "bullet-list":
                    rows.Add(Row.Single(Bullet(item.Text, Styles.Body, width)) with { SpaceAfter = 2 });
                    break;
                default:
                    rows.Add(Row.Single(type.Item(item.Number.ToString(CultureInfo.InvariantCulture), item.Text, Styles.Body, width, numberWidth))
                        with { SpaceAfter = 2 });
                    break;
            }
        }
    }

    private void AddGoal(List<Row> rows, DepartmentReport report, ReportGoal goal)
    {
        var labels = report.Labels;
        var header = new Row([
            ColumnHeading(PageFrame.Left, report.Heading(labels.GoalsHeading)),
            ColumnHeading(PageFrame.Left + Half, report.Heading(labels.ResultsHeading)),
        ]) { Frame = RowFrame.Grid };

        var number = goal.Number.ToString(CultureInfo.InvariantCulture);
        rows.Add(header with { KeepWithNext = true, SpaceBefore = 6 });
        rows.Add(new Row([
            GoalCell(PageFrame.Left, PlanLines(report, goal, number)),
            GoalCell(PageFrame.Left + Half, ResultLines(report, goal, number)),
        ])
        {
            Frame = RowFrame.Grid,
            Header = header,
            Bookmark = new Bookmark($"{number} {goal.Title}", 2),
        });

        var given = goal.RatingConfirmed == false && goal.Rating.LevelKey is not null && labels.UnconfirmedNote is { } note
            ? goal.Rating.Label + PdfText.Parenthesized(note)
            : goal.Rating.Label;
        var rating = goal.Rating.RatioText is { } ratio
            ? PdfText.RatingWithRatio(labels.RatingHeading, given, labels.RatioHeading, ratio)
            : PdfText.Rating(labels.RatingHeading, given);
        if (goal.ComputedRating is { } computed)
        {
            rating = PdfText.RatingBeside(rating, PdfText.Rating(labels.ComputedRatingHeading ?? labels.RatingHeading, computed.Label));
        }

        rows.Add(Row.Single(type.Lines(rating, Styles.Rating, PageFrame.ContentWidth)) with { SpaceBefore = 4, SpaceAfter = 2 });

        if (goal.Indicators.Count > 0)
        {
            AddIndicators(rows, report, goal);
        }
    }

    private List<Line> PlanLines(DepartmentReport report, ReportGoal goal, string number)
    {
        var width = Half - 2 * CellPad;
        var lines = GoalTitleLines(goal, number, width);
        foreach (var paragraph in goal.Body)
        {
            lines.Add(Line.Space(2));
            lines.AddRange(type.Lines(paragraph, Styles.GoalText, width));
        }

        if (goal.PlannedActions.Count > 0)
        {
            lines.Add(Line.Space(2));
            foreach (var action in goal.PlannedActions)
            {
                lines.AddRange(Bullet(action, Styles.GoalText, width));
            }
        }

        AddFields(lines, goal, "plan", width);
        if (goal.PlanReferences.Count > 0)
        {
            lines.Add(Line.Space(3));
            lines.AddRange(type.Lines(
                PdfText.LabelValue(report.Labels.PlanReferencesHeading, string.Join(PdfText.ListSeparator, goal.PlanReferences)), Styles.Aside, width));
        }

        if (goal.CoUnits.Count > 0)
        {
            lines.Add(Line.Space(3));
            lines.AddRange(type.Lines(
                PdfText.LeadAndCoUnits(PdfText.LeadUnit, goal.LeadUnit.Name, report.Labels.CoUnitsHeading,
                    string.Join(PdfText.ListSeparator, goal.CoUnits.Select(u => u.Name))), Styles.Aside, width));
        }

        return lines;
    }

    private List<Line> ResultLines(DepartmentReport report, ReportGoal goal, string number)
    {
        var width = Half - 2 * CellPad;
        if (goal.Result is null)
        {
            var missing = type.Lines(PdfText.NoResult, Styles.Aside, width);
            AddFields(missing, goal, "result", width);
            return missing;
        }

        var lines = GoalTitleLines(goal, number, width);
        foreach (var block in goal.Result.Blocks)
        {
            lines.Add(Line.Space(2));
            if (block.Kind == "paragraph")
            {
                lines.AddRange(type.Lines(block.Text ?? string.Empty, Styles.GoalText, width));
                continue;
            }

            if (!string.IsNullOrEmpty(block.Heading))
            {
                lines.AddRange(type.Lines(report.Heading(block.Heading), Styles.BlockHeading, width));
            }

            foreach (var item in block.Items)
            {
                lines.AddRange(Bullet(item, Styles.GoalText, width));
            }
        }

        AddFields(lines, goal, "result", width);
        return lines;
    }

    /// <summary>The format's own goal fields of one column, each its label then its text, in the format's order.</summary>
    private void AddFields(List<Line> lines, ReportGoal goal, string column, double width)
    {
        foreach (var field in goal.Fields.Where(f => f.Column == column && f.ShowsIn("pdf")))
        {
            lines.Add(Line.Space(3));
            lines.AddRange(type.Lines(field.Label, Styles.BlockHeading, width));
            foreach (var text in field.Lines)
            {
                lines.AddRange(field.Kind == "list" ? Bullet(text, Styles.GoalText, width) : type.Lines(text, Styles.GoalText, width));
            }
        }
    }

    private List<Line> GoalTitleLines(ReportGoal goal, string number, double width) =>
        type.Item(number, goal.Title, Styles.GoalTitle, width, Styles.GoalTitle.Size * 1.6);

    private void AddIndicators(List<Row> rows, DepartmentReport report, ReportGoal goal)
    {
        var labels = report.Labels;
        rows.Add(Row.Single(type.Lines(PdfText.IndicatorsCaption(goal.Number), Styles.Caption, PageFrame.ContentWidth))
            with { SpaceBefore = 2, SpaceAfter = 2, KeepWithNext = true });

        string[] headings = [labels.IndicatorHeading, labels.BaselineHeading, labels.TargetHeading, labels.ActualHeading,
            labels.AsOfHeading, labels.RatioHeading, labels.RatingHeading];
        var header = TableRow(headings.Select((h, k) => Cells(h, Styles.TableHead, k, XStringAlignment.Center)).ToList(), XKnownColor.Gainsboro);
        rows.Add(header with { KeepWithNext = true });

        foreach (var indicator in goal.Indicators)
        {
            var name = type.Lines(indicator.Name, Styles.TableCell, TableWidths[0] - 2 * TablePad);
            name.AddRange(type.Lines(PdfText.Kind(indicator.Kind), Styles.TableKind, TableWidths[0] - 2 * TablePad));
            var cells = new List<List<Line>>
            {
                name,
                Cells(indicator.Baseline?.Text ?? PdfText.Empty, Styles.TableCell, 1),
                Cells(TargetText(indicator), Styles.TableCell, 2),
                Cells(ActualText(indicator), Styles.TableCell, 3),
                Cells(indicator.Actual?.AsOf?.Label ?? PdfText.Empty, Styles.TableCell, 4),
                Cells(indicator.Rating.RatioText ?? PdfText.Empty, Styles.TableCell, 5, XStringAlignment.Far),
                Cells(indicator.Rating.Label, Styles.TableCell, 6),
            };
            rows.Add(TableRow(cells, null) with { Header = header });
        }

        rows[^1] = rows[^1] with { SpaceAfter = 6 };
    }

    private static string TargetText(ReportIndicator indicator) =>
        indicator.Target is not null ? indicator.Target.Text
        : indicator.Due is not null ? PdfText.Due(indicator.Due.Label)
        : indicator.Kind == "output" ? PdfText.NoTarget
        : PdfText.Empty;

    private static string ActualText(ReportIndicator indicator) =>
        indicator.Actual is not null ? indicator.Actual.Text
        : indicator.Done is not null ? PdfText.Done(indicator.Done.Label)
        : PdfText.Empty;

    private List<Line> Cells(string text, TextStyle style, int column, XStringAlignment alignment = XStringAlignment.Near)
    {
        var width = TableWidths[column] - 2 * TablePad;
        return [.. type.Break(text, style, width).Select(line => type.Aligned(line, style, width, alignment))];
    }

    private static Row TableRow(List<List<Line>> cells, XKnownColor? fill)
    {
        var x = PageFrame.Left;
        var row = new List<Cell>(cells.Count);
        for (var k = 0; k < cells.Count; k++)
        {
            row.Add(TableCell(x, TableWidths[k], cells[k], fill));
            x += TableWidths[k];
        }

        return new Row(row) { Frame = RowFrame.Grid };
    }

    private static Cell TableCell(double x, double width, List<Line> lines, XKnownColor? fill = null) =>
        new(x, width, lines) { PadTop = 2, PadBottom = 2, PadLeft = TablePad, Fill = fill };

    private Cell ColumnHeading(double x, string text) =>
        new(x, Half, [type.Aligned(text, Styles.ColumnHeading, Half - 2 * CellPad, XStringAlignment.Center)])
        {
            PadTop = 3, PadBottom = 3, PadLeft = CellPad, Fill = XKnownColor.Gainsboro,
        };

    private static Cell GoalCell(double x, List<Line> lines) =>
        new(x, Half, lines) { PadTop = CellPad - 1, PadBottom = CellPad, PadLeft = CellPad };

    private List<Line> Bullet(string text, TextStyle style, double width) => type.Item(PdfText.Bullet, text, style, width, style.Size);

    private static double[] TableColumns()
    {
        var first = PageFrame.ContentWidth * 0.28;
        var rest = (PageFrame.ContentWidth - first) / 6;
        return [first, rest, rest, rest, rest, rest, rest];
    }
}
