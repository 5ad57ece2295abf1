namespace Mokuhyo.Domain.Goals;

/// <summary>A numbered goal of a department's report (組織目標), set by a lead division with any co-divisions.</summary>
public sealed class Goal : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ReportingYearId { get; set; }

    /// <summary>The reporting unit whose report carries the goal (the 部).</summary>
    public Guid DepartmentId { get; set; }

    /// <summary>The number within the department's report (1–9 in the seed).</summary>
    public int Number { get; set; }

    public required string Title { get; set; }

    /// <summary>The goal's statement, one entry per paragraph.</summary>
    public List<string> Body { get; set; } = [];

    /// <summary>The bullets under the statement: planned actions and stated targets, as written.</summary>
    public List<string> PlannedActions { get; set; } = [];

    /// <summary>Higher plans the goal follows, by name (第11次入間市交通安全計画).</summary>
    public List<string> PlanReferences { get; set; } = [];

    /// <summary>主たる担当課.</summary>
    public Guid LeadUnitId { get; set; }

    public List<GoalCoUnit> CoUnits { get; set; } = [];

    public List<Indicator> Indicators { get; set; } = [];

    public List<GoalResult> Results { get; set; } = [];

    /// <summary>Values of the format's own goal fields (課題, 今後の方向性, 自己評価...), per phase.</summary>
    public List<GoalFieldValue> FieldValues { get; set; } = [];

    /// <summary>Last year's goal this one carries forward, so an indicator's history can be followed.</summary>
    public Guid? PreviousGoalId { get; set; }

    public long Version { get; set; }
}

/// <summary>A division that shares a goal without leading it.</summary>
public sealed class GoalCoUnit
{
    public Guid GoalId { get; set; }

    public Guid OrgUnitId { get; set; }

    public int Ordinal { get; set; }
}

/// <summary>A measure of a goal (目標値): numeric with a target, a milestone, an output, or qualitative.</summary>
public sealed class Indicator : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid GoalId { get; set; }

    public int Ordinal { get; set; }

    public required string Name { get; set; }

    public IndicatorKind Kind { get; set; }

    public string? Unit { get; set; }

    public decimal? TargetValue { get; set; }

    public TargetDirection Direction { get; set; }

    /// <summary>What the target is measured against, printed beside it (対人口比).</summary>
    public string? TargetNote { get; set; }

    /// <summary>現状値.</summary>
    public decimal? BaselineValue { get; set; }

    public DateOnly? BaselineAsOf { get; set; }

    /// <summary>A milestone's due date.</summary>
    public DateOnly? DueDate { get; set; }

    public List<IndicatorActual> Actuals { get; set; } = [];

    public long Version { get; set; }
}

/// <summary>What an indicator reached in one phase: a value with its as-of date, or a milestone's done date.</summary>
public sealed class IndicatorActual : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid IndicatorId { get; set; }

    /// <summary>The phase, as the format defines it (interim, year-end...).</summary>
    public required string PhaseKey { get; set; }

    public decimal? Value { get; set; }

    public DateOnly? AsOf { get; set; }

    public DateOnly? DoneDate { get; set; }

    public long Version { get; set; }
}

/// <summary>目標の達成度合 of a goal in one phase: paragraphs and bullet lists, in order.</summary>
public sealed class GoalResult : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid GoalId { get; set; }

    public required string PhaseKey { get; set; }

    public List<ResultBlock> Blocks { get; set; } = [];

    public long Version { get; set; }
}

public enum ResultBlockKind
{
    Paragraph = 0,
    BulletList = 1,
}

/// <summary>A paragraph, or a bullet list with an optional heading (【実施した講座】).</summary>
public sealed class ResultBlock
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid GoalResultId { get; set; }

    public int Ordinal { get; set; }

    public ResultBlockKind Kind { get; set; }

    public string? Heading { get; set; }

    /// <summary>The paragraph's text; empty for a bullet list.</summary>
    public string? Text { get; set; }

    public List<string> Items { get; set; } = [];
}

/// <summary>
/// The value of one of the format's goal fields in one phase, kept as text whatever the field's kind
/// (a date as ISO, a rating as the level's key), so a city's new field needs no new column.
/// </summary>
public sealed class GoalFieldValue : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid GoalId { get; set; }

    /// <summary>The phase the value belongs to: the plan phase for plan fields, the reporting phase for result fields.</summary>
    public required string PhaseKey { get; set; }

    public required string FieldKey { get; set; }

    public required string Value { get; set; }

    public long Version { get; set; }
}
