using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Domain.Dashboards;

/// <summary>
/// A goal across the fiscal years it was carried through (its <c>PreviousId</c> link, back and
/// forward), from published reports only, with each indicator's baseline, target and actual per year.
/// </summary>
public sealed record GoalHistory(IReadOnlyList<GoalHistoryYear> Years, IReadOnlyList<IndicatorHistory> Indicators)
{
    /// <summary>Whether the goal appears in any published year besides its own.</summary>
    public bool SpansYears => Years.Count > 1;

    /// <summary>
    /// Follows <paramref name="goal"/> of <paramref name="report"/> through <paramref name="published"/> (the latest
    /// published report of each department of each year; the report itself may be among them).
    /// </summary>
    public static GoalHistory Build(DepartmentReport report, ReportGoal goal, IEnumerable<DepartmentReport> published)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(published);
        var all = published
            .Where(r => r.FiscalYear != report.FiscalYear || !string.Equals(r.Department.Code, report.Department.Code, StringComparison.Ordinal))
            .SelectMany(r => r.Goals.Where(g => g.Id is not null).Select(g => (Report: r, Goal: g)))
            .ToList();

        var chain = new List<(DepartmentReport Report, ReportGoal Goal)> { (report, goal) };
        var seen = new HashSet<Guid>();
        if (goal.Id is { } id)
        {
            seen.Add(id);
        }

        // Back through the years this goal continues.
        for (var previous = goal.PreviousId; previous is { } p && seen.Add(p);)
        {
            var found = all.FirstOrDefault(x => x.Goal.Id == p);
            if (found.Goal is null)
            {
                break;
            }

            chain.Insert(0, found);
            previous = found.Goal.PreviousId;
        }

        // Forward through the years that continued it.
        for (var current = goal.Id; current is { } c;)
        {
            var found = all.Where(x => x.Goal.PreviousId == c && x.Report.FiscalYear > chain[^1].Report.FiscalYear)
                .OrderBy(x => x.Report.FiscalYear)
                .FirstOrDefault();
            if (found.Goal is null || !seen.Add(found.Goal.Id!.Value))
            {
                break;
            }

            chain.Add(found);
            current = found.Goal.Id;
        }

        var years = chain.Select(x => new GoalHistoryYear(x.Report.FiscalYear, x.Report.FiscalYearLabel, x.Report.Department.Code,
            x.Report.Department.Name, x.Report.Phase.Name, x.Goal.Number, x.Goal.Title, ReferenceEquals(x.Goal, goal))).ToList();

        var names = chain.SelectMany(x => x.Goal.Indicators.Select(i => i.Name)).Distinct(StringComparer.Ordinal).ToList();
        var indicators = names.Select(name =>
        {
            var rows = chain
                .Select(x => (x.Report, Indicator: x.Goal.Indicators.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.Ordinal))))
                .Where(x => x.Indicator is not null)
                .Select(x => new IndicatorYear(x.Report.FiscalYear, x.Report.FiscalYearLabel, x.Indicator!.Baseline, x.Indicator.Target,
                    x.Indicator.Actual, x.Indicator.Rating.RatioText, x.Indicator.Rating.Label))
                .ToList();
            var first = chain.Select(x => x.Goal.Indicators.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.Ordinal)))
                .First(i => i is not null)!;
            return new IndicatorHistory(name, first.Unit, first.Kind, rows);
        }).ToList();

        return new GoalHistory(years, indicators);
    }
}

/// <summary>The goal as published in one fiscal year.</summary>
public sealed record GoalHistoryYear(int FiscalYear, string FiscalYearLabel, string DepartmentCode, string DepartmentName,
    string PhaseName, int GoalNumber, string GoalTitle, bool IsRequested);

/// <summary>One indicator (by name) across the years of a goal.</summary>
public sealed record IndicatorHistory(string Name, string? Unit, string Kind, IReadOnlyList<IndicatorYear> Years)
{
    public bool IsNumeric => string.Equals(Kind, YearDashboard.NumericKind, StringComparison.Ordinal);
}

/// <summary>An indicator's figures in one year.</summary>
public sealed record IndicatorYear(int FiscalYear, string FiscalYearLabel, ReportValue? Baseline, ReportTarget? Target, ReportValue? Actual,
    string? RatioText, string RatingLabel);
