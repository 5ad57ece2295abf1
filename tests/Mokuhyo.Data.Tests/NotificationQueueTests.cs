using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Cycle;
using Mokuhyo.Data.Tests.TestSupport;
using Mokuhyo.Domain.Cycle;
using Mokuhyo.Domain.Workflow;

namespace Mokuhyo.Data.Tests;

/// <summary>The e-mail queue and the reminders against a real database, with several workers at once.</summary>
public class NotificationQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Two_workers_against_one_database_send_each_email_exactly_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        var clock = new MovableClock(FixedClock.AfterFiscalYear2022.Now);
        var user = await AddUserAsync(database, "editor@iruma.example.jp", StaffRoles.Editor, ("shimin-seikatsu", AssignmentRole.Editor));
        var ids = await AddPendingAsync(database, user, 30, clock);
        var mailer = new RecordingMailer();

        async Task<int> RunWorker(string workerId)
        {
            var total = 0;
            await using var db = database.NewContext();
            var dispatcher = new MailDispatcher(db, mailer, clock, NullLogger<MailDispatcher>.Instance);
            for (var round = 0; round < 10; round++)
            {
                total += (await dispatcher.DispatchAsync(workerId, batchSize: 7, Ct)).Sent;
            }

            return total;
        }

        var counts = await Task.WhenAll(RunWorker("node-a"), RunWorker("node-b"));

        Assert.Equal(30, counts.Sum());
        Assert.Equal(ids.Order(), mailer.Sent.Order());
        await using var read = database.NewContext();
        Assert.All(await read.Notifications.ToListAsync(Ct), n =>
        {
            Assert.Equal(EmailState.Sent, n.EmailState);
            Assert.Equal(1, n.Attempts);
            Assert.Null(n.LeaseOwner);
        });
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_failed_send_is_retried_after_a_back_off_and_given_up_visibly_after_the_last_attempt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        var clock = new MovableClock(FixedClock.AfterFiscalYear2022.Now);
        var user = await AddUserAsync(database, "editor@iruma.example.jp", StaffRoles.Editor, ("shimin-seikatsu", AssignmentRole.Editor));
        var id = (await AddPendingAsync(database, user, 1, clock)).Single();
        var mailer = new RecordingMailer { FailuresLeft = 1 };
        await using var db = database.NewContext();
        var dispatcher = new MailDispatcher(db, mailer, clock, NullLogger<MailDispatcher>.Instance);

        Assert.Equal(new DispatchResult(0, 1, 0), await dispatcher.DispatchAsync("node-a", cancellationToken: Ct));
        var failed = await Reload(database, id);
        Assert.Equal((EmailState.Pending, 1), (failed.EmailState, failed.Attempts));
        Assert.Equal(clock.GetUtcNow() + EmailRetry.DelayAfter(1), failed.NextAttemptAt);
        Assert.Contains("SMTP", failed.LastError, StringComparison.Ordinal);

        // Not before the back-off has passed.
        Assert.Equal(new DispatchResult(0, 0, 0), await dispatcher.DispatchAsync("node-a", cancellationToken: Ct));
        clock.Advance(EmailRetry.DelayAfter(1));
        Assert.Equal(new DispatchResult(1, 0, 0), await dispatcher.DispatchAsync("node-a", cancellationToken: Ct));
        Assert.Equal([id], mailer.Sent);
        var sent = await Reload(database, id);
        Assert.Equal((EmailState.Sent, 2), (sent.EmailState, sent.Attempts));

        var doomed = (await AddPendingAsync(database, user, 1, clock)).Single();
        mailer.FailuresLeft = int.MaxValue;
        for (var attempt = 1; attempt <= EmailRetry.MaxAttempts; attempt++)
        {
            await dispatcher.DispatchAsync("node-a", cancellationToken: Ct);
            clock.Advance(EmailRetry.DelayAfter(attempt));
        }

        var given = await Reload(database, doomed);
        Assert.Equal((EmailState.Failed, EmailRetry.MaxAttempts), (given.EmailState, given.Attempts));
        Assert.Null(given.NextAttemptAt);
        Assert.Equal(new DispatchResult(0, 0, 0), await dispatcher.DispatchAsync("node-a", cancellationToken: Ct));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task After_a_restart_nothing_sent_is_sent_again_and_a_dead_workers_claim_waits_for_its_lease(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        var clock = new MovableClock(FixedClock.AfterFiscalYear2022.Now);
        var user = await AddUserAsync(database, "editor@iruma.example.jp", StaffRoles.Editor, ("shimin-seikatsu", AssignmentRole.Editor));
        var ids = await AddPendingAsync(database, user, 3, clock);
        var mailer = new RecordingMailer();
        await using (var db = database.NewContext())
        {
            await new MailDispatcher(db, mailer, clock, NullLogger<MailDispatcher>.Instance).DispatchAsync("before-restart", cancellationToken: Ct);
        }

        // A node that claimed a row and died before sending it.
        var orphan = (await AddPendingAsync(database, user, 1, clock)).Single();
        await using (var db = database.NewContext())
        {
            await db.Notifications.Where(n => n.Id == orphan).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.LeaseOwner, "dead-node").SetProperty(n => n.LeaseExpiresAt, clock.GetUtcNow() + MailDispatcher.Lease), Ct);
        }

        await using (var db = database.NewContext())
        {
            var restarted = new MailDispatcher(db, mailer, clock, NullLogger<MailDispatcher>.Instance);
            Assert.Equal(0, (await restarted.DispatchAsync("after-restart", cancellationToken: Ct)).Sent);
            clock.Advance(MailDispatcher.Lease + TimeSpan.FromSeconds(1));
            Assert.Equal(1, (await restarted.DispatchAsync("after-restart", cancellationToken: Ct)).Sent);
        }

        Assert.Equal(4, mailer.Sent.Count);
        Assert.Equal(ids.Order(), mailer.Sent.Take(3).Order());
        Assert.Equal(orphan, mailer.Sent[3]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Reminders_are_planned_once_per_person_unit_phase_and_threshold_across_restarts_and_nodes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        var editor = await AddUserAsync(database, "editor@iruma.example.jp", StaffRoles.Editor, ("shimin-seikatsu", AssignmentRole.Editor));
        var approver = await AddUserAsync(database, "bucho@iruma.example.jp", StaffRoles.Approver, ("shimin-seikatsu", AssignmentRole.Approver));
        Guid yearId;
        await using (var db = database.NewContext())
        {
            yearId = await db.ReportingYears.Select(y => y.Id).SingleAsync(Ct);
            db.PhaseDeadlines.Add(new PhaseDeadline
            {
                ReportingYearId = yearId,
                PhaseKey = "interim",
                OpensOn = new DateOnly(2023, 5, 1),
                SubmitBy = new DateOnly(2023, 6, 6),
                ApproveBy = new DateOnly(2023, 6, 15),
                PublishOn = new DateOnly(2023, 6, 30),
            });
            await db.SaveChangesAsync(Ct);
        }

        // 31 May in Tokyo: six days before the submission due date, so the 7-day reminder.
        var clock = new MovableClock(FixedClock.AfterFiscalYear2022.Now);
        async Task<int> PlanOnANewNode()
        {
            await using var db = database.NewContext();
            return await Planner(db, clock).PlanAsync(PhaseCalendar.DefaultThresholds, Ct);
        }

        Assert.Equal(1, await PlanOnANewNode());
        var both = await Task.WhenAll(PlanOnANewNode(), PlanOnANewNode());
        Assert.Equal(0, both.Sum());

        clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(1, await PlanOnANewNode());
        Assert.Equal(0, await PlanOnANewNode());
        clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await PlanOnANewNode());

        await using var read = database.NewContext();
        var reminders = await read.Notifications.Where(n => n.DedupKey != null).ToListAsync(Ct);
        Assert.Equal([NotificationKind.DueSoon, NotificationKind.DueSoon, NotificationKind.Overdue], reminders.OrderBy(n => n.CreatedAt).Select(n => n.Kind));
        Assert.All(reminders, n => Assert.Equal(editor, n.RecipientId));
        Assert.DoesNotContain(reminders, n => n.RecipientId == approver);
        Assert.Equal("2023-06-06", reminders[0].Arguments[NotificationArgs.DueDate]);
        Assert.Equal("市民生活部", reminders[0].Arguments[NotificationArgs.Department]);
        Assert.Equal("中間報告", reminders[0].Arguments[NotificationArgs.Phase]);
        // Mail is off unless the host turns it on: the reminders are shown on the user's page only.
        Assert.All(reminders, n => Assert.Equal(EmailState.None, n.EmailState));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task A_submitted_report_reminds_its_approver_not_its_editors(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        var editor = await AddUserAsync(database, "editor@iruma.example.jp", StaffRoles.Editor, ("shimin-seikatsu", AssignmentRole.Editor));
        var approver = await AddUserAsync(database, "bucho@iruma.example.jp", StaffRoles.Approver, ("shimin-seikatsu", AssignmentRole.Approver));
        await using (var db = database.NewContext())
        {
            var yearId = await db.ReportingYears.Select(y => y.Id).SingleAsync(Ct);
            var department = await db.OrgUnits.SingleAsync(u => u.Code == "shimin-seikatsu", Ct);
            db.PhaseDeadlines.Add(new PhaseDeadline
            {
                ReportingYearId = yearId, PhaseKey = "interim", OpensOn = new DateOnly(2023, 5, 1),
                SubmitBy = new DateOnly(2023, 5, 20), ApproveBy = new DateOnly(2023, 6, 1), PublishOn = new DateOnly(2023, 6, 30),
            });
            db.ReportStates.Add(new ReportState { ReportingYearId = yearId, DepartmentId = department.Id, PhaseKey = "interim", Status = ReportStatus.Submitted });
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = database.NewContext())
        {
            Assert.Equal(1, await Planner(db, FixedClock.AfterFiscalYear2022).PlanAsync(PhaseCalendar.DefaultThresholds, Ct));
        }

        await using var read = database.NewContext();
        var reminder = await read.Notifications.SingleAsync(Ct);
        Assert.Equal((approver, NotificationKind.DueSoon, "2023-06-01"), (reminder.RecipientId, reminder.Kind, reminder.Arguments[NotificationArgs.DueDate]));
        Assert.NotEqual(editor, reminder.RecipientId);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_transition_that_is_rolled_back_tells_nobody_and_one_that_commits_tells_the_approver(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        var approver = await AddUserAsync(database, "bucho@iruma.example.jp", StaffRoles.Approver, ("shimin-seikatsu", AssignmentRole.Approver));
        Guid departmentId;
        await using (var db = database.NewContext())
        {
            var department = await db.OrgUnits.SingleAsync(u => u.Code == "shimin-seikatsu", Ct);
            departmentId = department.Id;
            db.ReportStates.Add(new ReportState { ReportingYearId = department.ReportingYearId, DepartmentId = department.Id, PhaseKey = "interim", Status = ReportStatus.Draft });
            await db.SaveChangesAsync(Ct);
        }

        await using (var failing = database.NewContext(new FailAfterSaveInterceptor(1)))
        {
            await Assert.ThrowsAsync<SimulatedDatabaseFailureException>(() =>
                Workflow(failing, FixedClock.AfterFiscalYear2022).TransitionAsync(departmentId, "interim", ReportAction.Submit, ReportRole.Editor, null, null, Ct));
        }

        await using (var read = database.NewContext())
        {
            Assert.Empty(await read.Notifications.ToListAsync(Ct));
            Assert.Equal(ReportStatus.Draft, (await read.ReportStates.SingleAsync(s => s.PhaseKey == "interim", Ct)).Status);
        }

        await using (var db = database.NewContext())
        {
            var result = await Workflow(db, FixedClock.AfterFiscalYear2022).TransitionAsync(departmentId, "interim", ReportAction.Submit, ReportRole.Editor, null, null, Ct);
            Assert.True(result.Succeeded);
        }

        await using var after = database.NewContext();
        var told = await after.Notifications.SingleAsync(Ct);
        Assert.Equal((approver, NotificationKind.Submitted), (told.RecipientId, told.Kind));
    }

    private static Workflow.ReportWorkflowService Workflow(MokuhyoDbContext db, TimeProvider clock)
    {
        var recipients = new CycleRecipients(db);
        return new Workflow.ReportWorkflowService(db, new ReportPublisher(db, clock), Domain.Audit.SystemActor.Instance, clock,
            new CycleNotifier(db, recipients, new NotificationMailOptions(), clock));
    }

    private static ReminderPlanner Planner(MokuhyoDbContext db, TimeProvider clock, bool email = false)
    {
        var recipients = new CycleRecipients(db);
        return new ReminderPlanner(db, new CycleNotifier(db, recipients, new NotificationMailOptions { EmailEnabled = email }, clock), recipients, clock);
    }

    private static async Task<Notification> Reload(TestDatabase database, Guid id)
    {
        await using var db = database.NewContext();
        return await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id, Ct);
    }

    private static async Task<Guid> AddUserAsync(TestDatabase database, string email, string role, params (string Unit, AssignmentRole Role)[] units)
    {
        await using var db = database.NewContext();
        var municipalityId = await db.Municipalities.Select(m => m.Id).SingleAsync(Ct);
        var roleRow = await db.Roles.SingleOrDefaultAsync(r => r.Name == role, Ct);
        if (roleRow is null)
        {
            roleRow = new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7(), NormalizedName = role.ToUpperInvariant() };
            db.Roles.Add(roleRow);
        }

        var user = new StaffUser
        {
            MunicipalityId = municipalityId,
            DisplayName = email,
            Email = email,
            UserName = email,
            Assignments = [.. units.Select(u => new UnitAssignment { UnitCode = u.Unit, Role = u.Role })],
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleRow.Id });
        await db.SaveChangesAsync(Ct);
        return user.Id;
    }

    private static async Task<List<Guid>> AddPendingAsync(TestDatabase database, Guid userId, int count, TimeProvider clock)
    {
        await using var db = database.NewContext();
        var municipalityId = await db.Municipalities.Select(m => m.Id).SingleAsync(Ct);
        var rows = Enumerable.Range(1, count).Select(i => new Notification
        {
            MunicipalityId = municipalityId,
            RecipientId = userId,
            Kind = NotificationKind.Submitted,
            Arguments = new() { [NotificationArgs.Department] = "市民生活部" },
            CreatedAt = clock.GetUtcNow(),
            EmailState = EmailState.Pending,
            NextAttemptAt = clock.GetUtcNow(),
        }).ToList();
        db.Notifications.AddRange(rows);
        await db.SaveChangesAsync(Ct);
        return [.. rows.Select(r => r.Id)];
    }

    private sealed class RecordingMailer : INotificationMailer
    {
        private readonly ConcurrentQueue<Guid> sent = new();

        public int FailuresLeft { get; set; }

        public IReadOnlyList<Guid> Sent => [.. sent];

        public async Task SendAsync(Notification notification, string recipientName, string recipientEmail, CancellationToken cancellationToken)
        {
            // A little time on the wire, so two workers really overlap.
            await Task.Delay(5, cancellationToken);
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new InvalidOperationException("SMTP 451: try again later");
            }

            sent.Enqueue(notification.Id);
        }
    }

    private sealed class MovableClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;

        public void Advance(TimeSpan by) => now += by;

        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
