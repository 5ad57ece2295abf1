using Microsoft.EntityFrameworkCore;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Data;

/// <summary>Publishes a department's report in a phase: builds the view model and stores it as a new revision.</summary>
public sealed class ReportPublisher(MokuhyoDbContext db, TimeProvider clock)
{
    public async Task<PublishedReport> PublishAsync(Guid departmentId, string phaseKey, CancellationToken cancellationToken = default)
    {
        var source = await DraftReports.LoadSourceAsync(db, departmentId, phaseKey, clock, cancellationToken);
        var lastRevision = await db.PublishedReports
            .Where(p => p.DepartmentId == departmentId && p.PhaseKey == phaseKey)
            .MaxAsync(p => (int?)p.Revision, cancellationToken) ?? 0;

        var report = DepartmentReportBuilder.Build(source with { Revision = lastRevision + 1 });

        var published = new PublishedReport
        {
            ReportingYearId = source.Department.ReportingYearId,
            DepartmentId = departmentId,
            DepartmentCode = source.Department.Code,
            PhaseKey = source.Phase.Key,
            PhaseOrder = IndexOf(source.Format, source.Phase),
            Revision = report.Revision,
            PublishedAt = source.PublishedAt,
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
