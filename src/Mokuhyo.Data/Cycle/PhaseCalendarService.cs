using Microsoft.EntityFrameworkCore;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Cycle;
using Mokuhyo.Domain.Text;

namespace Mokuhyo.Data.Cycle;

/// <summary>The dates planning staff enter for one phase.</summary>
public sealed record PhaseDates(DateOnly OpensOn, DateOnly SubmitBy, DateOnly ApproveBy, DateOnly PublishOn);

/// <summary>How a change to the calendar ended.</summary>
public enum CalendarOutcome
{
    Saved = 0,
    Invalid = 1,

    /// <summary>Someone else saved the phase since the page was read.</summary>
    Conflict = 2,
}

public sealed record CalendarResult(CalendarOutcome Outcome, IReadOnlyList<CalendarProblem> Problems, PhaseDeadline? Deadline)
{
    public static CalendarResult Invalid(params CalendarProblem[] problems) => new(CalendarOutcome.Invalid, problems, null);

    public static CalendarResult Conflict(PhaseDeadline? current) => new(CalendarOutcome.Conflict, [], current);
}

/// <summary>
/// Sets and reopens the phase calendar of a fiscal year under the rules of <see cref="PhaseCalendar"/>.
/// Every change is written by the audit interceptor with its old and new dates, and a reopen with its reason.
/// Who may call it is decided by the caller through <c>AccessPolicy</c> (planning staff).
/// </summary>
public sealed class PhaseCalendarService(MokuhyoDbContext db, TimeProvider clock)
{
    public const int MaxReasonLength = 2000;

    public async Task<IReadOnlyList<PhaseDeadline>> ListAsync(Guid reportingYearId, CancellationToken cancellationToken = default) =>
        await db.PhaseDeadlines.AsNoTracking().Where(d => d.ReportingYearId == reportingYearId).ToListAsync(cancellationToken);

    /// <summary>Sets a phase's dates; <paramref name="expectedVersion"/> is the version the page showed, null when it showed no dates yet.</summary>
    public async Task<CalendarResult> SaveAsync(Guid reportingYearId, FiscalYear fiscalYear, string phaseKey, PhaseDates dates,
        long? expectedVersion, string actorName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var deadline = await db.PhaseDeadlines.SingleOrDefaultAsync(d => d.ReportingYearId == reportingYearId && d.PhaseKey == phaseKey, cancellationToken);
        if (deadline?.Version != expectedVersion)
        {
            return CalendarResult.Conflict(deadline);
        }

        var today = JapanTime.Today(clock);
        if (deadline is not null && deadline.IsLocked(today))
        {
            return CalendarResult.Invalid(CalendarProblem.Locked);
        }

        var problems = PhaseCalendar.Validate(fiscalYear, dates.OpensOn, dates.SubmitBy, dates.ApproveBy, dates.PublishOn);
        if (problems.Count > 0)
        {
            return new CalendarResult(CalendarOutcome.Invalid, problems, null);
        }

        if (deadline is null)
        {
            deadline = new PhaseDeadline { ReportingYearId = reportingYearId, PhaseKey = phaseKey };
            db.PhaseDeadlines.Add(deadline);
        }

        deadline.OpensOn = dates.OpensOn;
        deadline.SubmitBy = dates.SubmitBy;
        deadline.ApproveBy = dates.ApproveBy;
        deadline.PublishOn = dates.PublishOn;
        // Saving after a reopen locks the phase again once its publication date has come.
        deadline.ReopenReason = null;
        deadline.ChangedAt = clock.GetUtcNow();
        deadline.ChangedBy = actorName;
        return await SaveOrConflictAsync(deadline, reportingYearId, phaseKey, cancellationToken);
    }

    /// <summary>Unlocks a locked phase for one change, with the reason planning staff give.</summary>
    public async Task<CalendarResult> ReopenAsync(Guid reportingYearId, string phaseKey, string? reason, long expectedVersion, string actorName,
        CancellationToken cancellationToken = default)
    {
        var deadline = await db.PhaseDeadlines.SingleOrDefaultAsync(d => d.ReportingYearId == reportingYearId && d.PhaseKey == phaseKey, cancellationToken);
        if (deadline is null || deadline.Version != expectedVersion)
        {
            return CalendarResult.Conflict(deadline);
        }

        if (string.IsNullOrWhiteSpace(reason) || !TextRules.FitsWithin(reason, MaxReasonLength))
        {
            return CalendarResult.Invalid(CalendarProblem.ReasonRequired);
        }

        if (!deadline.IsLocked(JapanTime.Today(clock)))
        {
            return new CalendarResult(CalendarOutcome.Saved, [], deadline);
        }

        deadline.ReopenReason = reason.Trim();
        deadline.ChangedAt = clock.GetUtcNow();
        deadline.ChangedBy = actorName;
        return await SaveOrConflictAsync(deadline, reportingYearId, phaseKey, cancellationToken);
    }

    private async Task<CalendarResult> SaveOrConflictAsync(PhaseDeadline deadline, Guid reportingYearId, string phaseKey, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new CalendarResult(CalendarOutcome.Saved, [], deadline);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return CalendarResult.Conflict(await db.PhaseDeadlines.AsNoTracking()
                .SingleOrDefaultAsync(d => d.ReportingYearId == reportingYearId && d.PhaseKey == phaseKey, cancellationToken));
        }
    }
}
