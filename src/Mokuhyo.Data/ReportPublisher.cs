using Microsoft.EntityFrameworkCore;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Data;

/// <summary>Publishes a department's report in a phase: builds the view model and stores it as a new revision.</summary>
public sealed class ReportPublisher(MokuhyoDbContext db, TimeProvider clock)
{
    public Task<PublishedReport> PublishAsync(Guid departmentId, string phaseKey, CancellationToken cancellationToken = default) =>
        PublishAsync(departmentId, phaseKey, revision: null, cancellationToken);

    /// <summary>Publishes under a given revision number (the workflow's), or the next one when none is given.</summary>
    public async Task<PublishedReport> PublishAsync(Guid departmentId, string phaseKey, int? revision, CancellationToken cancellationToken = default)
    {
        var lastRevision = await db.PublishedReports
            .Where(p => p.DepartmentId == departmentId && p.PhaseKey == phaseKey)
            .MaxAsync(p => (int?)p.Revision, cancellationToken) ?? 0;
        var now = clock.GetUtcNow();
        var drafts = new DraftReports(db, clock);
        var report = await drafts.BuildAsync(departmentId, phaseKey, revision ?? lastRevision + 1, now, cancellationToken);
        var yearId = await db.OrgUnits.Where(u => u.Id == departmentId).Select(u => u.ReportingYearId).SingleAsync(cancellationToken);
        var format = await drafts.FormatOfYearAsync(yearId, cancellationToken);

        var published = new PublishedReport
        {
            ReportingYearId = yearId,
            DepartmentId = departmentId,
            DepartmentCode = report.Department.Code,
            PhaseKey = phaseKey,
            PhaseOrder = format.Phases.ToList().FindIndex(p => string.Equals(p.Key, phaseKey, StringComparison.Ordinal)),
            Revision = report.Revision,
            PublishedAt = now,
            Json = ReportJson.Serialize(report),
        };
        db.PublishedReports.Add(published);
        await db.SaveChangesAsync(cancellationToken);
        return published;
    }
}
