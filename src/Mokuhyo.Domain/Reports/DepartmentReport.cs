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

// IsExample: A sample municipality shipped to show a format; its pages say the content is invented.
public sealed record ReportMunicipality(string Code, string Slug, string Name, string LicenceName, string LicenceUrl, bool IsExample = false);

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

    /// <summary>In manual rating: the heading of the rating computed from the indicators (指標による評価).</summary>
    public string? ComputedRatingHeading { get; init; }

    /// <summary>In manual rating: the note beside a level not yet confirmed by the approver (未確定).</summary>
    public string? UnconfirmedNote { get; init; }
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

// Value: A figure's number, for a figures section.
// Span: The fiscal years a multi-year item covers, as printed (令和5年度～令和7年度).
public sealed record ReportPlanItem(int Number, string? Label, string Text, decimal? Value = null, string? Span = null);

public sealed record ReportGoalGroup(ReportUnitRef LeadUnit, IReadOnlyList<ReportGoal> Goals);

public sealed record ReportGoal
{
    /// <summary>The goal's identity, so a goal carried into later years can be followed; null in older snapshots.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Guid? Id { get; init; }

    /// <summary>The goal of an earlier year this one continues (carried forward), if any.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Guid? PreviousId { get; init; }

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

    /// <summary>The format's own goal fields that have a value, in the format's order.</summary>
    public IReadOnlyList<ReportGoalField> Fields { get; init; } = [];

    /// <summary>Under a manual scale: the rating computed from the indicators, where it differs from <see cref="Rating"/>.</summary>
    public ReportRating? ComputedRating { get; init; }

    /// <summary>Under a manual scale: whether the approver has confirmed the rating; null under a computed scale.</summary>
    public bool? RatingConfirmed { get; init; }

    /// <summary>The nodes of the city's higher plans the goal was linked to when published; absent when none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ReportPolicyRef>? Policies { get; init; }
}

/// <summary>One of the format's goal fields with its value: raw for machines, written out for people.</summary>
// Column: plan or result: the side of the goal sheet it belongs to.
// Value: As stored: text, an ISO date, a rating level's key.
// Lines: The text as shown: the paragraphs or list items, a date in 和暦, a level's label.
// Outputs: Where it is shown: html, pdf, excel, csv.
public sealed record ReportGoalField(string Key, string Label, string Kind, string Column, string Value, IReadOnlyList<string> Lines,
    IReadOnlyList<string> Outputs)
{
    public bool ShowsIn(string output) => Outputs.Contains(output, StringComparer.Ordinal);
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
