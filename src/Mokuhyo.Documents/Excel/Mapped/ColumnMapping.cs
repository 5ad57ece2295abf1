namespace Mokuhyo.Documents.Excel.Mapped;

/// <summary>The template fields a column of a city's own workbook can be mapped to.</summary>
public enum MappedField
{
    /// <summary>The department, by code or by name (required).</summary>
    Department = 0,

    /// <summary>The lead unit, by code or by name; the department itself when not mapped.</summary>
    LeadUnit = 1,

    /// <summary>The goal's number within its department (required).</summary>
    GoalNumber = 2,

    /// <summary>The goal's title (required).</summary>
    GoalTitle = 3,

    IndicatorName = 4,
    Baseline = 5,
    Target = 6,
    Unit = 7,

    /// <summary>以上 / 以下 / ちょうど; 以上 when the column is not mapped or the cell is empty (most targets are minimums).</summary>
    Direction = 8,

    Due = 9,
    PlanReferences = 10,
}

/// <summary>
/// How a city's own workbook is read: which sheet (by name, else the first), which row holds the headers,
/// and for each target field the header text of its column. Headers are matched after trimming spaces.
/// </summary>
public sealed record ColumnMapping(string? SheetName, int HeaderRow, IReadOnlyDictionary<MappedField, string> Columns)
{
    public const int MaxHeaderRow = 50;

    /// <summary>The prefix of a goal field's key where the mapping is stored beside the fixed fields' names.</summary>
    public const string GoalFieldPrefix = "field:";

    /// <summary>The format's own goal fields (課題, 自己評価...) mapped, by field key, to the header text of their column.</summary>
    public IReadOnlyDictionary<string, string> GoalFields { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The fields without which no goal can be made.</summary>
    public static IReadOnlyList<MappedField> RequiredFields { get; } = [MappedField.Department, MappedField.GoalNumber, MappedField.GoalTitle];

    public static IReadOnlyList<MappedField> AllFields { get; } = Enum.GetValues<MappedField>();
}
