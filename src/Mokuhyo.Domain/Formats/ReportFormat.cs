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
}

/// <summary>How a section of the department plan is laid out.</summary>
public enum PlanSectionKind
{
    NumberedList = 0,
    BulletList = 1,
    Paragraph = 2,

    /// <summary>Label and value rows, such as 経営資源 (職員数, 予算).</summary>
    Table = 3,
}

public sealed record PlanSectionDefinition
{
    public required string Key { get; init; }

    public required string Title { get; init; }

    public PlanSectionKind Kind { get; init; } = PlanSectionKind.NumberedList;
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
