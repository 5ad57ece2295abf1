namespace Mokuhyo.Domain.Cycle;

/// <summary>Why a person is told something.</summary>
public enum NotificationKind
{
    /// <summary>A report was submitted: to its approver.</summary>
    Submitted = 1,

    /// <summary>A report was sent back: to its editors, with the comment.</summary>
    Returned = 2,

    /// <summary>A report was approved: to its editors and planning staff.</summary>
    Approved = 3,

    /// <summary>A report was published: to its editors and approver.</summary>
    Published = 4,

    /// <summary>A due date is near.</summary>
    DueSoon = 5,

    /// <summary>A due date has passed.</summary>
    Overdue = 6,

    /// <summary>A published report was reopened by planning staff.</summary>
    Reopened = 7,
}

/// <summary>Where a notification's e-mail stands.</summary>
public enum EmailState
{
    /// <summary>No e-mail: mail is off, the person chose not to receive this kind, or has no address.</summary>
    None = 0,
    Pending = 1,
    Sent = 2,

    /// <summary>Given up after the last attempt; shown to staff.</summary>
    Failed = 3,
}

/// <summary>
/// Something a person must know or do, shown on their page and, if they want it, sent by e-mail.
/// Written in the same transaction as the action that causes it, so a rolled-back action tells nobody;
/// the e-mail is sent later by a worker that claims the row with a lease.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid MunicipalityId { get; set; }

    public Guid RecipientId { get; set; }

    public NotificationKind Kind { get; set; }

    /// <summary>The words' arguments (department, phase, comment, due date...), rendered in the reader's language when shown or sent.</summary>
    public Dictionary<string, string> Arguments { get; set; } = [];

    /// <summary>The staff page it is about, as a path (/staff/2022/shimin-seikatsu/interim).</summary>
    public string? Link { get; set; }

    /// <summary>Makes a reminder unique per person, unit, phase and threshold, across restarts and nodes.</summary>
    public string? DedupKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    public EmailState EmailState { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>The worker that claimed the e-mail, and until when; another worker may claim it only after that.</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The reminder key: one reminder per person, unit, phase and threshold.</summary>
    public static string ReminderKey(Guid recipientId, Guid unitId, string phaseKey, int threshold) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"reminder:{recipientId:N}:{unitId:N}:{phaseKey}:{threshold}");
}

/// <summary>A person's choice of which notifications also come by e-mail (all do unless they opt out).</summary>
public sealed class NotificationPreference
{
    public Guid UserId { get; set; }

    public NotificationKind Kind { get; set; }

    public bool Email { get; set; }
}

/// <summary>How many times an e-mail is tried and how long to wait between tries.</summary>
public static class EmailRetry
{
    public const int MaxAttempts = 5;

    /// <summary>1, 4, 16, 64 minutes: a mail server down for an hour loses nothing.</summary>
    public static TimeSpan DelayAfter(int attempts) => TimeSpan.FromMinutes(Math.Pow(4, Math.Max(0, attempts - 1)));
}
