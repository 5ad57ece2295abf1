using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Mokuhyo.Domain.Cycle;

namespace Mokuhyo.Data.Cycle;

/// <summary>Sends one notification's e-mail; throws when the mail server does not accept it.</summary>
public interface INotificationMailer
{
    Task SendAsync(Notification notification, string recipientName, string recipientEmail, CancellationToken cancellationToken);
}

/// <summary>What one round of sending did.</summary>
public sealed record DispatchResult(int Sent, int Retried, int Failed);

/// <summary>
/// Sends pending e-mails so that each is sent once even with several web nodes: a worker claims a row
/// by a conditional UPDATE that sets its lease (the database lets only one such UPDATE match), sends,
/// and marks the row sent only while it still holds the lease. A failure schedules a retry with
/// back-off; after <see cref="EmailRetry.MaxAttempts"/> the e-mail is marked failed for staff to see.
/// </summary>
public sealed class MailDispatcher(MokuhyoDbContext db, INotificationMailer mailer, TimeProvider clock, ILogger<MailDispatcher> logger)
{
    /// <summary>Longer than any SMTP exchange may take, so a lease never expires while its owner is still sending.</summary>
    public static TimeSpan Lease { get; } = TimeSpan.FromMinutes(5);

    public async Task<DispatchResult> DispatchAsync(string workerId, int batchSize = 20, CancellationToken cancellationToken = default)
    {
        var claimed = await ClaimAsync(workerId, batchSize, cancellationToken);
        int sent = 0, retried = 0, failed = 0;
        foreach (var notification in claimed)
        {
            var recipient = await db.Users.AsNoTracking().Where(u => u.Id == notification.RecipientId)
                .Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(cancellationToken);
            try
            {
                if (string.IsNullOrWhiteSpace(recipient?.Email))
                {
                    throw new InvalidOperationException("The recipient has no e-mail address.");
                }

                await mailer.SendAsync(notification, recipient.DisplayName, recipient.Email, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "E-mail of notification {NotificationId} failed (attempt {Attempt})", notification.Id, notification.Attempts + 1);
                if (await FailAsync(notification, workerId, ex.Message, cancellationToken))
                {
                    failed++;
                }
                else
                {
                    retried++;
                }

                continue;
            }

            await MarkSentAsync(notification.Id, workerId, cancellationToken);
            sent++;
        }

        return new DispatchResult(sent, retried, failed);
    }

    private async Task<IReadOnlyList<Notification>> ClaimAsync(string workerId, int batchSize, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.Notifications.AsNoTracking()
            .Where(n => n.EmailState == EmailState.Pending && n.NextAttemptAt <= now && (n.LeaseExpiresAt == null || n.LeaseExpiresAt < now))
            .OrderBy(n => n.NextAttemptAt).Select(n => n.Id).Take(batchSize).ToListAsync(cancellationToken);
        var claimed = new List<Guid>();
        var until = now + Lease;
        foreach (var id in candidates)
        {
            // The condition is re-checked on the row itself when the UPDATE runs, so of two workers
            // reaching for the same row only one matches it.
            var rows = await db.Notifications
                .Where(n => n.Id == id && n.EmailState == EmailState.Pending && (n.LeaseExpiresAt == null || n.LeaseExpiresAt < now))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.LeaseOwner, workerId).SetProperty(n => n.LeaseExpiresAt, until), cancellationToken);
            if (rows == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed.Count == 0
            ? []
            : await db.Notifications.AsNoTracking().Where(n => claimed.Contains(n.Id) && n.LeaseOwner == workerId).ToListAsync(cancellationToken);
    }

    private Task<int> MarkSentAsync(Guid id, string workerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.Notifications.Where(n => n.Id == id && n.LeaseOwner == workerId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.EmailState, EmailState.Sent)
                .SetProperty(n => n.SentAt, now)
                .SetProperty(n => n.Attempts, n => n.Attempts + 1)
                .SetProperty(n => n.LeaseOwner, (string?)null)
                .SetProperty(n => n.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(n => n.LastError, (string?)null), cancellationToken);
    }

    /// <summary>Records a failed attempt; true when it was the last one.</summary>
    private async Task<bool> FailAsync(Notification notification, string workerId, string error, CancellationToken cancellationToken)
    {
        var attempts = notification.Attempts + 1;
        var givingUp = attempts >= EmailRetry.MaxAttempts;
        var next = clock.GetUtcNow() + EmailRetry.DelayAfter(attempts);
        var message = error.Length > 1000 ? error[..1000] : error;
        await db.Notifications.Where(n => n.Id == notification.Id && n.LeaseOwner == workerId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.EmailState, givingUp ? EmailState.Failed : EmailState.Pending)
                .SetProperty(n => n.Attempts, attempts)
                .SetProperty(n => n.NextAttemptAt, givingUp ? null : next)
                .SetProperty(n => n.LeaseOwner, (string?)null)
                .SetProperty(n => n.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(n => n.LastError, message), cancellationToken);
        return givingUp;
    }
}
