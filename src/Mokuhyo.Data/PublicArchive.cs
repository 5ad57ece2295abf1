using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Dashboards;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Data;

/// <summary>
/// Readings across published reports: a year's dashboard and a goal's history over the years. Like
/// <see cref="PublicCatalog"/>, which it reads through, it sees only what has been published.
/// </summary>
public sealed class PublicArchive(PublicCatalog catalog)
{
    public async Task<YearDashboard?> FindDashboardAsync(string slug, FiscalYear fiscalYear, CancellationToken cancellationToken = default)
    {
        var year = await catalog.FindYearAsync(slug, fiscalYear, cancellationToken);
        return year is null ? null : YearDashboard.Build(fiscalYear.StartYear, Wareki.FormatFiscalYear(fiscalYear), year.Departments);
    }

    /// <summary>A published goal and its history across every published year of the municipality; null when there is no such goal.</summary>
    public async Task<(DepartmentReport Report, ReportGoal Goal, GoalHistory History)?> FindGoalHistoryAsync(string slug, FiscalYear fiscalYear,
        string departmentCode, int goalNumber, CancellationToken cancellationToken = default)
    {
        var report = await catalog.FindReportAsync(slug, fiscalYear, departmentCode, cancellationToken: cancellationToken);
        var goal = report?.Goals.FirstOrDefault(g => g.Number == goalNumber);
        if (report is null || goal is null)
        {
            return null;
        }

        var municipality = await catalog.FindMunicipalityAsync(slug, cancellationToken);
        var published = new List<DepartmentReport>();
        foreach (var year in municipality?.Years ?? [])
        {
            if (year.StartYear == fiscalYear.StartYear)
            {
                continue;
            }

            var found = await catalog.FindYearAsync(slug, year, cancellationToken);
            published.AddRange(found?.Departments ?? []);
        }

        return (report, goal, GoalHistory.Build(report, goal, published));
    }
}
