using Mokuhyo.Domain.Goals;

namespace Mokuhyo.Documents.Excel;

// The rows of a workbook once read and checked cell by cell, before they are checked against each
// other and the database. Each keeps its row number so later problems can be placed.

internal sealed record DepartmentRow(int Row, string Code);

internal sealed record PlanRow(int Row, string Department, string SectionKey, int Number, string? Label, string Text);

internal sealed record GoalRow(int Row, string Department, int Number, string Title, string LeadCode, List<string> CoUnitCodes,
    List<string> Body, List<string> PlannedActions, List<string> PlanReferences);

internal sealed record IndicatorRow(int Row, string Department, int GoalNumber, int Number, string Name, IndicatorKind Kind, string? Unit,
    decimal? Baseline, DateOnly? BaselineAsOf, decimal? Target, TargetDirection? Direction, string? TargetNote, DateOnly? Due,
    decimal? Actual, DateOnly? ActualAsOf, DateOnly? Done)
{
    public bool HasActual => Actual is not null || ActualAsOf is not null || Done is not null;
}

internal sealed record BlockRow(int Row, string Department, int GoalNumber, int Number, ResultBlockKind Kind, string? Heading,
    string? Text, List<string> Items);

/// <summary>A value of one of the format's goal fields, as stored: the phase it is filed under, an ISO date, a level's key, or text.</summary>
internal sealed record FieldRow(int Row, string Department, int GoalNumber, string FieldKey, string PhaseKey, string Value);

/// <summary>
/// Everything a workbook says, checked and ready to be written. <paramref name="ReplacedFields"/> are the goal
/// fields (key, phase) whose values the workbook gives in full for its goals: a goal without a row for one loses
/// its value. Fields not listed there are only set, never cleared.
/// </summary>
internal sealed record WorkbookContent(
    IReadOnlyList<DepartmentRow> Departments,
    IReadOnlyList<PlanRow> Plan,
    IReadOnlyList<GoalRow> Goals,
    IReadOnlyList<IndicatorRow> Indicators,
    IReadOnlyList<BlockRow> Blocks,
    IReadOnlyList<FieldRow> Fields,
    IReadOnlySet<(string FieldKey, string PhaseKey)> ReplacedFields);
