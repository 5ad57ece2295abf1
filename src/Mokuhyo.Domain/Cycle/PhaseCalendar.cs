using Mokuhyo.Domain.Workflow;

namespace Mokuhyo.Domain.Cycle;

/// <summary>What is wrong with a phase's dates; the page words each one.</summary>
public enum CalendarProblem
{
    None = 0,

    /// <summary>The submission due date is before the opening date.</summary>
    SubmitBeforeOpening = 1,

    /// <summary>The approval due date is before the submission due date.</summary>
    ApproveBeforeSubmit = 2,

    /// <summary>The publication date is before the approval due date.</summary>
    PublishBeforeApprove = 3,

    /// <summary>A date lies outside the fiscal year and the following one (a typing error, e.g. 2202).</summary>
    OutsideYear = 4,

    /// <summary>The calendar is locked (its publication date has come) and was not reopened.</summary>
    Locked = 5,

    /// <summary>A reopen needs a reason.</summary>
    ReasonRequired = 6,
}

/// <summary>Who holds a report now, from its status.</summary>
public enum ReportHolder
{
    None = 0,
    Editors = 1,
    Approver = 2,
    Planning = 3,
}

/// <summary>
/// The rules of the yearly cycle: the order of a phase's dates, which due date a report is judged
/// against, how late it is, when a reminder is due, and when the calendar locks. Days are judged in
/// Asia/Tokyo (<see cref="Calendar.JapanTime"/>); every rule takes "today" so it is tested without a clock.
/// </summary>
public static class PhaseCalendar
{
    /// <summary>The default reminder thresholds, in days before a due date.</summary>
    public static IReadOnlyList<int> DefaultThresholds { get; } = [7, 2];

    /// <summary>The threshold key of the reminder sent once a due date has passed.</summary>
    public const int OverdueThreshold = -1;

    /// <summary>Checks a phase's dates: each on or after the one before, and all within the fiscal year or the next.</summary>
    public static IReadOnlyList<CalendarProblem> Validate(Calendar.FiscalYear fiscalYear, DateOnly opensOn, DateOnly submitBy,
        DateOnly approveBy, DateOnly publishOn)
    {
        var problems = new List<CalendarProblem>();
        var earliest = new DateOnly(fiscalYear.StartYear - 1, 1, 1);
        var latest = new DateOnly(fiscalYear.StartYear + 2, 3, 31);
        if (new[] { opensOn, submitBy, approveBy, publishOn }.Any(d => d < earliest || d > latest))
        {
            problems.Add(CalendarProblem.OutsideYear);
        }

        if (submitBy < opensOn)
        {
            problems.Add(CalendarProblem.SubmitBeforeOpening);
        }

        if (approveBy < submitBy)
        {
            problems.Add(CalendarProblem.ApproveBeforeSubmit);
        }

        if (publishOn < approveBy)
        {
            problems.Add(CalendarProblem.PublishBeforeApprove);
        }

        return problems;
    }

    /// <summary>A phase's calendar locks on its publication date; a reopen by planning staff unlocks it until the next save.</summary>
    public static bool IsLocked(DateOnly publishOn, bool reopened, DateOnly today) => !reopened && today >= publishOn;

    /// <summary>Who must act next on a report in this status.</summary>
    public static ReportHolder HolderOf(ReportStatus status) => status switch
    {
        ReportStatus.NotStarted or ReportStatus.Draft or ReportStatus.Returned => ReportHolder.Editors,
        ReportStatus.Submitted => ReportHolder.Approver,
        ReportStatus.Approved => ReportHolder.Planning,
        _ => ReportHolder.None,
    };

    /// <summary>The due date a report in this status is judged against; null once it is published.</summary>
    public static DateOnly? DueDateOf(ReportStatus status, DateOnly submitBy, DateOnly approveBy, DateOnly publishOn) => HolderOf(status) switch
    {
        ReportHolder.Editors => submitBy,
        ReportHolder.Approver => approveBy,
        ReportHolder.Planning => publishOn,
        _ => null,
    };

    /// <summary>Days past a due date: 0 on the due date itself and before it, 1 on the day after.</summary>
    public static int DaysLate(DateOnly dueDate, DateOnly today) => Math.Max(0, today.DayNumber - dueDate.DayNumber);

    /// <summary>Days left until a due date (negative once passed).</summary>
    public static int DaysLeft(DateOnly dueDate, DateOnly today) => dueDate.DayNumber - today.DayNumber;

    /// <summary>
    /// The reminder due today for a due date, as its threshold: the tightest threshold reached
    /// (so a worker that was down sends one reminder, not every missed one), <see cref="OverdueThreshold"/>
    /// once the date has passed, or null when nothing is due yet.
    /// </summary>
    public static int? ReminderThreshold(DateOnly dueDate, DateOnly today, IReadOnlyList<int> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var left = DaysLeft(dueDate, today);
        if (left < 0)
        {
            return OverdueThreshold;
        }

        var reached = thresholds.Where(t => t >= 0 && left <= t).ToList();
        return reached.Count == 0 ? null : reached.Min();
    }
}
