namespace Mokuhyo.Domain.Cycle;

/// <summary>
/// The calendar of one phase of a municipality's fiscal year (目標設定, each 中間報告, 期末報告): when it
/// opens, when reports are due for submission and for approval, and when they are published.
/// Set by planning staff; locked once the publication date has come, until planning staff reopen it.
/// </summary>
public sealed class PhaseDeadline : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ReportingYearId { get; set; }

    /// <summary>The phase key of the city's format (plan, interim, year-end...).</summary>
    public required string PhaseKey { get; set; }

    public DateOnly OpensOn { get; set; }

    /// <summary>Last day to submit (提出期限); a report not submitted is late from the next day.</summary>
    public DateOnly SubmitBy { get; set; }

    /// <summary>Last day to approve (承認期限).</summary>
    public DateOnly ApproveBy { get; set; }

    /// <summary>The day reports are published (公表日).</summary>
    public DateOnly PublishOn { get; set; }

    /// <summary>Set when planning staff reopen a locked calendar; cleared by the next save, which locks it again.</summary>
    public string? ReopenReason { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public string? ChangedBy { get; set; }

    public long Version { get; set; }

    /// <summary>Whether the dates may no longer be changed without a reopen.</summary>
    public bool IsLocked(DateOnly today) => PhaseCalendar.IsLocked(PublishOn, ReopenReason is not null, today);
}
