using System.Globalization;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Documents.OpenData;

/// <summary>The rows of one dataset made from one department's report, as strings in column order.</summary>
internal interface IOpenDataTable
{
    IReadOnlyList<OpenDataColumn> Columns { get; }

    IEnumerable<string?[]> Rows(OpenDataContext context, DepartmentReport report);
}

/// <summary>A dataset's columns, each with how its value is read from a row of the view model.</summary>
internal sealed class OpenDataTable<T>(IReadOnlyList<(OpenDataColumn Column, Func<T, string?> Value)> columns,
    Func<OpenDataContext, DepartmentReport, IEnumerable<T>> rows) : IOpenDataTable
{
    public IReadOnlyList<OpenDataColumn> Columns { get; } = [.. columns.Select(c => c.Column)];

    public IEnumerable<string?[]> Rows(OpenDataContext context, DepartmentReport report) =>
        rows(context, report).Select(row => columns.Select(c => c.Value(row)).ToArray());
}

internal interface IReportRow
{
    OpenDataContext Context { get; }

    DepartmentReport Report { get; }
}

internal sealed record GoalRow(OpenDataContext Context, DepartmentReport Report, ReportGoal Goal) : IReportRow;

internal sealed record IndicatorRow(OpenDataContext Context, DepartmentReport Report, ReportGoal Goal, int Number, ReportIndicator Indicator)
    : IReportRow;

internal sealed record FieldRow(OpenDataContext Context, DepartmentReport Report, ReportGoal Goal, ReportGoalField Field) : IReportRow;

internal sealed record PlanRow(OpenDataContext Context, DepartmentReport Report, string SectionKey, string SectionTitle, string SectionKind,
    int ItemNumber, string? ItemLabel, string Text, ReportUnit? Unit = null, string? ParentUnitCode = null) : IReportRow;

/// <summary>
/// The three datasets, column by column: the one list of columns that the writer, the reader, the tests
/// and docs/opendata.md follow. Every value comes from the <see cref="DepartmentReport"/> view model.
/// </summary>
internal static class OpenDataTables
{
    /// <summary>Separates the entries of a list column and the lines of a text (paragraphs, list items) inside one field.</summary>
    public const string LineBreak = "\n";

    /// <summary>plans.csv sections that come from the department itself rather than from the format's plan sections.</summary>
    public const string CompositionSection = "composition";

    public const string ResponsibilitiesSection = "responsibilities";

    public const string OrganizationSection = "organization";

    public static OpenDataTable<GoalRow> Goals { get; } = new(
        [
            .. Leading<GoalRow>(),
            Integer<GoalRow>("goal_number", r => r.Goal.Number),
            Text<GoalRow>("goal_title", r => r.Goal.Title),
            Code<GoalRow>("lead_unit_code", r => r.Goal.LeadUnit.Code),
            Text<GoalRow>("lead_unit_name", r => r.Goal.LeadUnit.Name),
            Code<GoalRow>("co_unit_codes", r => Lines(r.Goal.CoUnits.Select(u => u.Code))),
            Text<GoalRow>("co_unit_names", r => Lines(r.Goal.CoUnits.Select(u => u.Name))),
            Text<GoalRow>("plan_references", r => Lines(r.Goal.PlanReferences)),
            Text<GoalRow>("goal_heading", r => r.Report.Labels.GoalsHeading),
            Text<GoalRow>("goal_body", r => Lines(r.Goal.Body)),
            Text<GoalRow>("planned_actions", r => Lines(r.Goal.PlannedActions)),
            Text<GoalRow>("result_heading", r => r.Report.Labels.ResultsHeading),
            Text<GoalRow>("result_text", r => ResultText(r.Report, r.Goal.Result)),
            .. Rating<GoalRow>(r => r.Goal.Rating),
            .. Trailing<GoalRow>(),
        ],
        (context, report) => report.Goals.Select(goal => new GoalRow(context, report, goal)));

    public static OpenDataTable<IndicatorRow> Indicators { get; } = new(
        [
            .. Leading<IndicatorRow>(),
            Integer<IndicatorRow>("goal_number", r => r.Goal.Number),
            Text<IndicatorRow>("goal_title", r => r.Goal.Title),
            Integer<IndicatorRow>("indicator_number", r => r.Number),
            Text<IndicatorRow>("indicator_name", r => r.Indicator.Name),
            Text<IndicatorRow>("indicator_kind_name", r => OpenDataText.Get("IndicatorKind." + r.Indicator.Kind)),
            Code<IndicatorRow>("indicator_kind", r => r.Indicator.Kind),
            Text<IndicatorRow>("unit", r => r.Indicator.Unit),
            Decimal<IndicatorRow>("baseline_value", r => r.Indicator.Baseline?.Value),
            Text<IndicatorRow>("baseline_text", r => r.Indicator.Baseline?.Text),
            .. AsOf<IndicatorRow>("baseline_as_of", r => r.Indicator.Baseline?.AsOf),
            Decimal<IndicatorRow>("target_value", r => r.Indicator.Target?.Value),
            Text<IndicatorRow>("target_direction_name", r => r.Indicator.Target is { } t ? OpenDataText.Get("Direction." + t.Direction) : null),
            Code<IndicatorRow>("target_direction", r => r.Indicator.Target?.Direction),
            Text<IndicatorRow>("target_note", r => r.Indicator.Target?.Note),
            Text<IndicatorRow>("target_text", r => r.Indicator.Target?.Text),
            Date<IndicatorRow>("due_date", r => r.Indicator.Due?.Date),
            Text<IndicatorRow>("due_date_wareki", r => r.Indicator.Due?.Label),
            Decimal<IndicatorRow>("actual_value", r => r.Indicator.Actual?.Value),
            Text<IndicatorRow>("actual_text", r => r.Indicator.Actual?.Text),
            .. AsOf<IndicatorRow>("actual_as_of", r => r.Indicator.Actual?.AsOf),
            Date<IndicatorRow>("done_date", r => r.Indicator.Done?.Date),
            Text<IndicatorRow>("done_date_wareki", r => r.Indicator.Done?.Label),
            .. Rating<IndicatorRow>(r => r.Indicator.Rating),
            .. Trailing<IndicatorRow>(),
        ],
        (context, report) => report.Goals.SelectMany(goal =>
            goal.Indicators.Select((indicator, index) => new IndicatorRow(context, report, goal, index + 1, indicator))));

    public static OpenDataTable<PlanRow> Plans { get; } = new(
        [
            .. Leading<PlanRow>(),
            Text<PlanRow>("head_title", r => r.Report.Department.HeadTitle),
            Text<PlanRow>("head_name", r => r.Report.Department.HeadName),
            Code<PlanRow>("section_key", r => r.SectionKey),
            Text<PlanRow>("section_title", r => r.SectionTitle),
            Code<PlanRow>("section_kind", r => r.SectionKind),
            Integer<PlanRow>("item_number", r => r.ItemNumber),
            Text<PlanRow>("item_label", r => r.ItemLabel),
            Text<PlanRow>("item_text", r => r.Text),
            Code<PlanRow>("unit_code", r => r.Unit?.Code),
            Code<PlanRow>("parent_unit_code", r => r.ParentUnitCode),
            Text<PlanRow>("unit_kind", r => r.Unit?.Kind),
            Text<PlanRow>("unit_note", r => r.Unit?.CompositionNote),
            .. Trailing<PlanRow>(),
        ],
        PlanRows);

    /// <summary>The format's own goal fields (課題, 今後の方向性, 自己評価...): a row per goal and field with a value, in the format's order.</summary>
    public static OpenDataTable<FieldRow> Fields { get; } = new(
        [
            .. Leading<FieldRow>(),
            Integer<FieldRow>("goal_number", r => r.Goal.Number),
            Text<FieldRow>("goal_title", r => r.Goal.Title),
            Code<FieldRow>("field_key", r => r.Field.Key),
            Text<FieldRow>("field_label", r => r.Field.Label),
            Code<FieldRow>("field_kind", r => r.Field.Kind),
            Code<FieldRow>("field_column", r => r.Field.Column),
            Text<FieldRow>("field_value", r => r.Field.Value),
            Text<FieldRow>("field_text", r => Lines(r.Field.Lines)),
            .. Trailing<FieldRow>(),
        ],
        (context, report) => report.Goals.SelectMany(goal =>
            goal.Fields.Where(f => f.ShowsIn("csv")).Select(field => new FieldRow(context, report, goal, field))));

    private static IEnumerable<(OpenDataColumn, Func<T, string?>)> Leading<T>() where T : IReportRow =>
    [
        Code<T>("municipality_code", r => r.Context.MunicipalityCode.Value),
        Text<T>("prefecture_name", r => r.Context.PrefectureName),
        Text<T>("municipality_name", r => r.Context.MunicipalityName),
        Integer<T>("fiscal_year", r => r.Report.FiscalYear),
        Text<T>("fiscal_year_wareki", r => r.Report.FiscalYearLabel),
        Code<T>("department_code", r => r.Report.Department.Code),
        Text<T>("department_name", r => r.Report.Department.Name),
    ];

    private static IEnumerable<(OpenDataColumn, Func<T, string?>)> Trailing<T>() where T : IReportRow =>
    [
        Code<T>("phase_key", r => r.Report.Phase.Key),
        Text<T>("phase_name", r => r.Report.Phase.Name),
        // The day of publication in Japan, as the report page shows it.
        Date<T>("published_date", r => JapanTime.DateOfInstant(r.Report.PublishedAt)),
        Text<T>("published_date_wareki", r => Wareki.FormatDate(JapanTime.DateOfInstant(r.Report.PublishedAt))),
        Integer<T>("revision", r => r.Report.Revision),
    ];

    private static IEnumerable<(OpenDataColumn, Func<T, string?>)> Rating<T>(Func<T, ReportRating> rating) =>
    [
        Decimal<T>("ratio_percent", r => rating(r).RatioPercent),
        Text<T>("ratio_text", r => rating(r).RatioText),
        Text<T>("rating_label", r => rating(r).Label),
        Code<T>("rating_outcome", r => rating(r).Outcome),
        Code<T>("rating_level_key", r => rating(r).LevelKey),
        Code<T>("not_rated_reason", r => rating(r).NotRatedReason),
    ];

    /// <summary>An as-of date three ways: ISO, 和暦, and the label as published (令和5年3月末日現在).</summary>
    private static IEnumerable<(OpenDataColumn, Func<T, string?>)> AsOf<T>(string name, Func<T, ReportDate?> asOf) =>
    [
        Date<T>(name, r => asOf(r)?.Date),
        Text<T>(name + "_wareki", r => asOf(r) is { } d ? Wareki.FormatDate(d.Date) : null),
        Text<T>(name + "_label", r => asOf(r)?.Label),
    ];

    private static IEnumerable<PlanRow> PlanRows(OpenDataContext context, DepartmentReport report)
    {
        var department = report.Department;
        if (!string.IsNullOrEmpty(department.CompositionNote))
        {
            yield return new(context, report, CompositionSection, OpenDataText.Get("Section.composition"), "paragraph", 1, null,
                department.CompositionNote);
        }

        for (var i = 0; i < department.Responsibilities.Count; i++)
        {
            yield return new(context, report, ResponsibilitiesSection, report.Labels.ResponsibilitiesHeading, "bullet-list", i + 1, null,
                department.Responsibilities[i]);
        }

        var number = 0;
        foreach (var (unit, parent) in Descendants(department))
        {
            yield return new(context, report, OrganizationSection, OpenDataText.Get("Section.organization"), "tree", ++number, null,
                unit.Name, unit, parent.Code);
        }

        foreach (var section in report.PlanSections)
        {
            foreach (var item in section.Items)
            {
                yield return new(context, report, section.Key, section.Title, section.Kind, item.Number, item.Label, item.Text);
            }
        }
    }

    /// <summary>The units under a department in the order the report's tree shows them, each with its parent.</summary>
    private static IEnumerable<(ReportUnit Unit, ReportUnit Parent)> Descendants(ReportUnit parent) =>
        parent.Children.SelectMany(child => Descendants(child).Prepend((child, parent)));

    /// <summary>The result as the report shows it: paragraphs, list headings in the city's brackets, list items marked.</summary>
    private static string? ResultText(DepartmentReport report, ReportResult? result)
    {
        if (result is null)
        {
            return null;
        }

        var lines = new List<string>();
        foreach (var block in result.Blocks)
        {
            if (string.Equals(block.Kind, "paragraph", StringComparison.Ordinal))
            {
                if (block.Text is not null)
                {
                    lines.Add(block.Text);
                }

                continue;
            }

            if (!string.IsNullOrEmpty(block.Heading))
            {
                lines.Add(report.Heading(block.Heading));
            }

            var mark = OpenDataText.Get("ListItemMark");
            lines.AddRange(block.Items.Select(item => mark + item));
        }

        return string.Join(LineBreak, lines);
    }

    private static string? Lines(IEnumerable<string> values)
    {
        var joined = string.Join(LineBreak, values);
        return joined.Length == 0 ? null : joined;
    }

    private static (OpenDataColumn, Func<T, string?>) Text<T>(string name, Func<T, string?> value) =>
        (new OpenDataColumn(name, OpenDataColumnType.Text), value);

    private static (OpenDataColumn, Func<T, string?>) Code<T>(string name, Func<T, string?> value) =>
        (new OpenDataColumn(name, OpenDataColumnType.Code), value);

    private static (OpenDataColumn, Func<T, string?>) Integer<T>(string name, Func<T, int?> value) =>
        (new OpenDataColumn(name, OpenDataColumnType.WholeNumber), r => value(r)?.ToString(CultureInfo.InvariantCulture));

    // "0.###…" writes no grouping, no trailing zeros (a database hands back 80.0000) and a dot whatever the culture.
    private static (OpenDataColumn, Func<T, string?>) Decimal<T>(string name, Func<T, decimal?> value) =>
        (new OpenDataColumn(name, OpenDataColumnType.Number), r => value(r)?.ToString("0.############################", CultureInfo.InvariantCulture));

    private static (OpenDataColumn, Func<T, string?>) Date<T>(string name, Func<T, DateOnly?> value) =>
        (new OpenDataColumn(name, OpenDataColumnType.Date), r => value(r)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
