using Mokuhyo.Domain.Dashboards;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Domain.Tests.TestSupport;

namespace Mokuhyo.Domain.Tests;

public sealed class DashboardTests
{
    private readonly SampleDepartment sample = new();

    [Fact]
    public void Dashboard_counts_each_departments_goals_by_outcome_and_sums_them()
    {
        var report = sample.Build();

        var dashboard = YearDashboard.Build(2022, "令和4年度", [report, report with { Department = report.Department with { Code = "other", Name = "健康福祉部" } }]);

        Assert.Equal(["市民生活部", "健康福祉部"], dashboard.Departments.Select(d => d.Name));
        var first = dashboard.Departments[0];
        Assert.Equal((3, 1, 1, 1), (first.Goals, first.Met, first.NotMet, first.NotRated));
        Assert.Equal((6, 2, 2, 2), (dashboard.Goals, dashboard.Met, dashboard.NotMet, dashboard.NotRated));
    }

    [Fact]
    public void Dashboard_lists_numeric_indicators_only_with_the_ratio_they_were_published_with()
    {
        var report = sample.Build();

        var indicators = YearDashboard.Build(2022, "令和4年度", [report]).Indicators.ToList();

        var numeric = report.Goals.SelectMany(g => g.Indicators.Where(i => i.Kind == "numeric").Select(i => (g.Number, i))).ToList();
        Assert.Equal(numeric.Count, indicators.Count);
        Assert.True(numeric.Count < report.Goals.Sum(g => g.Indicators.Count), "The sample should have an indicator that is not numeric.");
        Assert.Equal(numeric.Select(x => (x.Number, x.i.Name, x.i.Rating.RatioPercent)), indicators.Select(i => (i.GoalNumber, i.Name, i.RatioPercent)));
        Assert.Contains(indicators, i => i.GoalNumber == 1 && i.RatioPercent == 88.1m && i.Outcome == Outcomes.NotMet);
    }

    [Fact]
    public void History_follows_a_carried_goal_back_and_forward_and_lines_up_its_indicators_by_year()
    {
        var y2022 = sample.Build();
        var goal = y2022.Goals.Single(g => g.Number == 1);
        var y2023 = NextYear(y2022, 2023, "令和5年度", goal, newNumber: 2);
        var carried = y2023.Goals.Single(g => g.Number == 2);
        var y2024 = NextYear(y2023, 2024, "令和6年度", carried, newNumber: 1);

        var fromMiddle = GoalHistory.Build(y2023, carried, [y2022, y2023, y2024]);
        var fromFirst = GoalHistory.Build(y2022, goal, [y2024, y2023]);

        Assert.Equal([2022, 2023, 2024], fromMiddle.Years.Select(y => y.FiscalYear));
        Assert.Equal([1, 2, 1], fromMiddle.Years.Select(y => y.GoalNumber));
        Assert.Equal([false, true, false], fromMiddle.Years.Select(y => y.IsRequested));
        Assert.Equal(fromMiddle.Years.Select(y => y.FiscalYear), fromFirst.Years.Select(y => y.FiscalYear));
        Assert.True(fromFirst.SpansYears);
        var indicator = fromMiddle.Indicators[0];
        Assert.Equal(goal.Indicators[0].Name, indicator.Name);
        Assert.Equal([2022, 2023, 2024], indicator.Years.Select(y => y.FiscalYear));
        Assert.Equal(goal.Indicators[0].Target?.Value, indicator.Years[0].Target?.Value);
    }

    [Fact]
    public void History_of_a_goal_not_carried_anywhere_has_its_own_year_only()
    {
        var y2022 = sample.Build();
        var goal = y2022.Goals.Single(g => g.Number == 1);
        var y2023 = NextYear(y2022, 2023, "令和5年度", y2022.Goals.Single(g => g.Number == 2), newNumber: 1);

        var history = GoalHistory.Build(y2022, goal, [y2022, y2023]);

        Assert.False(history.SpansYears);
        Assert.Equal([2022], history.Years.Select(y => y.FiscalYear));
    }

    /// <summary>The next year's report with only <paramref name="carried"/>, carried forward under a new identity and number.</summary>
    private static DepartmentReport NextYear(DepartmentReport report, int year, string label, ReportGoal carried, int newNumber)
    {
        var copy = carried with { Id = Guid.NewGuid(), PreviousId = carried.Id, Number = newNumber };
        return report with
        {
            FiscalYear = year,
            FiscalYearLabel = label,
            GoalGroups = [new ReportGoalGroup(copy.LeadUnit, [copy])],
        };
    }
}
