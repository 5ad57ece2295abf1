using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Domain.Tests.TestSupport;

/// <summary>
/// A small hand-built 市民生活部 of 入間市 for 令和4年度, given to the builder deliberately out of order:
/// <list type="bullet">
/// <item>units: 市民生活部 (部) with 地域振興課 (sort 2, with a 担当 under it) and 市民課 (sort 1), plus another department;</item>
/// <item>plan items of both sections, listed priority-policy first and with gaps in the ordinals;</item>
/// <item>goals listed 3, 1, 2: goals 1 and 2 are led by 地域振興課, goal 3 by 市民課.</item>
/// </list>
/// At year end goal 1 is not met (61.7% against 70%以上), goal 2 is not rated (its only actual is an interim one),
/// goal 3 is met (a milestone done on time and 8件 against 10件以下).
/// </summary>
internal sealed class SampleDepartment
{
    public static readonly FiscalYear Year = new(2022);

    public static readonly DateOnly YearEndAsOf = new(2023, 3, 31);

    public static readonly DateOnly InterimAsOf = new(2022, 9, 30);

    public static readonly DateTimeOffset PublishedAt = new(2023, 5, 31, 9, 0, 0, TimeSpan.FromHours(9));

    public SampleDepartment()
    {
        Municipality = new Municipality { Code = "112259", Slug = "iruma", Name = "入間市", Prefecture = "埼玉県" };

        Department = new OrgUnit
        {
            Code = "shimin-seikatsu",
            Name = "市民生活部",
            Kind = "部",
            IsReportingUnit = true,
            HeadTitle = "部長",
            HeadName = "入間 太郎",
            CompositionNote = "市民生活部は、市民課・地域振興課で構成する。",
            Responsibilities = ["戸籍及び住民基本台帳に関すること", "自治会に関すること"],
            SortOrder = 1,
        };
        Chiiki = new OrgUnit { Code = "chiiki-shinko", Name = "地域振興課", Kind = "課", ParentId = Department.Id, SortOrder = 2 };
        Kyodo = new OrgUnit { Code = "kyodo-suishin", Name = "協働推進担当", Kind = "担当", ParentId = Chiiki.Id, SortOrder = 1 };
        Shimin = new OrgUnit { Code = "shimin", Name = "市民課", Kind = "課", ParentId = Department.Id, SortOrder = 1 };
        OtherDepartment = new OrgUnit { Code = "kenko-fukushi", Name = "健康福祉部", Kind = "部", IsReportingUnit = true, SortOrder = 2 };
        OtherDivision = new OrgUnit { Code = "hoken-center", Name = "保健センター", Kind = "センター", ParentId = OtherDepartment.Id, SortOrder = 1 };

        PlanItems =
        [
            Plan("priority-policy", 2, "重点方針その2"),
            Plan("basic-direction", 30, "基本方向その3"),
            Plan("priority-policy", 1, "重点方針その1"),
            Plan("basic-direction", 10, "基本方向その1"),
            Plan("basic-direction", 20, "基本方向その2"),
        ];

        Goal1 = new Goal
        {
            Number = 1,
            Title = "地域コミュニティの活性化",
            Body = ["自治会への加入を促進し、地域のつながりを強める。"],
            PlannedActions = ["加入促進チラシの全戸配布", "地域講座の開催"],
            PlanReferences = ["第6次入間市総合計画"],
            DepartmentId = Department.Id,
            LeadUnitId = Chiiki.Id,
            Indicators =
            [
                new Indicator
                {
                    Ordinal = 2,
                    Name = "自治会加入率",
                    Kind = IndicatorKind.Numeric,
                    Unit = "%",
                    TargetValue = 70m,
                    Direction = TargetDirection.AtLeast,
                    BaselineValue = 61.0m,
                    BaselineAsOf = new DateOnly(2022, 4, 1),
                    Actuals =
                    [
                        new IndicatorActual { PhaseKey = "interim", Value = 60.2m, AsOf = InterimAsOf },
                        new IndicatorActual { PhaseKey = "year-end", Value = 61.7m, AsOf = YearEndAsOf },
                    ],
                },
                new Indicator
                {
                    Ordinal = 1,
                    Name = "地域講座の開催回数",
                    Kind = IndicatorKind.Output,
                    Unit = "回",
                    Actuals = [new IndicatorActual { PhaseKey = "year-end", Value = 223m, AsOf = YearEndAsOf }],
                },
            ],
            Results =
            [
                new GoalResult
                {
                    PhaseKey = "interim",
                    Blocks = [new ResultBlock { Ordinal = 1, Kind = ResultBlockKind.Paragraph, Text = "上半期は加入促進チラシを配布した。" }],
                },
                new GoalResult
                {
                    PhaseKey = "year-end",
                    Blocks =
                    [
                        new ResultBlock
                        {
                            Ordinal = 2,
                            Kind = ResultBlockKind.BulletList,
                            Heading = "【実施した講座】",
                            Items = ["防犯講座", "交通安全教室"],
                        },
                        new ResultBlock { Ordinal = 1, Kind = ResultBlockKind.Paragraph, Text = "自治会への加入促進に取り組んだ。" },
                    ],
                },
            ],
        };
        Goal1.CoUnits = [new GoalCoUnit { GoalId = Goal1.Id, OrgUnitId = Shimin.Id, Ordinal = 1 }];

        Goal2 = new Goal
        {
            Number = 2,
            Title = "市民協働の推進",
            DepartmentId = Department.Id,
            LeadUnitId = Chiiki.Id,
            Indicators =
            [
                new Indicator
                {
                    Ordinal = 1,
                    Name = "地域活動への参加率",
                    Kind = IndicatorKind.Numeric,
                    Unit = "%",
                    TargetValue = 80m,
                    Direction = TargetDirection.AtLeast,
                    TargetNote = "対人口比",
                    Actuals = [new IndicatorActual { PhaseKey = "interim", Value = 85m, AsOf = InterimAsOf }],
                },
                new Indicator { Ordinal = 2, Name = "協働のあり方の検討", Kind = IndicatorKind.Qualitative },
            ],
        };

        Goal3 = new Goal
        {
            Number = 3,
            Title = "窓口サービスの向上",
            DepartmentId = Department.Id,
            LeadUnitId = Shimin.Id,
            Indicators =
            [
                new Indicator
                {
                    Ordinal = 1,
                    Name = "窓口待ち時間短縮の方針策定",
                    Kind = IndicatorKind.Milestone,
                    DueDate = new DateOnly(2022, 12, 28),
                    Actuals = [new IndicatorActual { PhaseKey = "year-end", DoneDate = new DateOnly(2022, 12, 1) }],
                },
                new Indicator
                {
                    Ordinal = 2,
                    Name = "窓口での苦情件数",
                    Kind = IndicatorKind.Numeric,
                    Unit = "件",
                    TargetValue = 10m,
                    Direction = TargetDirection.AtMost,
                    Actuals = [new IndicatorActual { PhaseKey = "year-end", Value = 8m, AsOf = YearEndAsOf }],
                },
            ],
        };
    }

    public Municipality Municipality { get; }

    public OrgUnit Department { get; }

    public OrgUnit Chiiki { get; }

    public OrgUnit Kyodo { get; }

    public OrgUnit Shimin { get; }

    public OrgUnit OtherDepartment { get; }

    public OrgUnit OtherDivision { get; }

    public List<PlanItem> PlanItems { get; }

    public Goal Goal1 { get; }

    public Goal Goal2 { get; }

    public Goal Goal3 { get; }

    /// <summary>Units as a repository might return them: not in tree or sort order, other departments included.</summary>
    public IReadOnlyList<OrgUnit> Units => [OtherDivision, Chiiki, Department, Kyodo, OtherDepartment, Shimin];

    /// <summary>The goals in the order they are handed to the builder: 3, 1, 2.</summary>
    public IReadOnlyList<Goal> Goals => [Goal3, Goal1, Goal2];

    public DepartmentReportSource Source(PhaseDefinition? phase = null, DateOnly? evaluatedOn = null, ReportFormat? format = null)
    {
        var p = phase ?? TestFormats.YearEnd;
        return new DepartmentReportSource
        {
            Municipality = Municipality,
            FiscalYear = Year,
            Format = format ?? TestFormats.Default,
            Phase = p,
            Department = Department,
            Units = Units,
            PlanItems = PlanItems,
            Goals = Goals,
            Revision = 1,
            PublishedAt = PublishedAt,
            EvaluatedOn = evaluatedOn ?? DepartmentReportBuilder.EvaluationDate(p.Kind, Year, DateOnly.FromDateTime(PublishedAt.Date)),
        };
    }

    public DepartmentReport Build(PhaseDefinition? phase = null, DateOnly? evaluatedOn = null) =>
        DepartmentReportBuilder.Build(Source(phase, evaluatedOn));

    /// <summary>A source whose department has a single goal with the one indicator given, led by 市民課.</summary>
    public DepartmentReportSource WithSingleIndicator(Indicator indicator, PhaseDefinition? phase = null, DateOnly? evaluatedOn = null)
    {
        var goal = new Goal { Number = 1, Title = "単一指標の目標", DepartmentId = Department.Id, LeadUnitId = Shimin.Id, Indicators = [indicator] };
        return Source(phase, evaluatedOn) with { Goals = [goal], PlanItems = [] };
    }

    private PlanItem Plan(string section, int ordinal, string text) =>
        new() { OrgUnitId = Department.Id, SectionKey = section, Ordinal = ordinal, Text = text };
}
