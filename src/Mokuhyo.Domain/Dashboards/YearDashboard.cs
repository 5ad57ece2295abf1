using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Domain.Dashboards;

/// <summary>
/// A fiscal year at a glance, from the published reports only: per department how many goals were
/// met, not met and not rated, and the ratio to target of every numeric indicator. The ratios are
/// those the reports were published with (<see cref="Ratings.AchievementRater"/>), never recomputed.
/// </summary>
public sealed record YearDashboard(int FiscalYear, string FiscalYearLabel, IReadOnlyList<DashboardDepartment> Departments)
{
    public const string NumericKind = "numeric";

    public int Goals => Departments.Sum(d => d.Goals);

    public int Met => Departments.Sum(d => d.Met);

    public int NotMet => Departments.Sum(d => d.NotMet);

    public int NotRated => Departments.Sum(d => d.NotRated);

    public IEnumerable<DashboardIndicator> Indicators => Departments.SelectMany(d => d.Indicators);

    /// <summary>Builds the dashboard of one year from the latest published report of each of its departments, in their order.</summary>
    public static YearDashboard Build(int fiscalYear, string fiscalYearLabel, IEnumerable<DepartmentReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return new YearDashboard(fiscalYear, fiscalYearLabel, [.. reports.Select(BuildDepartment)]);
    }

    private static DashboardDepartment BuildDepartment(DepartmentReport report)
    {
        var goals = report.Goals.ToList();
        return new DashboardDepartment(
            report.Department.Code,
            report.Department.Name,
            report.Phase.Name,
            goals.Count,
            goals.Count(g => g.Rating.Outcome == Outcomes.Met),
            goals.Count(g => g.Rating.Outcome == Outcomes.NotMet),
            goals.Count(g => g.Rating.Outcome != Outcomes.Met && g.Rating.Outcome != Outcomes.NotMet),
            [.. goals.SelectMany(g => g.Indicators
                .Where(i => string.Equals(i.Kind, NumericKind, StringComparison.Ordinal))
                .Select(i => new DashboardIndicator(report.Department.Name, g.Number, g.Title, i.Name,
                    i.Target?.Text, i.Actual?.Text, i.Rating.RatioPercent, i.Rating.RatioText, i.Rating.Outcome, i.Rating.Label)))]);
    }
}

/// <summary>The outcome names a published rating carries.</summary>
public static class Outcomes
{
    public const string Met = "met";

    public const string NotMet = "not-met";

    public const string NotRated = "not-rated";
}

/// <summary>One department of a year's dashboard.</summary>
public sealed record DashboardDepartment(string Code, string Name, string PhaseName, int Goals, int Met, int NotMet, int NotRated,
    IReadOnlyList<DashboardIndicator> Indicators);

/// <summary>A numeric indicator with its ratio to target in percent (null where a ratio means nothing, or no actual yet).</summary>
public sealed record DashboardIndicator(string DepartmentName, int GoalNumber, string GoalTitle, string Name,
    string? TargetText, string? ActualText, decimal? RatioPercent, string? RatioText, string Outcome, string RatingLabel);
