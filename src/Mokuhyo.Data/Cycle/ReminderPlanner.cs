using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Cycle;
using Mokuhyo.Domain.Workflow;

namespace Mokuhyo.Data.Cycle;

/// <summary>
/// Computes the reminders due today from the calendar: for each department whose report is not yet
/// published, whoever holds it is reminded once per threshold (<see cref="PhaseCalendar.ReminderThreshold"/>).
/// The reminder's unique key makes a second run, a restart or another node add nothing.
/// </summary>
public sealed class ReminderPlanner(MokuhyoDbContext db, CycleNotifier notifier, CycleRecipients recipients, TimeProvider clock)
{
    public async Task<int> PlanAsync(IReadOnlyList<int> thresholds, CancellationToken cancellationToken = default)
    {
        var today = JapanTime.Today(clock);
        var deadlines = await db.PhaseDeadlines.AsNoTracking().Where(d => d.OpensOn <= today).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var deadline in deadlines)
        {
            var departments = await db.OrgUnits.AsNoTracking()
                .Where(u => u.ReportingYearId == deadline.ReportingYearId && u.IsReportingUnit).Select(u => u.Id).ToListAsync(cancellationToken);
            var states = await db.ReportStates.AsNoTracking()
                .Where(s => s.ReportingYearId == deadline.ReportingYearId && s.PhaseKey == deadline.PhaseKey)
                .ToDictionaryAsync(s => s.DepartmentId, s => s.Status, cancellationToken);
            foreach (var departmentId in departments)
            {
                var status = states.GetValueOrDefault(departmentId, ReportStatus.NotStarted);
                if (PhaseCalendar.DueDateOf(status, deadline.SubmitBy, deadline.ApproveBy, deadline.PublishOn) is not { } due
                    || PhaseCalendar.ReminderThreshold(due, today, thresholds) is not { } threshold)
                {
                    continue;
                }

                added += await RemindAsync(departmentId, deadline.PhaseKey, status, due, threshold, today, cancellationToken);
            }
        }

        return added;
    }

    private async Task<int> RemindAsync(Guid departmentId, string phaseKey, ReportStatus status, DateOnly due, int threshold, DateOnly today,
        CancellationToken cancellationToken)
    {
        var context = await notifier.ContextOfAsync(departmentId, phaseKey, cancellationToken);
        if (context is null)
        {
            return 0;
        }

        var people = CycleRecipients.Holding(
            await recipients.ForAsync(context.MunicipalityId, context.Department, context.Units, cancellationToken), PhaseCalendar.HolderOf(status));
        var added = 0;
        foreach (var person in people)
        {
            var key = Notification.ReminderKey(person.UserId, departmentId, phaseKey, threshold);
            if (await db.Notifications.AnyAsync(n => n.DedupKey == key, cancellationToken))
            {
                continue;
            }

            var args = context.Arguments();
            args[NotificationArgs.DueDate] = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            args[NotificationArgs.DaysLeft] = PhaseCalendar.DaysLeft(due, today).ToString(CultureInfo.InvariantCulture);
            var kind = threshold == PhaseCalendar.OverdueThreshold ? NotificationKind.Overdue : NotificationKind.DueSoon;
            await notifier.AddAsync(context.MunicipalityId, person, kind, args, context.Link, key, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                added++;
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Another node added the same reminder between the check and the insert: it is sent once all the same.
                db.ChangeTracker.Clear();
            }
        }

        return added;
    }
}
