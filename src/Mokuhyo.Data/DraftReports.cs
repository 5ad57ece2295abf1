using Microsoft.EntityFrameworkCore;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Data;

/// <summary>
/// Builds a department's report from the live (draft) tables: what publication snapshots, and what
/// staff preview before it. One loader, so the preview is exactly what would be published.
/// </summary>
public sealed class DraftReports(MokuhyoDbContext db, TimeProvider clock)
{
    public async Task<DepartmentReport> BuildAsync(Guid departmentId, string phaseKey, int revision, DateTimeOffset publishedAt,
        CancellationToken cancellationToken = default)
    {
        var department = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == departmentId, cancellationToken);
        var year = await db.ReportingYears.AsNoTracking()
            .Include(y => y.Municipality)
            .Include(y => y.FormatVersion)
            .SingleAsync(y => y.Id == department.ReportingYearId, cancellationToken);
        var format = FormatOf(year.FormatVersion!.Json, year.Year);
        var phase = format.FindPhase(phaseKey) ?? throw new ArgumentException($"The format has no phase '{phaseKey}'.", nameof(phaseKey));

        var units = await db.OrgUnits.AsNoTracking().Where(u => u.ReportingYearId == year.Id).ToListAsync(cancellationToken);
        var planItems = await db.PlanItems.AsNoTracking().Where(i => i.OrgUnitId == departmentId).ToListAsync(cancellationToken);
        var goals = await db.Goals.AsNoTracking()
            .Where(g => g.DepartmentId == departmentId)
            .Include(g => g.CoUnits)
            .Include(g => g.Indicators).ThenInclude(i => i.Actuals)
            .Include(g => g.Results).ThenInclude(r => r.Blocks)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        return DepartmentReportBuilder.Build(new DepartmentReportSource
        {
            Municipality = year.Municipality!,
            FiscalYear = year.FiscalYear,
            Format = format,
            Phase = phase,
            Department = department,
            Units = units,
            PlanItems = planItems,
            Goals = goals,
            Revision = revision,
            PublishedAt = publishedAt,
            EvaluatedOn = DepartmentReportBuilder.EvaluationDate(phase.Kind, year.FiscalYear, JapanTime.Today(clock)),
        });
    }

    /// <summary>The format a fiscal year is kept under.</summary>
    public async Task<ReportFormat> FormatOfYearAsync(Guid reportingYearId, CancellationToken cancellationToken = default)
    {
        var year = await db.ReportingYears.AsNoTracking().Include(y => y.FormatVersion).SingleAsync(y => y.Id == reportingYearId, cancellationToken);
        return FormatOf(year.FormatVersion!.Json, year.Year);
    }

    private static ReportFormat FormatOf(string json, int year) =>
        FormatJson.Parse(json).Format ?? throw new InvalidOperationException($"The format of fiscal year {year} is invalid.");
}
