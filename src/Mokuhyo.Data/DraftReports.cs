using Microsoft.EntityFrameworkCore;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Data;

/// <summary>Builds a department's report from the live (draft) tables: what publishing would store now.</summary>
public static class DraftReports
{
    /// <summary>
    /// Loads everything the report of a department in a phase is made from, as revision 0 built now.
    /// Publishing sets the revision; previews and exports of drafts use it as it is.
    /// </summary>
    public static async Task<DepartmentReportSource> LoadSourceAsync(MokuhyoDbContext db, Guid departmentId, string phaseKey,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var department = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == departmentId, cancellationToken);
        var year = await db.ReportingYears.AsNoTracking()
            .Include(y => y.Municipality)
            .Include(y => y.FormatVersion)
            .SingleAsync(y => y.Id == department.ReportingYearId, cancellationToken);
        var format = FormatJson.Parse(year.FormatVersion!.Json).Format
            ?? throw new InvalidOperationException($"The format of fiscal year {year.Year} is invalid.");
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

        return new DepartmentReportSource
        {
            Municipality = year.Municipality!,
            FiscalYear = year.FiscalYear,
            Format = format,
            Phase = phase,
            Department = department,
            Units = units,
            PlanItems = planItems,
            Goals = goals,
            Revision = 0,
            PublishedAt = clock.GetUtcNow(),
            EvaluatedOn = DepartmentReportBuilder.EvaluationDate(phase.Kind, year.FiscalYear, JapanTime.Today(clock)),
        };
    }

    /// <summary>The department's report as the drafts stand now.</summary>
    public static async Task<DepartmentReport> BuildAsync(MokuhyoDbContext db, Guid departmentId, string phaseKey,
        TimeProvider clock, CancellationToken cancellationToken = default) =>
        DepartmentReportBuilder.Build(await LoadSourceAsync(db, departmentId, phaseKey, clock, cancellationToken));
}
