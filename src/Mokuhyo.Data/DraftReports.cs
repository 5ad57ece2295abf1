using Microsoft.EntityFrameworkCore;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Data;

/// <summary>
/// Builds a department's report from the live (draft) tables: what publication snapshots, what staff
/// preview, and what document exports of drafts render. One loader, so a preview is exactly what would
/// be published.
/// </summary>
public sealed class DraftReports(MokuhyoDbContext db, TimeProvider clock)
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
        var format = FormatOf(year.FormatVersion!.Json, year.Year);
        var phase = format.FindPhase(phaseKey) ?? throw new ArgumentException($"The format has no phase '{phaseKey}'.", nameof(phaseKey));

        var units = await db.OrgUnits.AsNoTracking().Where(u => u.ReportingYearId == year.Id).ToListAsync(cancellationToken);
        var planItems = await db.PlanItems.AsNoTracking().Where(i => i.OrgUnitId == departmentId).ToListAsync(cancellationToken);
        // A multi-year section is written once, in the year it starts: the same department (by code) in
        // another year of the city may hold items that cover this one.
        var spanning = format.PlanSections.Where(s => s.SpansYears).Select(s => s.Key).ToList();
        if (spanning.Count > 0)
        {
            var fy = year.Year;
            planItems.AddRange(await (
                from item in db.PlanItems.AsNoTracking()
                join unit in db.OrgUnits on item.OrgUnitId equals unit.Id
                join other in db.ReportingYears on unit.ReportingYearId equals other.Id
                where other.MunicipalityId == year.MunicipalityId && other.Id != year.Id && unit.Code == department.Code
                    && spanning.Contains(item.SectionKey) && item.FromYear <= fy && item.ToYear >= fy
                select item).ToListAsync(cancellationToken));
        }

        var goals = await db.Goals.AsNoTracking()
            .Where(g => g.DepartmentId == departmentId)
            .Include(g => g.CoUnits)
            .Include(g => g.Indicators).ThenInclude(i => i.Actuals)
            .Include(g => g.Results).ThenInclude(r => r.Blocks)
            .Include(g => g.FieldValues)
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
            Policies = await Tenancy.PolicyTree.RefsAsync(db, [.. goals.Select(g => g.Id)], cancellationToken),
        };
    }

    /// <summary>The department's report as the drafts stand now.</summary>
    public static async Task<DepartmentReport> BuildAsync(MokuhyoDbContext db, Guid departmentId, string phaseKey,
        TimeProvider clock, CancellationToken cancellationToken = default) =>
        DepartmentReportBuilder.Build(await LoadSourceAsync(db, departmentId, phaseKey, clock, cancellationToken));

    /// <summary>The report as the drafts stand now, under a given revision and publication time.</summary>
    public async Task<DepartmentReport> BuildAsync(Guid departmentId, string phaseKey, int revision, DateTimeOffset publishedAt,
        CancellationToken cancellationToken = default)
    {
        var source = await LoadSourceAsync(db, departmentId, phaseKey, clock, cancellationToken);
        return DepartmentReportBuilder.Build(source with { Revision = revision, PublishedAt = publishedAt });
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
