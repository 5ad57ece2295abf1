using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Domain.Tests.TestSupport;

namespace Mokuhyo.Domain.Tests;

public class DepartmentReportBuilderTests
{
    private readonly SampleDepartment sample = new();

    // ---- Header -----------------------------------------------------------------------------------------

    [Fact]
    public void Title_is_the_format_pattern_filled_with_the_department_name()
    {
        Assert.Equal("市民生活部の目標", sample.Build().Title);
    }

    [Fact]
    public void Headings_are_bracketed_as_the_format_says()
    {
        Assert.Equal("【部の基本方向】", sample.Build().Heading("部の基本方向"));
    }

    [Fact]
    public void Fiscal_year_is_given_as_western_year_and_era_label()
    {
        var report = sample.Build();

        Assert.Equal(2022, report.FiscalYear);
        Assert.Equal("令和4年度", report.FiscalYearLabel);
    }

    [Fact]
    public void Phase_revision_and_publication_are_carried_over()
    {
        var report = sample.Build();

        Assert.Equal(new ReportPhase("year-end", "期末報告", "year-end"), report.Phase);
        Assert.Equal(1, report.Revision);
        Assert.Equal(SampleDepartment.PublishedAt, report.PublishedAt);
        Assert.Equal(1, report.SchemaVersion);
    }

    [Theory]
    [InlineData("plan", "plan")]
    [InlineData("interim", "interim")]
    [InlineData("year-end", "year-end")]
    public void Phase_kind_is_written_in_kebab_case(string phaseKey, string expectedKind)
    {
        var phase = TestFormats.Default.FindPhase(phaseKey)!;

        Assert.Equal(expectedKind, sample.Build(phase, new DateOnly(2022, 10, 1)).Phase.Kind);
    }

    [Fact]
    public void Municipality_is_carried_over_with_its_licence()
    {
        var municipality = sample.Build().Municipality;

        Assert.Equal("112259", municipality.Code);
        Assert.Equal("iruma", municipality.Slug);
        Assert.Equal("入間市", municipality.Name);
        Assert.Equal("公共データ利用規約(第1.0版)(PDL1.0)", municipality.LicenceName);
        Assert.Equal(sample.Municipality.LicenceUrl, municipality.LicenceUrl);
    }

    [Fact]
    public void Labels_are_the_formats_words_and_its_rating_scale_name()
    {
        var labels = sample.Build().Labels;

        Assert.Equal("{0}の目標", labels.DepartmentReportTitle);
        Assert.Equal("【{0}】", labels.HeadingPattern);
        Assert.Equal("課の目標(達成すべき目標)", labels.GoalsHeading);
        Assert.Equal("目標の達成度合", labels.ResultsHeading);
        Assert.Equal("指標", labels.IndicatorHeading);
        Assert.Equal("現状値", labels.BaselineHeading);
        Assert.Equal("目標値", labels.TargetHeading);
        Assert.Equal("実績値", labels.ActualHeading);
        Assert.Equal("達成率", labels.RatioHeading);
        Assert.Equal("時点", labels.AsOfHeading);
        Assert.Equal("評価", labels.RatingHeading);
        Assert.Equal("関連する計画", labels.PlanReferencesHeading);
        Assert.Equal("関係課", labels.CoUnitsHeading);
        Assert.Equal("所管事務", labels.ResponsibilitiesHeading);
        Assert.Equal("達成・未達成", labels.RatingScaleName);
        Assert.Equal("評価対象外", labels.NotRatedLabel);
    }

    // ---- Department tree --------------------------------------------------------------------------------

    [Fact]
    public void Department_carries_its_head_composition_and_responsibilities()
    {
        var department = sample.Build().Department;

        Assert.Equal("shimin-seikatsu", department.Code);
        Assert.Equal("市民生活部", department.Name);
        Assert.Equal("部", department.Kind);
        Assert.Equal("部長", department.HeadTitle);
        Assert.Equal("入間 太郎", department.HeadName);
        Assert.Equal("市民生活部は、市民課・地域振興課で構成する。", department.CompositionNote);
        Assert.Equal(["戸籍及び住民基本台帳に関すること", "自治会に関すること"], department.Responsibilities);
    }

    [Fact]
    public void Department_children_are_its_own_units_in_sort_order()
    {
        var department = sample.Build().Department;

        Assert.Equal(["shimin", "chiiki-shinko"], department.Children.Select(c => c.Code));
        Assert.Equal(["市民課", "地域振興課"], department.Children.Select(c => c.Name));
        Assert.All(department.Children, c => Assert.Equal("課", c.Kind));
    }

    [Fact]
    public void Department_tree_goes_down_to_grandchildren()
    {
        var department = sample.Build().Department;

        var chiiki = Assert.Single(department.Children, c => c.Code == "chiiki-shinko");
        var kyodo = Assert.Single(chiiki.Children);
        Assert.Equal("協働推進担当", kyodo.Name);
        Assert.Equal("担当", kyodo.Kind);
        Assert.Empty(kyodo.Children);
        Assert.Empty(Assert.Single(department.Children, c => c.Code == "shimin").Children);
    }

    [Fact]
    public void Units_of_other_departments_stay_out_of_the_tree()
    {
        var department = sample.Build().Department;

        Assert.DoesNotContain(Flatten(department), u => u.Code is "kenko-fukushi" or "hoken-center");
        Assert.Equal(3, Flatten(department).Count() - 1);
    }

    // ---- Plan sections ----------------------------------------------------------------------------------

    [Fact]
    public void Plan_sections_follow_the_format_order()
    {
        var sections = sample.Build().PlanSections;

        Assert.Equal(["basic-direction", "priority-policy"], sections.Select(s => s.Key));
        Assert.Equal(["部の基本方向", "部の重点方針"], sections.Select(s => s.Title));
        Assert.All(sections, s => Assert.Equal("numbered-list", s.Kind));
    }

    [Fact]
    public void Plan_items_are_numbered_from_one_in_ordinal_order()
    {
        var basic = sample.Build().PlanSections[0];

        Assert.Equal([1, 2, 3], basic.Items.Select(i => i.Number));
        Assert.Equal(["基本方向その1", "基本方向その2", "基本方向その3"], basic.Items.Select(i => i.Text));
    }

    [Fact]
    public void Each_section_numbers_its_own_items()
    {
        var priority = sample.Build().PlanSections[1];

        Assert.Equal([1, 2], priority.Items.Select(i => i.Number));
        Assert.Equal(["重点方針その1", "重点方針その2"], priority.Items.Select(i => i.Text));
    }

    [Fact]
    public void A_section_without_items_is_left_out()
    {
        sample.PlanItems.RemoveAll(i => i.SectionKey == "priority-policy");

        Assert.Equal(["basic-direction"], sample.Build().PlanSections.Select(s => s.Key));
    }

    [Fact]
    public void Table_sections_keep_their_row_labels()
    {
        var format = TestFormats.Default with
        {
            PlanSections = [new PlanSectionDefinition { Key = "resources", Title = "経営資源", Kind = PlanSectionKind.Table }],
        };
        var items = new List<Organization.PlanItem>
        {
            new() { SectionKey = "resources", Ordinal = 2, Label = "予算", Text = "1,234千円" },
            new() { SectionKey = "resources", Ordinal = 1, Label = "職員数", Text = "45人" },
        };

        var section = Assert.Single(DepartmentReportBuilder.Build(sample.Source(format: format) with { PlanItems = items }).PlanSections);

        Assert.Equal("table", section.Kind);
        Assert.Equal(new ReportPlanItem(1, "職員数", "45人"), section.Items[0]);
        Assert.Equal(new ReportPlanItem(2, "予算", "1,234千円"), section.Items[1]);
    }

    // ---- Goals and groups -------------------------------------------------------------------------------

    [Fact]
    public void Goals_are_in_number_order_whatever_order_they_were_given_in()
    {
        Assert.Equal([1, 2, 3], sample.Build().Goals.Select(g => g.Number));
    }

    [Fact]
    public void Goals_are_grouped_under_their_lead_division()
    {
        var groups = sample.Build().GoalGroups;

        Assert.Collection(
            groups,
            g =>
            {
                Assert.Equal(new ReportUnitRef("chiiki-shinko", "地域振興課", "課"), g.LeadUnit);
                Assert.Equal([1, 2], g.Goals.Select(x => x.Number));
            },
            g =>
            {
                Assert.Equal(new ReportUnitRef("shimin", "市民課", "課"), g.LeadUnit);
                Assert.Equal([3], g.Goals.Select(x => x.Number));
            });
    }

    [Fact]
    public void Goals_stay_in_number_order_when_a_division_leads_goals_that_are_not_adjacent()
    {
        sample.Goal2.LeadUnitId = sample.Shimin.Id; // 1: 地域振興課, 2: 市民課, 3: 市民課
        sample.Goal3.LeadUnitId = sample.Chiiki.Id; // 3: 地域振興課 again

        var report = sample.Build();

        Assert.Equal([1, 2, 3], report.Goals.Select(g => g.Number));
        Assert.Equal(["chiiki-shinko", "shimin", "chiiki-shinko"], report.GoalGroups.Select(g => g.LeadUnit.Code));
    }

    [Fact]
    public void Goal_carries_its_text_co_units_and_plan_references()
    {
        var goal = sample.Build().Goals.First();

        Assert.Equal("地域コミュニティの活性化", goal.Title);
        Assert.Equal(["自治会への加入を促進し、地域のつながりを強める。"], goal.Body);
        Assert.Equal(["加入促進チラシの全戸配布", "地域講座の開催"], goal.PlannedActions);
        Assert.Equal(["第6次入間市総合計画"], goal.PlanReferences);
        Assert.Equal(new ReportUnitRef("chiiki-shinko", "地域振興課", "課"), goal.LeadUnit);
        Assert.Equal([new ReportUnitRef("shimin", "市民課", "課")], goal.CoUnits);
    }

    [Fact]
    public void Co_units_are_in_ordinal_order()
    {
        sample.Goal1.CoUnits =
        [
            new GoalCoUnit { OrgUnitId = sample.Kyodo.Id, Ordinal = 2 },
            new GoalCoUnit { OrgUnitId = sample.Shimin.Id, Ordinal = 1 },
        ];

        Assert.Equal(["shimin", "kyodo-suishin"], sample.Build().Goals.First().CoUnits.Select(c => c.Code));
    }

    [Fact]
    public void Indicators_are_in_ordinal_order()
    {
        var goal = sample.Build().Goals.First();

        Assert.Equal(["地域講座の開催回数", "自治会加入率"], goal.Indicators.Select(i => i.Name));
        Assert.Equal(["output", "numeric"], goal.Indicators.Select(i => i.Kind));
    }

    // ---- Indicators -------------------------------------------------------------------------------------

    [Fact]
    public void Numeric_target_reads_value_unit_and_direction()
    {
        var indicator = IndicatorNamed(sample.Build(), "自治会加入率");

        Assert.NotNull(indicator.Target);
        Assert.Equal("70%以上", indicator.Target.Text);
        Assert.Equal(70m, indicator.Target.Value);
        Assert.Equal("at-least", indicator.Target.Direction);
        Assert.Null(indicator.Target.Note);
        Assert.Equal("%", indicator.Unit);
    }

    [Fact]
    public void Target_note_is_written_in_parentheses_after_the_direction()
    {
        var indicator = IndicatorNamed(sample.Build(), "地域活動への参加率");

        Assert.NotNull(indicator.Target);
        Assert.Equal("80%以上(対人口比)", indicator.Target.Text);
        Assert.Equal("対人口比", indicator.Target.Note);
    }

    [Theory]
    [InlineData(TargetDirection.AtLeast, "70%以上", "at-least")]
    [InlineData(TargetDirection.AtMost, "70%以下", "at-most")]
    [InlineData(TargetDirection.Exactly, "70%", "exactly")]
    public void Target_text_uses_the_formats_direction_words(TargetDirection direction, string expectedText, string expectedDirection)
    {
        var indicator = new Indicator { Name = "率", Kind = IndicatorKind.Numeric, Unit = "%", TargetValue = 70m, Direction = direction };

        var target = SingleIndicator(DepartmentReportBuilder.Build(sample.WithSingleIndicator(indicator))).Target;

        Assert.NotNull(target);
        Assert.Equal(expectedText, target.Text);
        Assert.Equal(expectedDirection, target.Direction);
    }

    [Fact]
    public void Target_of_a_large_figure_is_grouped()
    {
        var indicator = new Indicator { Name = "世帯数", Kind = IndicatorKind.Numeric, Unit = "世帯", TargetValue = 40070m };

        var target = SingleIndicator(DepartmentReportBuilder.Build(sample.WithSingleIndicator(indicator))).Target;

        Assert.Equal("40,070世帯以上", target?.Text);
    }

    [Fact]
    public void Only_numeric_indicators_show_a_target()
    {
        var indicator = new Indicator { Name = "開催回数", Kind = IndicatorKind.Output, Unit = "回", TargetValue = 200m };

        Assert.Null(SingleIndicator(DepartmentReportBuilder.Build(sample.WithSingleIndicator(indicator))).Target);
    }

    [Fact]
    public void Actual_reads_the_figure_and_its_as_of_date_with_matsujitsu()
    {
        var actual = IndicatorNamed(sample.Build(), "自治会加入率").Actual;

        Assert.NotNull(actual);
        Assert.Equal(61.7m, actual.Value);
        Assert.Equal("61.7%", actual.Text);
        Assert.Equal(new ReportDate(new DateOnly(2023, 3, 31), "令和5年3月末日現在"), actual.AsOf);
    }

    [Fact]
    public void As_of_reads_the_day_when_the_format_does_not_write_matsujitsu()
    {
        var format = TestFormats.Default with { MonthEndAsMatsujitsu = false };

        var report = DepartmentReportBuilder.Build(sample.Source(format: format));

        Assert.Equal("令和5年3月31日現在", IndicatorNamed(report, "自治会加入率").Actual?.AsOf?.Label);
    }

    [Fact]
    public void Baseline_reads_the_figure_without_padding_and_its_as_of_date()
    {
        var baseline = IndicatorNamed(sample.Build(), "自治会加入率").Baseline;

        Assert.NotNull(baseline);
        Assert.Equal(61.0m, baseline.Value);
        Assert.Equal("61%", baseline.Text);
        Assert.Equal("令和4年4月1日現在", baseline.AsOf?.Label);
    }

    [Fact]
    public void Actual_without_an_as_of_date_has_none()
    {
        sample.Goal3.Indicators[1].Actuals[0].AsOf = null;

        var actual = IndicatorNamed(sample.Build(), "窓口での苦情件数").Actual;

        Assert.Equal("8件", actual?.Text);
        Assert.Null(actual?.AsOf);
    }

    [Fact]
    public void Output_shows_its_figure_and_is_not_rated_for_want_of_a_target()
    {
        var output = IndicatorNamed(sample.Build(), "地域講座の開催回数");

        Assert.Equal("223回", output.Actual?.Text);
        Assert.Equal("not-rated", output.Rating.Outcome);
        Assert.Equal("no-target", output.Rating.NotRatedReason);
        Assert.Equal("評価対象外", output.Rating.Label);
    }

    [Fact]
    public void Actuals_of_another_phase_are_ignored()
    {
        var indicator = IndicatorNamed(sample.Build(), "地域活動への参加率");

        Assert.Null(indicator.Actual);
        Assert.Equal("not-rated", indicator.Rating.Outcome);
        Assert.Equal("missing-actual", indicator.Rating.NotRatedReason);
    }

    [Fact]
    public void Numeric_rating_shows_level_ratio_and_truncated_percent()
    {
        var rating = IndicatorNamed(sample.Build(), "自治会加入率").Rating;

        Assert.Equal("not-met", rating.Outcome);
        Assert.Equal("not-met", rating.LevelKey);
        Assert.Equal("未達成", rating.Label);
        Assert.Equal(0.881429m, rating.Ratio); // rounded to six places in the view model
        Assert.Equal(88.1m, rating.RatioPercent);
        Assert.Equal("88.1%", rating.RatioText);
        Assert.Null(rating.NotRatedReason);
    }

    [Fact]
    public void Near_miss_ratio_text_never_reads_100_percent()
    {
        var indicator = new Indicator
        {
            Name = "率",
            Kind = IndicatorKind.Numeric,
            Unit = "%",
            TargetValue = 70m,
            Actuals = [new IndicatorActual { PhaseKey = "year-end", Value = 69.99m, AsOf = SampleDepartment.YearEndAsOf }],
        };

        var rating = SingleIndicator(DepartmentReportBuilder.Build(sample.WithSingleIndicator(indicator))).Rating;

        Assert.Equal("not-met", rating.Outcome);
        Assert.Equal("99.9%", rating.RatioText);
    }

    [Fact]
    public void A_rating_without_a_ratio_has_no_ratio_text()
    {
        var report = sample.Build();

        Assert.Null(IndicatorNamed(report, "窓口待ち時間短縮の方針策定").Rating.RatioText);
        Assert.Null(IndicatorNamed(report, "地域講座の開催回数").Rating.RatioText);
    }

    [Fact]
    public void At_most_indicator_below_its_ceiling_is_met()
    {
        var rating = IndicatorNamed(sample.Build(), "窓口での苦情件数").Rating;

        Assert.Equal("met", rating.Outcome);
        Assert.Equal("達成", rating.Label);
        Assert.Equal(125m, rating.RatioPercent);
        Assert.Equal("125%", rating.RatioText);
    }

    [Fact]
    public void Milestone_shows_its_due_and_done_dates_in_wareki()
    {
        var milestone = IndicatorNamed(sample.Build(), "窓口待ち時間短縮の方針策定");

        Assert.Equal("milestone", milestone.Kind);
        Assert.Equal(new ReportDate(new DateOnly(2022, 12, 28), "令和4年12月28日"), milestone.Due);
        Assert.Equal(new ReportDate(new DateOnly(2022, 12, 1), "令和4年12月1日"), milestone.Done);
        Assert.Null(milestone.Actual);
        Assert.Null(milestone.Target);
        Assert.Equal("met", milestone.Rating.Outcome);
        Assert.Null(milestone.Rating.Ratio);
    }

    [Fact]
    public void Qualitative_indicator_is_not_rated_as_qualitative()
    {
        var rating = IndicatorNamed(sample.Build(), "協働のあり方の検討").Rating;

        Assert.Equal("not-rated", rating.Outcome);
        Assert.Equal("qualitative", rating.NotRatedReason);
        Assert.Null(rating.LevelKey);
    }

    [Fact]
    public void Milestone_not_done_and_overdue_on_the_evaluation_day_is_not_met()
    {
        var report = sample.Build(TestFormats.Interim, evaluatedOn: new DateOnly(2023, 1, 10));

        var rating = IndicatorNamed(report, "窓口待ち時間短縮の方針策定").Rating;

        Assert.Equal("not-met", rating.Outcome);
    }

    [Fact]
    public void Milestone_not_done_before_its_due_date_is_not_yet_due()
    {
        var report = sample.Build(TestFormats.Interim, evaluatedOn: new DateOnly(2022, 10, 15));

        var milestone = IndicatorNamed(report, "窓口待ち時間短縮の方針策定");

        Assert.Null(milestone.Done);
        Assert.Equal("not-rated", milestone.Rating.Outcome);
        Assert.Equal("not-yet-due", milestone.Rating.NotRatedReason);
    }

    // ---- Goal ratings, results and summary ---------------------------------------------------------------

    [Fact]
    public void Goal_ratings_are_written_as_met_not_met_and_not_rated()
    {
        var goals = sample.Build().Goals.ToList();

        Assert.Equal(["not-met", "not-rated", "met"], goals.Select(g => g.Rating.Outcome));
        Assert.Equal(["未達成", "評価対象外", "達成"], goals.Select(g => g.Rating.Label));
    }

    [Fact]
    public void Goal_with_one_missed_indicator_is_not_met_even_if_another_is_only_reported()
    {
        var goal = sample.Build().Goals.First();

        Assert.Equal("not-met", goal.Rating.Outcome);
        Assert.Equal(88.1m, goal.Rating.RatioPercent);
    }

    [Fact]
    public void Result_of_the_phase_is_shown_with_its_blocks_in_order()
    {
        var result = sample.Build().Goals.First().Result;

        Assert.NotNull(result);
        Assert.Collection(
            result.Blocks,
            b =>
            {
                Assert.Equal("paragraph", b.Kind);
                Assert.Equal("自治会への加入促進に取り組んだ。", b.Text);
                Assert.Null(b.Heading);
                Assert.Empty(b.Items);
            },
            b =>
            {
                Assert.Equal("bullet-list", b.Kind);
                Assert.Equal("【実施した講座】", b.Heading);
                Assert.Equal(["防犯講座", "交通安全教室"], b.Items);
            });
    }

    [Fact]
    public void Goal_without_a_result_in_the_phase_has_none()
    {
        Assert.Null(sample.Build().Goals.Single(g => g.Number == 2).Result);
    }

    [Fact]
    public void Summary_counts_goals_by_outcome_and_by_level()
    {
        var summary = sample.Build().Summary;

        Assert.Equal(3, summary.Goals);
        Assert.Equal(1, summary.Met);
        Assert.Equal(1, summary.NotMet);
        Assert.Equal(1, summary.NotRated);
        Assert.Equal([new ReportLevelCount("met", "達成", 1), new ReportLevelCount("not-met", "未達成", 1)], summary.Levels);
    }

    [Fact]
    public void Summary_lists_every_level_of_the_scale_even_when_none_reached_it()
    {
        var format = TestFormats.Default with { RatingScale = TestScales.Sabcd };

        var summary = DepartmentReportBuilder.Build(sample.Source(format: format)).Summary;

        // Goal 1: 61.7 / 70 = 0.88 → B; goal 3: milestone on time → S and 10 / 8 = 1.25 → S, so S.
        Assert.Equal(["S", "A", "B", "C", "D"], summary.Levels.Select(l => l.Key));
        Assert.Equal([1, 0, 1, 0, 0], summary.Levels.Select(l => l.Count));
        Assert.Equal(1, summary.Met);
        Assert.Equal(1, summary.NotMet);
        Assert.Equal(1, summary.NotRated);
    }

    [Fact]
    public void Interim_report_reads_interim_actuals_and_results()
    {
        var report = sample.Build(TestFormats.Interim, evaluatedOn: new DateOnly(2022, 10, 15));

        var participation = IndicatorNamed(report, "地域活動への参加率");
        Assert.Equal("85%", participation.Actual?.Text);
        Assert.Equal("令和4年9月末日現在", participation.Actual?.AsOf?.Label);
        Assert.Equal("met", participation.Rating.Outcome);

        Assert.Equal("60.2%", IndicatorNamed(report, "自治会加入率").Actual?.Text);
        Assert.Equal("上半期は加入促進チラシを配布した。", report.Goals.First().Result?.Blocks.Single().Text);
        Assert.Equal(["not-met", "met", "not-rated"], report.Goals.Select(g => g.Rating.Outcome));
    }

    [Fact]
    public void Plan_report_has_no_actuals_and_rates_nothing()
    {
        var report = sample.Build(TestFormats.Plan, evaluatedOn: new DateOnly(2022, 4, 1));

        Assert.All(report.Goals.SelectMany(g => g.Indicators), i => Assert.Null(i.Actual));
        Assert.All(report.Goals, g => Assert.Equal("not-rated", g.Rating.Outcome));
        Assert.All(report.Goals, g => Assert.Null(g.Result));
        Assert.Equal(3, report.Summary.NotRated);
    }

    [Fact]
    public void Build_requires_a_source()
    {
        Assert.Throws<ArgumentNullException>(() => DepartmentReportBuilder.Build(null!));
    }

    // ---- Evaluation date --------------------------------------------------------------------------------

    [Theory]
    [InlineData(2023, 5, 31)]
    [InlineData(2022, 10, 1)]
    [InlineData(2023, 3, 31)]
    public void Year_end_is_judged_on_the_last_day_of_the_fiscal_year(int year, int month, int day)
    {
        var date = DepartmentReportBuilder.EvaluationDate(PhaseKind.YearEnd, new FiscalYear(2022), new DateOnly(year, month, day));

        Assert.Equal(new DateOnly(2023, 3, 31), date);
    }

    [Fact]
    public void Interim_published_mid_year_is_judged_on_the_day_it_is_published()
    {
        var date = DepartmentReportBuilder.EvaluationDate(PhaseKind.Interim, new FiscalYear(2022), new DateOnly(2022, 10, 15));

        Assert.Equal(new DateOnly(2022, 10, 15), date);
    }

    [Theory]
    [InlineData(2023, 4, 1)]
    [InlineData(2024, 6, 30)]
    public void Interim_published_after_the_year_ended_is_judged_on_its_last_day(int year, int month, int day)
    {
        var date = DepartmentReportBuilder.EvaluationDate(PhaseKind.Interim, new FiscalYear(2022), new DateOnly(year, month, day));

        Assert.Equal(new DateOnly(2023, 3, 31), date);
    }

    [Fact]
    public void Interim_published_on_the_last_day_is_judged_that_day()
    {
        var date = DepartmentReportBuilder.EvaluationDate(PhaseKind.Interim, new FiscalYear(2022), new DateOnly(2023, 3, 31));

        Assert.Equal(new DateOnly(2023, 3, 31), date);
    }

    [Fact]
    public void Plan_published_before_the_year_starts_is_judged_on_the_day_it_is_published()
    {
        var date = DepartmentReportBuilder.EvaluationDate(PhaseKind.Plan, new FiscalYear(2022), new DateOnly(2022, 3, 25));

        Assert.Equal(new DateOnly(2022, 3, 25), date);
    }

    private static ReportIndicator IndicatorNamed(DepartmentReport report, string name) =>
        report.Goals.SelectMany(g => g.Indicators).Single(i => i.Name == name);

    private static ReportIndicator SingleIndicator(DepartmentReport report) =>
        Assert.Single(Assert.Single(report.Goals).Indicators);

    private static IEnumerable<ReportUnit> Flatten(ReportUnit unit) => [unit, .. unit.Children.SelectMany(Flatten)];
}
