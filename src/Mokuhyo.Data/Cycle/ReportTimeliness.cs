using Microsoft.EntityFrameworkCore;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Data.Cycle;

/// <summary>
/// Whether a published report's results are overdue: the latest interim or year-end phase, from the report's own
/// phase on, whose publication date (公表日) has come in Tokyo. Its goals without a result are then 未報告, not
/// merely "not yet reported"; a later phase that has come while the report stays at an earlier one leaves every
/// goal's result of that phase unreported.
/// </summary>
public sealed class ReportTimeliness(MokuhyoDbContext db, DraftReports drafts, TimeProvider clock)
{
    public async Task<OverduePhase?> FindOverdueAsync(string slug, DepartmentReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var yearId = await db.ReportingYears.AsNoTracking()
            .Where(y => y.Municipality!.Slug == slug && y.Year == report.FiscalYear)
            .Select(y => (Guid?)y.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (yearId is not { } id)
        {
            return null;
        }

        var deadlines = await db.PhaseDeadlines.AsNoTracking().Where(d => d.ReportingYearId == id).ToListAsync(cancellationToken);
        if (deadlines.Count == 0)
        {
            return null;
        }

        var format = await drafts.FormatOfYearAsync(id, cancellationToken);
        var phases = format.Phases;
        var from = phases.ToList().FindIndex(p => string.Equals(p.Key, report.Phase.Key, StringComparison.Ordinal));
        if (from < 0)
        {
            return null;
        }

        var today = JapanTime.Today(clock);
        for (var i = phases.Count - 1; i >= from; i--)
        {
            var phase = phases[i];
            if (phase.Kind != PhaseKind.Plan
                && deadlines.FirstOrDefault(d => string.Equals(d.PhaseKey, phase.Key, StringComparison.Ordinal)) is { } deadline
                && deadline.PublishOn <= today)
            {
                return new OverduePhase(phase.Key, phase.Name, deadline.PublishOn, i == from);
            }
        }

        return null;
    }
}

/// <summary>A phase whose results were due for publication. IsReportPhase: the report shown is of this phase.</summary>
public sealed record OverduePhase(string Key, string Name, DateOnly PublishOn, bool IsReportPhase);
