namespace Mokuhyo.Documents.Excel;

/// <summary>
/// One thing wrong with a workbook, where it is: a sheet, a row (1-based, as Excel numbers them) and a
/// column letter, each when it applies. <see cref="Code"/> names the resource of the message.
/// </summary>
public sealed record ImportError(string Code, string Message, string? Sheet = null, int? Row = null, string? Column = null)
{
    /// <summary>The message with its place, as shown to people: 「指標」シート 5行目 I列: 目標値は数値で入力してください。</summary>
    public string Text => (Sheet, Row, Column) switch
    {
        ({ } sheet, { } row, { } column) => WorkbookText.Format(WorkbookText.Keys.LocationCell, sheet, row, column, Message),
        ({ } sheet, { } row, null) => WorkbookText.Format(WorkbookText.Keys.LocationRow, sheet, row, Message),
        ({ } sheet, null, _) => WorkbookText.Format(WorkbookText.Keys.LocationSheet, sheet, Message),
        _ => Message,
    };

    public override string ToString() => Text;
}

/// <summary>A goal the import removed because its department's sheet no longer lists it.</summary>
public sealed record DeletedGoal(string DepartmentCode, int Number, string Title);

/// <summary>
/// What an import did: nothing at all when there are errors; otherwise the departments whose drafts were
/// replaced, with counts and the goals deleted.
/// </summary>
public sealed record ImportResult
{
    public IReadOnlyList<ImportError> Errors { get; init; } = [];

    public bool Succeeded => Errors.Count == 0;

    /// <summary>Codes of the departments whose drafts were replaced, in the order of the 説明 sheet.</summary>
    public IReadOnlyList<string> Departments { get; init; } = [];

    public int GoalsCreated { get; init; }

    /// <summary>Goals that existed and were overwritten with the sheet's values (changed or not).</summary>
    public int GoalsUpdated { get; init; }

    public IReadOnlyList<DeletedGoal> DeletedGoals { get; init; } = [];

    public int IndicatorsCreated { get; init; }

    public int IndicatorsDeleted { get; init; }

    /// <summary>What people should be told after a successful import, in Japanese: the summary, then each deleted goal.</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    internal static ImportResult Failed(IReadOnlyList<ImportError> errors) => new() { Errors = errors };
}
