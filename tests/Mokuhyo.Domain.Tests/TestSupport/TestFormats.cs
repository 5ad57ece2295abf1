using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Ratings;

namespace Mokuhyo.Domain.Tests.TestSupport;

/// <summary>The seed's format (入間市 組織目標の様式), written out by hand so tests do not depend on template files.</summary>
internal static class TestFormats
{
    public static PhaseDefinition Plan { get; } = new() { Key = "plan", Name = "目標設定", Kind = PhaseKind.Plan };

    public static PhaseDefinition Interim { get; } = new() { Key = "interim", Name = "中間報告", Kind = PhaseKind.Interim };

    public static PhaseDefinition YearEnd { get; } = new() { Key = "year-end", Name = "期末報告", Kind = PhaseKind.YearEnd };

    public static FormatLabels Labels { get; } = new()
    {
        DepartmentReportTitle = "{0}の目標",
        HeadingPattern = "【{0}】",
        GoalsHeading = "課の目標(達成すべき目標)",
        ResultsHeading = "目標の達成度合",
        IndicatorHeading = "指標",
        BaselineHeading = "現状値",
        TargetHeading = "目標値",
        ActualHeading = "実績値",
        RatioHeading = "達成率",
        AsOfHeading = "時点",
        RatingHeading = "評価",
        PlanReferencesHeading = "関連する計画",
        CoUnitsHeading = "関係課",
        ResponsibilitiesHeading = "所管事務",
    };

    public static ReportFormat Default { get; } = new()
    {
        Key = "default",
        Name = "標準(入間市 組織目標の様式)",
        Labels = Labels,
        PlanSections =
        [
            new PlanSectionDefinition { Key = "basic-direction", Title = "部の基本方向", Kind = PlanSectionKind.NumberedList },
            new PlanSectionDefinition { Key = "priority-policy", Title = "部の重点方針", Kind = PlanSectionKind.NumberedList },
        ],
        Phases = [Plan, Interim, YearEnd],
        UnitKinds = ["部", "担当部長", "室", "課", "担当", "センター", "支所", "事務局"],
        Directions = new DirectionLabels { AtLeast = "以上", AtMost = "以下", Exactly = "" },
        RatingScale = RatingScale.MetOrNotMet,
        MonthEndAsMatsujitsu = true,
    };
}
