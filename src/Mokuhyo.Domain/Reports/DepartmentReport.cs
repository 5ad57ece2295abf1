using System.Globalization;
using System.Text.Json.Serialization;

namespace Mokuhyo.Domain.Reports;

/// <summary>
/// A department's report as published: the one view model that the web page, the JSON API and every
/// document export render. It is stored as a snapshot when published, so the public keeps reading
/// exactly what was approved, in the words of the format version it was published with.
/// </summary>
public sealed record DepartmentReport
{
    /// <summary>Version of this snapshot's shape, so older snapshots can be read after it changes.</summary>
    public int SchemaVersion { get; init; } = 1;

    public required ReportMunicipality Municipality { get; init; }

    /// <summary>The western start year (2022).</summary>
    public required int FiscalYear { get; init; }

    /// <summary>令和4年度.</summary>
    public required string FiscalYearLabel { get; init; }

    public required ReportPhase Phase { get; init; }

    public required int Revision { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }

    public required ReportLabels Labels { get; init; }

    public required ReportUnit Department { get; init; }

    public required IReadOnlyList<ReportPlanSection> PlanSections { get; init; }

    /// <summary>Goals grouped under their lead division, in goal-number order.</summary>
    public required IReadOnlyList<ReportGoalGroup> GoalGroups { get; init; }

    public required ReportSummary Summary { get; init; }

    /// <summary>The report's title: 市民生活部の目標.</summary>
    public string Title => Format(Labels.DepartmentReportTitle, Department.Name);

    /// <summary>A heading as the city brackets it: 【部の基本方向】.</summary>
    public string Heading(string text) => Format(Labels.HeadingPattern, text);

    [JsonIgnore]
    public IEnumerable<ReportGoal> Goals => GoalGroups.SelectMany(g => g.Goals);

    private static string Format(string pattern, string value) => string.Format(CultureInfo.InvariantCulture, pattern, value);
}

public sealed record ReportMunicipality(string Code, string Slug, string Name, string LicenceName, string LicenceUrl);

public sealed record ReportPhase(string Key, string Name, string Kind);

/// <summary>The format's words, resolved for this report.</summary>
public sealed record ReportLabels
{
    public required string DepartmentReportTitle { get; init; }

    public required string HeadingPattern { get; init; }

    public required string GoalsHeading { get; init; }

    public required string ResultsHeading { get; init; }

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

    public required string RatingScaleName { get; init; }

    /// <summary>評価対象外: what the scale calls a goal or indicator it does not rate.</summary>
    public required string NotRatedLabel { get; init; }
}

public sealed record ReportUnit
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required string Kind { get; init; }

    public string? HeadTitle { get; init; }

    public string? HeadName { get; init; }

    public string? CompositionNote { get; init; }

    public IReadOnlyList<string> Responsibilities { get; init; } = [];

    public IReadOnlyList<ReportUnit> Children { get; init; } = [];
}

public sealed record ReportUnitRef(string Code, string Name, string Kind);

public sealed record ReportPlanSection(string Key, string Title, string Kind, IReadOnlyList<ReportPlanItem> Items);

public sealed record ReportPlanItem(int Number, string? Label, string Text);

public sealed record ReportGoalGroup(ReportUnitRef LeadUnit, IReadOnlyList<ReportGoal> Goals);

public sealed record ReportGoal
{
    public required int Number { get; init; }

    public required string Title { get; init; }

    public required IReadOnlyList<string> Body { get; init; }

    public required IReadOnlyList<string> PlannedActions { get; init; }

    public required ReportUnitRef LeadUnit { get; init; }

    public required IReadOnlyList<ReportUnitRef> CoUnits { get; init; }

    public required IReadOnlyList<string> PlanReferences { get; init; }

    public required IReadOnlyList<ReportIndicator> Indicators { get; init; }

    /// <summary>目標の達成度合 in this report's phase; null when none was reported.</summary>
    public ReportResult? Result { get; init; }

    public required ReportRating Rating { get; init; }

    /// <summary>The nodes of the city's higher plans the goal was linked to when published; absent when none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ReportPolicyRef>? Policies { get; init; }
}

/// <summary>A node of the higher plans as a published goal names it: its code, level and name, and its ancestors (総合計画 first).</summary>
public sealed record ReportPolicyRef(string Code, string Level, string Name, IReadOnlyList<ReportPolicyRef> Ancestors);

public sealed record ReportResult(IReadOnlyList<ReportResultBlock> Blocks);

public sealed record ReportResultBlock(string Kind, string? Heading, string? Text, IReadOnlyList<string> Items);

public sealed record ReportIndicator
{
    public required string Name { get; init; }

    /// <summary>numeric, milestone, output or qualitative.</summary>
    public required string Kind { get; init; }

    public string? Unit { get; init; }

    public ReportValue? Baseline { get; init; }

    public ReportTarget? Target { get; init; }

    public ReportDate? Due { get; init; }

    public ReportValue? Actual { get; init; }

    public ReportDate? Done { get; init; }

    public required ReportRating Rating { get; init; }
}

/// <summary>A figure with its unit and as-of date, raw for machines and written out for people.</summary>
public sealed record ReportValue(decimal Value, string Text, ReportDate? AsOf);

public sealed record ReportTarget(decimal Value, string Direction, string? Note, string Text);

/// <summary>An ISO date with its 和暦 reading.</summary>
public sealed record ReportDate(DateOnly Date, string Label);

public sealed record ReportRating
{
    /// <summary>met, not-met or not-rated.</summary>
    public required string Outcome { get; init; }

    public string? LevelKey { get; init; }

    /// <summary>The level as the city names it (達成, 未達成, A...), or the not-rated wording.</summary>
    public required string Label { get; init; }

    /// <summary>Achievement ratio, 1 = 100 %; null where a ratio means nothing.</summary>
    public decimal? Ratio { get; init; }

    /// <summary>88.1 (percent, one decimal, truncated).</summary>
    public decimal? RatioPercent { get; init; }

    /// <summary>88.1%, as printed.</summary>
    public string? RatioText { get; init; }

    /// <summary>Why it is not rated (no-target, qualitative, missing-actual, not-yet-due), else null.</summary>
    public string? NotRatedReason { get; init; }
}

public sealed record ReportSummary(int Goals, int Met, int NotMet, int NotRated, IReadOnlyList<ReportLevelCount> Levels);

public sealed record ReportLevelCount(string Key, string Label, int Count);
