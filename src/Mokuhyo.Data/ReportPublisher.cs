using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data.Search;
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
        var source = await DraftReports.LoadSourceAsync(db, departmentId, phaseKey, clock, cancellationToken);
        var lastRevision = await db.PublishedReports
            .Where(p => p.DepartmentId == departmentId && p.PhaseKey == phaseKey)
            .MaxAsync(p => (int?)p.Revision, cancellationToken) ?? 0;
        var report = DepartmentReportBuilder.Build(source with { Revision = revision ?? lastRevision + 1 });

        var published = new PublishedReport
        {
            ReportingYearId = source.Department.ReportingYearId,
            DepartmentId = departmentId,
            DepartmentCode = source.Department.Code,
            PhaseKey = source.Phase.Key,
            PhaseOrder = source.Format.Phases.ToList().FindIndex(p => string.Equals(p.Key, phaseKey, StringComparison.Ordinal)),
            Revision = report.Revision,
            PublishedAt = source.PublishedAt,
            Json = ReportJson.Serialize(report),
        };
        db.PublishedReports.Add(published);
        // In the same save: the public never finds words that are no longer, or not yet, published.
        await new SearchIndex(db).StageAsync(published, report, source.Department.SortOrder, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return published;
    }
}
