using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Ratings;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Domain.Tests.TestSupport;

namespace Mokuhyo.Domain.Tests;

/// <summary>The report view model under formats with goal fields, figures, multi-year sections and a manual scale.</summary>
public class TemplateReportTests
{
    private static readonly ReportFormat WithFields = TestFormats.Default with
    {
        PlanSections =
        [
            .. TestFormats.Default.PlanSections,
            new PlanSectionDefinition { Key = "resources", Title = "経営資源", Kind = PlanSectionKind.Figures,
                Figures = [new FigureDefinition { Key = "staff", Label = "職員数", Unit = "人" }, new FigureDefinition { Key = "budget", Label = "予算", Unit = "千円" }] },
            new PlanSectionDefinition { Key = "vision", Title = "組織ビジョン", Kind = PlanSectionKind.Paragraph, SpansYears = true },
        ],
        GoalFields =
        [
            new GoalFieldDefinition { Key = "means", Label = "手段", Kind = GoalFieldKind.List, Column = GoalFieldColumn.Plan, Required = true },
            new GoalFieldDefinition { Key = "issues", Label = "課題", Kind = GoalFieldKind.Paragraph, Outputs = [FormatOutput.Html, FormatOutput.Pdf] },
            new GoalFieldDefinition { Key = "self", Label = "自己評価", Kind = GoalFieldKind.Rating },
            new GoalFieldDefinition { Key = "boss", Label = "上司評価", Kind = GoalFieldKind.Rating },
        ],
    };

    private static readonly ReportFormat Manual = WithFields with
    {
        RatingScale = RatingScale.MetOrNotMet with { Mode = RatingMode.Manual, SelfRatingField = "self", ConfirmedRatingField = "boss" },
        Labels = TestFormats.Labels with { ComputedRatingHeading = "指標による評価", UnconfirmedNote = "未確定" },
    };

    private static DepartmentReportSource Source(SampleDepartment sample, ReportFormat format, PhaseDefinition phase)
    {
        var goal = sample.Goals.Single(g => g.Number == 1);
        goal.FieldValues.AddRange(
        [
            new GoalFieldValue { GoalId = goal.Id, PhaseKey = "plan", FieldKey = "means", Value = "講座を開く\n\nチラシを配る" },
            new GoalFieldValue { GoalId = goal.Id, PhaseKey = "year-end", FieldKey = "issues", Value = "参加者が伸びなかった" },
            new GoalFieldValue { GoalId = goal.Id, PhaseKey = "interim", FieldKey = "issues", Value = "中間の課題" },
            new GoalFieldValue { GoalId = goal.Id, PhaseKey = "year-end", FieldKey = "self", Value = "met" },
        ]);
        var other = new OrgUnit { Code = sample.Department.Code, Name = sample.Department.Name, Kind = "部" };
        PlanItem[] items =
        [
            new PlanItem { OrgUnitId = sample.Department.Id, SectionKey = "resources", Ordinal = 1, Label = "staff", Text = "45" },
            new PlanItem { OrgUnitId = sample.Department.Id, SectionKey = "resources", Ordinal = 2, Label = "budget", Text = "120000" },
            new PlanItem { OrgUnitId = other.Id, SectionKey = "vision", Ordinal = 1, Text = "三年後の姿", FromYear = 2021, ToYear = 2023 },
            new PlanItem { OrgUnitId = other.Id, SectionKey = "vision", Ordinal = 1, Text = "前の三年", FromYear = 2018, ToYear = 2020 },
        ];
        return sample.Source(phase, format: format) with { PlanItems = [.. sample.PlanItems, .. items] };
    }

    [Fact]
    public void Goal_fields_are_shown_in_the_formats_order_plan_fields_from_the_plan_phase()
    {
        var report = DepartmentReportBuilder.Build(Source(new SampleDepartment(), WithFields, TestFormats.YearEnd));
        var goal = report.Goals.Single(g => g.Number == 1);

        Assert.Equal(["means", "issues", "self"], goal.Fields.Select(f => f.Key));
        Assert.Equal(["講座を開く", "チラシを配る"], goal.Fields[0].Lines);
        Assert.Equal("plan", goal.Fields[0].Column);
        Assert.Equal(["参加者が伸びなかった"], goal.Fields[1].Lines);
        Assert.Equal(["html", "pdf"], goal.Fields[1].Outputs);
        Assert.Equal(["達成"], goal.Fields[2].Lines);
        Assert.Null(goal.ComputedRating);
        Assert.Null(goal.RatingConfirmed);
    }

    [Fact]
    public void The_plan_phase_shows_plan_fields_only()
    {
        var report = DepartmentReportBuilder.Build(Source(new SampleDepartment(), WithFields, TestFormats.Plan));

        Assert.Equal(["means"], report.Goals.Single(g => g.Number == 1).Fields.Select(f => f.Key));
    }

    [Fact]
    public void Figures_take_their_labels_and_units_and_a_multi_year_item_shows_in_the_years_it_covers()
    {
        var report = DepartmentReportBuilder.Build(Source(new SampleDepartment(), WithFields, TestFormats.YearEnd));

        var figures = Assert.Single(report.PlanSections, s => s.Key == "resources");
        Assert.Equal("figures", figures.Kind);
        Assert.Equal([("職員数", "45人", 45m), ("予算", "120,000千円", 120000m)], figures.Items.Select(i => (i.Label!, i.Text, i.Value!.Value)));
        var vision = Assert.Single(report.PlanSections, s => s.Key == "vision");
        var item = Assert.Single(vision.Items);
        Assert.Equal(("三年後の姿", "令和3年度～令和5年度"), (item.Text, item.Span));
    }

    [Fact]
    public void A_manual_scale_shows_the_given_rating_and_the_computed_one_beside_it_where_they_differ()
    {
        var report = DepartmentReportBuilder.Build(Source(new SampleDepartment(), Manual, TestFormats.YearEnd));
        var goal = report.Goals.Single(g => g.Number == 1);

        // Goal 1 computes to 未達成 (61.7% against 70%以上); the division rated it 達成, unconfirmed.
        Assert.Equal(("達成", "met", false), (goal.Rating.Label, goal.Rating.Outcome, goal.RatingConfirmed!.Value));
        Assert.Equal("未達成", goal.ComputedRating!.Label);
        Assert.Equal(1, report.Summary.Met - DepartmentReportBuilder.Build(Source(new SampleDepartment(), WithFields, TestFormats.YearEnd)).Summary.Met);
        Assert.Equal("指標による評価", report.Labels.ComputedRatingHeading);
    }

    [Fact]
    public void Required_fields_name_each_goal_left_empty()
    {
        var sample = new SampleDepartment();
        var source = Source(sample, WithFields, TestFormats.YearEnd);

        var missing = RequiredFields.Missing(WithFields, TestFormats.YearEnd, source.Goals);

        Assert.Equal([2, 3], missing.Select(m => m.GoalNumber));
        Assert.All(missing, m => Assert.Equal("手段", m.Label));
    }
}
