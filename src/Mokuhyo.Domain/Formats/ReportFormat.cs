using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Ratings;

namespace Mokuhyo.Domain.Formats;

/// <summary>
/// A municipality's format (テンプレート): the words, sections, phases and rating scale its published
/// reports use. Stored as versioned JSON; a fiscal year keeps the version it was published with.
/// </summary>
public sealed record ReportFormat
{
    public required string Key { get; init; }

    public required string Name { get; init; }

    public required FormatLabels Labels { get; init; }

    /// <summary>Sections of the department plan, in the order they are shown (部の基本方向, 部の重点方針...).</summary>
    public required IReadOnlyList<PlanSectionDefinition> PlanSections { get; init; }

    /// <summary>Phases of the year in order (目標設定, 中間報告, 期末報告).</summary>
    public required IReadOnlyList<PhaseDefinition> Phases { get; init; }

    /// <summary>Kinds of organization unit the city uses (部, 課, 担当, センター, 支所...).</summary>
    public required IReadOnlyList<string> UnitKinds { get; init; }

    public required DirectionLabels Directions { get; init; }

    public required RatingScale RatingScale { get; init; }

    /// <summary>Whether an as-of date on the last day of a month is written 3月末日 rather than 3月31日.</summary>
    public bool MonthEndAsMatsujitsu { get; init; }

    /// <summary>
    /// The goal sheet's own fields beyond the goal's text and indicators (課題, 今後の方向性, 自己評価...),
    /// in the order every output shows them. The seed has none.
    /// </summary>
    public IReadOnlyList<GoalFieldDefinition> GoalFields { get; init; } = [];

    /// <summary>The phases of the year in order, by stable key (other features hang due dates on these keys).</summary>
    public IReadOnlyList<string> PhaseKeys => [.. Phases.Select(p => p.Key)];

    public GoalFieldDefinition? FindGoalField(string key) =>
        GoalFields.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.Ordinal));

    /// <summary>The goal fields filled in a phase: plan fields in the plan phase, result fields in every later one.</summary>
    public IEnumerable<GoalFieldDefinition> GoalFieldsOf(PhaseKind phase) =>
        GoalFields.Where(f => phase == PhaseKind.Plan ? f.Column == GoalFieldColumn.Plan : true);

    public PhaseDefinition? FindPhase(string key) => Phases.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.Ordinal));

    public PlanSectionDefinition? FindPlanSection(string key) =>
        PlanSections.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.Ordinal));

    /// <summary>Problems that make the format unusable, each naming the field at fault.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Key))
        {
            problems.Add("key: required.");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("name: required.");
        }

        if (Phases.Count == 0)
        {
            problems.Add("phases: at least one phase is needed.");
        }

        AddDuplicates(problems, "phases", Phases.Select(p => p.Key));
        AddDuplicates(problems, "planSections", PlanSections.Select(p => p.Key));
        if (UnitKinds.Count == 0)
        {
            problems.Add("unitKinds: at least one kind of unit is needed.");
        }

        problems.AddRange(RatingScale.Validate());
        return problems;
    }

    private static void AddDuplicates(List<string> problems, string field, IEnumerable<string> keys)
    {
        foreach (var key in keys.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add($"{field}: the key '{key}' appears more than once.");
        }
    }
}

/// <summary>The headings and column labels a city prints on its reports.</summary>
public sealed record FormatLabels
{
    /// <summary>Title of a department's report; {0} is the department's name (市民生活部の目標).</summary>
    public required string DepartmentReportTitle { get; init; }

    /// <summary>Heading over the goals column (課の目標(達成すべき目標)).</summary>
    public required string GoalsHeading { get; init; }

    /// <summary>Heading over the results column (目標の達成度合).</summary>
    public required string ResultsHeading { get; init; }

    /// <summary>How headings are bracketed: 【{0}】.</summary>
    public string HeadingPattern { get; init; } = "{0}";

    public required string IndicatorHeading { get; init; }

    public required string BaselineHeading { get; init; }

    public required string TargetHeading { get; init; }

    public required string ActualHeading { get; init; }

    public required string RatioHeading { get; init; }

    public required string AsOfHeading { get; init; }

    public required string RatingHeading { get; init; }

    public required string PlanReferencesHeading { get; init; }

    public required string CoUnitsHeading { get; init; }

    public required string ResponsibilitiesHeading { get; init; }

    /// <summary>Under a manual rating scale: the heading of the rating computed from the indicators (指標による評価).</summary>
    public string? ComputedRatingHeading { get; init; }

    /// <summary>Under a manual rating scale: written beside a level the approver has not confirmed yet (未確定).</summary>
    public string? UnconfirmedNote { get; init; }
}

/// <summary>How a section of the department plan is laid out.</summary>
public enum PlanSectionKind
{
    NumberedList = 0,
    BulletList = 1,
    Paragraph = 2,

    /// <summary>Label and value rows, such as 経営資源 (職員数, 予算).</summary>
    Table = 3,

    /// <summary>Figures the format names with their units (職員数 人, 予算 千円); items give the numbers by figure key.</summary>
    Figures = 4,
}

public sealed record PlanSectionDefinition
{
    public required string Key { get; init; }

    public required string Title { get; init; }

    public PlanSectionKind Kind { get; init; } = PlanSectionKind.NumberedList;

    /// <summary>
    /// A section written once for several fiscal years (組織ビジョン for 令和5–7年度): its items carry the
    /// years they cover and every report of those years shows them.
    /// </summary>
    public bool SpansYears { get; init; }

    /// <summary>The most fiscal years one item of a multi-year section may cover; <see cref="DefaultMaxYears"/> when the format says nothing.</summary>
    public int? MaxYears { get; init; }

    /// <summary>組織ビジョン are written for three to five years; five is the longest a format gets without saying so.</summary>
    public const int DefaultMaxYears = 5;

    /// <summary>The longest span an item may cover: the format's own limit or <see cref="DefaultMaxYears"/>.</summary>
    public int SpanLimit => MaxYears ?? DefaultMaxYears;

    /// <summary>The figures of a <see cref="PlanSectionKind.Figures"/> section, in order.</summary>
    public IReadOnlyList<FigureDefinition> Figures { get; init; } = [];

    public FigureDefinition? FindFigure(string key) => Figures.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.Ordinal));
}

/// <summary>One figure of a figures section: 職員数 in 人.</summary>
public sealed record FigureDefinition
{
    public required string Key { get; init; }

    public required string Label { get; init; }

    public string? Unit { get; init; }
}

/// <summary>What a goal field holds and how it is written.</summary>
public enum GoalFieldKind
{
    /// <summary>One line.</summary>
    Text = 0,

    /// <summary>Paragraphs.</summary>
    Paragraph = 1,

    /// <summary>Bulleted lines.</summary>
    List = 2,

    /// <summary>An ISO date, shown in 和暦.</summary>
    Date = 3,

    /// <summary>A level of the format's rating scale, by key (自己評価, 上司評価).</summary>
    Rating = 4,
}

/// <summary>Which side of the goal sheet a field belongs to: the goal as set, or the phase's result.</summary>
public enum GoalFieldColumn
{
    Plan = 0,
    Result = 1,
}

/// <summary>The outputs a goal field can be shown in or left out of.</summary>
public enum FormatOutput
{
    Html = 0,
    Pdf = 1,
    Excel = 2,
    Csv = 3,
}

/// <summary>A field of the goal sheet: 現状値, 達成のための方法, 課題, 今後の方向性, 自己評価...</summary>
public sealed record GoalFieldDefinition
{
    public required string Key { get; init; }

    public required string Label { get; init; }

    public GoalFieldKind Kind { get; init; } = GoalFieldKind.Paragraph;

    public GoalFieldColumn Column { get; init; } = GoalFieldColumn.Result;

    /// <summary>Whether a report cannot be submitted while the field is empty.</summary>
    public bool Required { get; init; }

    /// <summary>Where the field is shown; every output when not given.</summary>
    public IReadOnlyList<FormatOutput>? Outputs { get; init; }

    public bool ShowsIn(FormatOutput output) => Outputs is null || Outputs.Contains(output);
}

/// <summary>Which part of the yearly cycle a phase is.</summary>
public enum PhaseKind
{
    Plan = 0,
    Interim = 1,
    YearEnd = 2,
}

public sealed record PhaseDefinition
{
    public required string Key { get; init; }

    public required string Name { get; init; }

    public required PhaseKind Kind { get; init; }
}

/// <summary>The words written after a target (70%以上).</summary>
public sealed record DirectionLabels
{
    public required string AtLeast { get; init; }

    public required string AtMost { get; init; }

    public required string Exactly { get; init; }

    public string For(TargetDirection direction) => direction switch
    {
        TargetDirection.AtLeast => AtLeast,
        TargetDirection.AtMost => AtMost,
        _ => Exactly,
    };
}
