using Mokuhyo.Domain.Goals;

namespace Mokuhyo.Documents.Excel;

/// <summary>What a cell of a template column holds, and so how it is written and read.</summary>
public enum ColumnKind
{
    /// <summary>A key such as a unit code: text, not wrapped.</summary>
    Code = 0,

    /// <summary>Free text, wrapped.</summary>
    Text = 1,

    /// <summary>Several entries, one per line of the cell.</summary>
    Lines = 2,

    /// <summary>A whole number of at least 1 (a goal number...).</summary>
    Number = 3,

    /// <summary>A figure (a target, an actual...).</summary>
    Figure = 4,

    /// <summary>A real Excel date shown as yyyy-mm-dd.</summary>
    Date = 5,

    /// <summary>One of a fixed list of words, offered by a drop-down list.</summary>
    Choice = 6,

    /// <summary>Shown for reading only (a name beside its code); import ignores it.</summary>
    Reference = 7,

    /// <summary>Computed from the other columns (a rating); import ignores it.</summary>
    Computed = 8,

    /// <summary>A computed ratio shown as a percentage; import ignores it.</summary>
    ComputedPercent = 9,
}

/// <summary>One column of a template sheet: its header (checked on import), kind, width and whether it must be filled.</summary>
public sealed record TemplateColumn(string Header, ColumnKind Kind, double Width, bool Required = false)
{
    /// <summary>Whether import reads the column; reference and computed columns are for people only.</summary>
    public bool IsImported => Kind is not (ColumnKind.Reference or ColumnKind.Computed or ColumnKind.ComputedPercent);

    /// <summary>The header without its parenthesised note, as messages name the column.</summary>
    public string Name => Header.Split('(')[0];
}

/// <summary>A sheet laid out as a table: one header row, then one record per row.</summary>
public sealed record TemplateTable(string Name, IReadOnlyList<TemplateColumn> Columns)
{
    public TemplateColumn this[int index] => Columns[index];
}

/// <summary>
/// The Excel template (version <see cref="Version"/>) that goals are exported in and imported from:
/// sheet names, headers and the words of drop-down lists. docs/excel-template.md describes it for people;
/// a change here is a new version of the template.
/// </summary>
public static class WorkbookTemplate
{
    /// <summary>The marker in the 説明 sheet that says a workbook is this template.</summary>
    public const string Id = "mokuhyo-goals";

    public const int Version = 1;

    public const string DescriptionSheet = "説明";
    public const string PlanSheet = "部の計画";
    public const string GoalSheet = "目標";
    public const string IndicatorSheet = "指標";
    public const string ResultSheet = "達成度合";
    public const string FieldSheet = "様式の項目";

    /// <summary>Label-and-value rows of the 説明 sheet (column A, column B), from row 3.</summary>
    public static class Description
    {
        public const int TitleRow = 1;
        public const int AboutRow = 2;
        public const int TemplateRow = 3;
        public const int VersionRow = 4;
        public const int MunicipalityCodeRow = 5;
        public const int MunicipalityNameRow = 6;
        public const int FiscalYearRow = 7;
        public const int FiscalYearLabelRow = 8;
        public const int PhaseRow = 9;
        public const int PhaseNameRow = 10;
        public const int GoalsHeadingRow = 11;
        public const int ResultsHeadingRow = 12;
        public const int RatingScaleRow = 13;

        /// <summary>The header of the table of departments the workbook covers; departments follow it.</summary>
        public const int DepartmentHeaderRow = 15;

        public const string About = "このブックについて";
        public const string Template = "テンプレート";
        public const string TemplateVersion = "テンプレートの版";
        public const string MunicipalityCode = "団体コード";
        public const string MunicipalityName = "団体名";
        public const string FiscalYear = "年度";
        public const string FiscalYearLabel = "年度(和暦)";
        public const string Phase = "報告段階";
        public const string PhaseName = "報告段階名";
        public const string GoalsHeading = "様式の見出し(目標)";
        public const string ResultsHeading = "様式の見出し(達成度合)";
        public const string RatingScale = "評価の尺度";

        /// <summary>Rows whose label and value import checks; the others are for reading.</summary>
        public static IReadOnlyList<(int Row, string Label)> CheckedRows { get; } =
        [
            (TemplateRow, Template), (VersionRow, TemplateVersion), (MunicipalityCodeRow, MunicipalityCode),
            (FiscalYearRow, FiscalYear), (PhaseRow, Phase),
        ];

        public static IReadOnlyList<(int Row, string Label)> Rows { get; } =
        [
            (AboutRow, About), (TemplateRow, Template), (VersionRow, TemplateVersion), (MunicipalityCodeRow, MunicipalityCode),
            (MunicipalityNameRow, MunicipalityName), (FiscalYearRow, FiscalYear), (FiscalYearLabelRow, FiscalYearLabel),
            (PhaseRow, Phase), (PhaseNameRow, PhaseName), (GoalsHeadingRow, GoalsHeading), (ResultsHeadingRow, ResultsHeading),
            (RatingScaleRow, RatingScale),
        ];

        public const int DepartmentCode = 0;

        /// <summary>The departments the workbook covers: their drafts are replaced by the other sheets.</summary>
        public static TemplateTable Departments { get; } = new(DescriptionSheet,
        [
            new("部コード", ColumnKind.Code, 24, Required: true),
            new("部名(参考)", ColumnKind.Reference, 60),
            new("部長の職名(参考)", ColumnKind.Reference, 18),
            new("部長名(参考)", ColumnKind.Reference, 16),
            new("構成(参考)", ColumnKind.Reference, 60),
            new("所管事務(参考)", ColumnKind.Reference, 40),
        ]);
    }

    /// <summary>部の計画: one row per item of a plan section.</summary>
    public static class Plan
    {
        public const int DepartmentCode = 0;
        public const int DepartmentName = 1;
        public const int SectionKey = 2;
        public const int SectionTitle = 3;
        public const int Number = 4;
        public const int Label = 5;
        public const int Text = 6;

        public static TemplateTable Table { get; } = new(PlanSheet,
        [
            new("部コード", ColumnKind.Code, 18, Required: true),
            new("部名(参考)", ColumnKind.Reference, 14),
            new("区分キー", ColumnKind.Code, 16, Required: true),
            new("区分名(参考)", ColumnKind.Reference, 14),
            new("番号", ColumnKind.Number, 6, Required: true),
            new("見出し", ColumnKind.Text, 14),
            new("内容", ColumnKind.Text, 90, Required: true),
        ]);
    }

    /// <summary>目標: one row per goal.</summary>
    public static class Goals
    {
        public const int DepartmentCode = 0;
        public const int Number = 1;
        public const int Title = 2;
        public const int LeadCode = 3;
        public const int LeadName = 4;
        public const int CoUnitCodes = 5;
        public const int CoUnitNames = 6;
        public const int Body = 7;
        public const int PlannedActions = 8;
        public const int PlanReferences = 9;
        public const int Rating = 10;

        public static TemplateTable Table { get; } = new(GoalSheet,
        [
            new("部コード", ColumnKind.Code, 18, Required: true),
            new("目標番号", ColumnKind.Number, 8, Required: true),
            new("目標名", ColumnKind.Text, 28, Required: true),
            new("主たる担当課コード", ColumnKind.Code, 18, Required: true),
            new("主たる担当課名(参考)", ColumnKind.Reference, 14),
            new("関係課コード", ColumnKind.Lines, 18),
            new("関係課名(参考)", ColumnKind.Reference, 14),
            new("目標の内容", ColumnKind.Lines, 60),
            new("取組内容", ColumnKind.Lines, 44),
            new("関連する計画", ColumnKind.Lines, 24),
            new("評価(自動計算)", ColumnKind.Computed, 12),
        ]);
    }

    /// <summary>指標: one row per indicator, with its actual in the workbook's phase.</summary>
    public static class Indicators
    {
        public const int DepartmentCode = 0;
        public const int GoalNumber = 1;
        public const int Number = 2;
        public const int Name = 3;
        public const int Kind = 4;
        public const int Unit = 5;
        public const int Baseline = 6;
        public const int BaselineAsOf = 7;
        public const int Target = 8;
        public const int Direction = 9;
        public const int TargetNote = 10;
        public const int Due = 11;
        public const int Actual = 12;
        public const int ActualAsOf = 13;
        public const int Done = 14;
        public const int Ratio = 15;
        public const int Rating = 16;

        public static TemplateTable Table { get; } = new(IndicatorSheet,
        [
            new("部コード", ColumnKind.Code, 18, Required: true),
            new("目標番号", ColumnKind.Number, 8, Required: true),
            new("指標番号", ColumnKind.Number, 8, Required: true),
            new("指標名", ColumnKind.Text, 32, Required: true),
            new("種類", ColumnKind.Choice, 14, Required: true),
            new("単位", ColumnKind.Text, 8),
            new("現状値", ColumnKind.Figure, 10),
            new("現状値の時点", ColumnKind.Date, 12),
            new("目標値", ColumnKind.Figure, 10),
            new("方向", ColumnKind.Choice, 8),
            new("目標値の注記", ColumnKind.Text, 14),
            new("期限", ColumnKind.Date, 12),
            new("実績値", ColumnKind.Figure, 10),
            new("実績値の時点", ColumnKind.Date, 12),
            new("完了日", ColumnKind.Date, 12),
            new("達成率(自動計算)", ColumnKind.ComputedPercent, 10),
            new("評価(自動計算)", ColumnKind.Computed, 12),
        ]);

        /// <summary>The kinds as the public pages name them.</summary>
        public static IReadOnlyList<(IndicatorKind Kind, string Word)> Kinds { get; } =
        [
            (IndicatorKind.Numeric, "数値目標"),
            (IndicatorKind.Milestone, "期限のある取組"),
            (IndicatorKind.Output, "実績の報告"),
            (IndicatorKind.Qualitative, "定性的な目標"),
        ];

        public static IReadOnlyList<(TargetDirection Direction, string Word)> Directions { get; } =
        [
            (TargetDirection.AtLeast, "以上"),
            (TargetDirection.AtMost, "以下"),
            (TargetDirection.Exactly, "ちょうど"),
        ];
    }

    /// <summary>達成度合: one row per block (a paragraph or a bullet list) of a goal's result in the workbook's phase.</summary>
    public static class Results
    {
        public const int DepartmentCode = 0;
        public const int GoalNumber = 1;
        public const int Number = 2;
        public const int Kind = 3;
        public const int Heading = 4;
        public const int Text = 5;

        public static TemplateTable Table { get; } = new(ResultSheet,
        [
            new("部コード", ColumnKind.Code, 18, Required: true),
            new("目標番号", ColumnKind.Number, 8, Required: true),
            new("ブロック番号", ColumnKind.Number, 8, Required: true),
            new("種類", ColumnKind.Choice, 10, Required: true),
            new("見出し", ColumnKind.Text, 22),
            new("内容", ColumnKind.Lines, 90, Required: true),
        ]);

        public static IReadOnlyList<(ResultBlockKind Kind, string Word)> Kinds { get; } =
        [
            (ResultBlockKind.Paragraph, "段落"),
            (ResultBlockKind.BulletList, "箇条書き"),
        ];
    }

    /// <summary>
    /// The format's own goal fields (課題, 今後の方向性, 自己評価...), one row per goal and field, in the
    /// format's order. Written only when some goal has a value; imported when present (the values of the fields
    /// the workbook's phase fills), and a workbook without it leaves the fields as they are.
    /// </summary>
    public static class Fields
    {
        public const int DepartmentCode = 0;
        public const int GoalNumber = 1;
        public const int Key = 2;
        public const int Label = 3;
        public const int Column = 4;
        public const int Text = 5;

        public static TemplateTable Table { get; } = new(FieldSheet,
        [
            new("部コード", ColumnKind.Code, 18, Required: true),
            new("目標番号", ColumnKind.Number, 8, Required: true),
            new("項目キー", ColumnKind.Code, 16, Required: true),
            new("項目", ColumnKind.Reference, 22),
            new("区分(目標・結果)", ColumnKind.Reference, 12),
            new("内容", ColumnKind.Lines, 90),
        ]);

        public static string ColumnWord(string column) => column == "plan" ? "目標" : "結果";
    }

    /// <summary>The table sheets in the order they appear after 説明.</summary>
    public static IReadOnlyList<TemplateTable> Tables { get; } = [Plan.Table, Goals.Table, Indicators.Table, Results.Table];

    /// <summary>A column's letters (0 → A, 26 → AA).</summary>
    public static string ColumnLetter(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
