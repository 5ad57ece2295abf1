using Microsoft.EntityFrameworkCore;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Data;

/// <summary>Publishes a department's report in a phase: builds the view model and stores it as a new revision.</summary>
public sealed class ReportPublisher(MokuhyoDbContext db, TimeProvider clock)
{
    public async Task<PublishedReport> PublishAsync(Guid departmentId, string phaseKey, CancellationToken cancellationToken = default)
    {
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
        var lastRevision = await db.PublishedReports
            .Where(p => p.DepartmentId == departmentId && p.PhaseKey == phaseKey)
            .MaxAsync(p => (int?)p.Revision, cancellationToken) ?? 0;

        var now = clock.GetUtcNow();
        var report = DepartmentReportBuilder.Build(new DepartmentReportSource
        {
            Municipality = year.Municipality!,
            FiscalYear = year.FiscalYear,
            Format = format,
            Phase = phase,
            Department = department,
            Units = units,
            PlanItems = planItems,
            Goals = goals,
            Revision = lastRevision + 1,
            PublishedAt = now,
            EvaluatedOn = DepartmentReportBuilder.EvaluationDate(phase.Kind, year.FiscalYear, JapanTime.Today(clock)),
        });

        var published = new PublishedReport
        {
            ReportingYearId = year.Id,
            DepartmentId = departmentId,
            DepartmentCode = department.Code,
            PhaseKey = phase.Key,
            PhaseOrder = IndexOf(format, phase),
            Revision = report.Revision,
            PublishedAt = now,
            Json = ReportJson.Serialize(report),
        };
        db.PublishedReports.Add(published);
        await db.SaveChangesAsync(cancellationToken);
        return published;
    }

    private static int IndexOf(ReportFormat format, PhaseDefinition phase)
    {
        for (var i = 0; i < format.Phases.Count; i++)
        {
            if (ReferenceEquals(format.Phases[i], phase))
            {
                return i;
            }
        }

        return 0;
    }
}
