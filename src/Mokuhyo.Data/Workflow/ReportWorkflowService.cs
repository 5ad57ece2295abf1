using Microsoft.EntityFrameworkCore;
using Mokuhyo.Domain.Audit;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Text;
using Mokuhyo.Domain.Workflow;

namespace Mokuhyo.Data.Workflow;

/// <summary>Carries out workflow transitions: checks them with <see cref="ReportWorkflow"/>, records them, publishes.</summary>
public sealed class ReportWorkflowService(MokuhyoDbContext db, ReportPublisher publisher, ICurrentActor actor, TimeProvider clock,
    Cycle.CycleNotifier notifier)
{
    /// <summary>The audit action of a published report's reopening (改訂), carrying the reason given.</summary>
    public const string ReopenedAction = "reopened";

    /// <summary>The audit action of a workbook import into a report's draft, naming the phase and the kind of workbook.</summary>
    public const string ImportedAction = "imported";

    /// <summary>The state of a department's report in a phase; a report nobody has touched is 未着手.</summary>
    public async Task<ReportState> GetStateAsync(Guid departmentId, string phaseKey, CancellationToken cancellationToken = default)
    {
        var state = await db.ReportStates.AsNoTracking()
            .SingleOrDefaultAsync(s => s.DepartmentId == departmentId && s.PhaseKey == phaseKey, cancellationToken);
        if (state is not null)
        {
            return state;
        }

        var yearId = await db.OrgUnits.Where(u => u.Id == departmentId).Select(u => u.ReportingYearId).SingleAsync(cancellationToken);
        return new ReportState { ReportingYearId = yearId, DepartmentId = departmentId, PhaseKey = phaseKey, Status = ReportStatus.NotStarted };
    }

    /// <summary>
    /// Makes a transition. <paramref name="expectedVersion"/> is the state's version the person saw:
    /// if someone else moved the report meanwhile, nothing happens and the result says so.
    /// </summary>
    public async Task<WorkflowResult> TransitionAsync(Guid departmentId, string phaseKey, ReportAction action, ReportRole roles,
        string? comment, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var state = await TrackedStateAsync(departmentId, phaseKey, cancellationToken);
            if (expectedVersion is { } expected && expected != state.Version)
            {
                return WorkflowResult.Conflicted(state);
            }

            var outcome = ReportWorkflow.Decide(state.Status, action, roles, comment);
            if (!outcome.Allowed)
            {
                return WorkflowResult.Refused(state, outcome.Refusal);
            }

            if (action == ReportAction.Submit && await MissingFieldsAsync(departmentId, phaseKey, cancellationToken) is { Count: > 0 } missing)
            {
                return WorkflowResult.Refused(state, TransitionRefusal.RequiredFieldsMissing) with { Missing = missing };
            }

            var now = clock.GetUtcNow();
            var revisionBefore = state.Revision;
            state.Apply(outcome, action, actor.Name, now);
            if (action == ReportAction.Reopen)
            {
                // The state's own audit row shows only the new status and revision; why a published report was
                // changed belongs in the trail too, not only in the review history.
                db.AuditEntries.Add(new AuditEntry
                {
                    At = now,
                    ActorId = actor.Id,
                    ActorName = actor.Name,
                    EntityType = nameof(ReportState),
                    EntityId = state.Id.ToString("D", System.Globalization.CultureInfo.InvariantCulture),
                    DepartmentId = state.DepartmentId,
                    Action = ReopenedAction,
                    Changes = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, Audit.AuditChange>(StringComparer.Ordinal)
                    {
                        ["Reason"] = new(null, comment?.Trim()),
                        ["Revision"] = new(revisionBefore.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            state.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    }, Domain.Reports.ReportJson.Options),
                });
            }

            if (action != ReportAction.Edit)
            {
                // Added explicitly: its key is set on the client, so found only through the navigation,
                // EF would take the comment for an existing row and update nothing.
                db.ReviewComments.Add(new ReviewComment
                {
                    ReportStateId = state.Id,
                    Revision = state.Revision,
                    Kind = KindOf(action),
                    AuthorId = actor.Id,
                    AuthorName = actor.Name,
                    Text = string.IsNullOrWhiteSpace(comment) ? null : comment,
                    CreatedAt = now,
                });
            }

            // In the same transaction: a transition that is rolled back tells nobody.
            await notifier.AddForTransitionAsync(state, action, comment, actor.Id, actor.Name, cancellationToken);

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (action == ReportAction.Publish)
                {
                    await publisher.PublishAsync(departmentId, phaseKey, state.Revision, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                return WorkflowResult.Done(state);
            }
            catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || IsUniqueViolation(ex))
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return WorkflowResult.Conflicted(await GetStateAsync(departmentId, phaseKey, cancellationToken));
            }
        });
    }

    /// <summary>
    /// Marks the report as being written (未着手 → 下書き) before content is saved, refusing when the
    /// report is under review or published. Call it in the same save as the content change.
    /// </summary>
    public Task<WorkflowResult> BeginEditAsync(Guid departmentId, string phaseKey, ReportRole roles, CancellationToken cancellationToken = default) =>
        BeginAsync(departmentId, phaseKey, status => ReportWorkflow.Decide(status, ReportAction.Edit, roles, null), cancellationToken);

    /// <summary>
    /// As <see cref="BeginEditAsync"/>, for a workbook import (<see cref="ReportWorkflow.DecideImport"/>: planning staff
    /// may fill any department's draft too), and records in the audit trail who imported into the report and from
    /// what. The import's new records are inserted in bulk, past the save interceptor, so this entry is what names
    /// the person behind them. Call it in the same transaction as the import.
    /// </summary>
    public async Task<WorkflowResult> BeginImportAsync(Guid departmentId, string phaseKey, ReportRole roles, string source,
        CancellationToken cancellationToken = default)
    {
        var begun = await BeginAsync(departmentId, phaseKey, status => ReportWorkflow.DecideImport(status, roles), cancellationToken);
        if (begun.Succeeded)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = clock.GetUtcNow(),
                ActorId = actor.Id,
                ActorName = actor.Name,
                EntityType = nameof(ReportState),
                EntityId = begun.State.Id.ToString("D", System.Globalization.CultureInfo.InvariantCulture),
                DepartmentId = departmentId,
                Action = ImportedAction,
                Changes = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, Audit.AuditChange>(StringComparer.Ordinal)
                {
                    ["PhaseKey"] = new(null, phaseKey),
                    ["Source"] = new(null, source),
                }, Domain.Reports.ReportJson.Options),
            });
        }

        return begun;
    }

    private async Task<WorkflowResult> BeginAsync(Guid departmentId, string phaseKey, Func<ReportStatus, TransitionOutcome> decide,
        CancellationToken cancellationToken)
    {
        var state = await TrackedStateAsync(departmentId, phaseKey, cancellationToken);
        var outcome = decide(state.Status);
        if (!outcome.Allowed)
        {
            return WorkflowResult.Refused(state, outcome.Refusal);
        }

        if (state.Status != outcome.To)
        {
            state.Apply(outcome, ReportAction.Edit, actor.Name, clock.GetUtcNow());
        }

        return WorkflowResult.Done(state);
    }

    /// <summary>Adds a review comment on the report or one of its goals, kept with the current revision.</summary>
    public async Task<ReviewComment?> CommentAsync(Guid departmentId, string phaseKey, Guid? goalId, string text, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text) || !TextRules.FitsWithin(text, ReportWorkflow.MaxCommentLength))
        {
            return null;
        }

        var state = await TrackedStateAsync(departmentId, phaseKey, cancellationToken);
        var comment = new ReviewComment
        {
            ReportStateId = state.Id,
            Revision = state.Revision,
            GoalId = goalId,
            Kind = ReviewCommentKind.Comment,
            AuthorId = actor.Id,
            AuthorName = actor.Name,
            Text = text,
            CreatedAt = clock.GetUtcNow(),
        };
        db.ReviewComments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return comment;
    }

    private async Task<ReportState> TrackedStateAsync(Guid departmentId, string phaseKey, CancellationToken cancellationToken)
    {
        var state = await db.ReportStates.SingleOrDefaultAsync(s => s.DepartmentId == departmentId && s.PhaseKey == phaseKey, cancellationToken);
        if (state is null)
        {
            state = await GetStateAsync(departmentId, phaseKey, cancellationToken);
            db.ReportStates.Add(state);
        }

        return state;
    }

    private static ReviewCommentKind KindOf(ReportAction action) => action switch
    {
        ReportAction.Submit => ReviewCommentKind.Submitted,
        ReportAction.Return => ReviewCommentKind.Returned,
        ReportAction.Approve => ReviewCommentKind.Approved,
        ReportAction.Publish => ReviewCommentKind.Published,
        ReportAction.Reopen => ReviewCommentKind.Reopened,
        _ => ReviewCommentKind.Comment,
    };

    // Two first transitions of a never-touched report race to insert its state row.
    /// <summary>The fields the year's format requires that the department's goals leave empty in the phase.</summary>
    public async Task<IReadOnlyList<MissingField>> MissingFieldsAsync(Guid departmentId, string phaseKey, CancellationToken cancellationToken = default)
    {
        var department = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == departmentId, cancellationToken);
        var json = await db.ReportingYears.AsNoTracking().Where(y => y.Id == department.ReportingYearId)
            .Select(y => y.FormatVersion!.Json).SingleAsync(cancellationToken);
        var format = FormatJson.Parse(json).Format;
        if (format?.FindPhase(phaseKey) is not { } phase || !format.GoalFields.Any(f => f.Required))
        {
            return [];
        }

        var goals = await db.Goals.AsNoTracking().Where(g => g.DepartmentId == departmentId).Include(g => g.FieldValues)
            .ToListAsync(cancellationToken);
        return RequiredFields.Missing(format, phase, goals);
    }

    private static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException?.GetType().Name is "SqliteException" or "PostgresException"
        && (ex.InnerException.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase)
            || ex.InnerException.Message.Contains("23505", StringComparison.Ordinal));
}

/// <summary>The outcome of a workflow request.</summary>
public sealed record WorkflowResult(bool Succeeded, ReportState State, TransitionRefusal Refusal, bool Conflict)
{
    /// <summary>When refused for <see cref="TransitionRefusal.RequiredFieldsMissing"/>: the goals and fields to fill in.</summary>
    public IReadOnlyList<MissingField> Missing { get; init; } = [];

    public static WorkflowResult Done(ReportState state) => new(true, state, TransitionRefusal.None, false);

    public static WorkflowResult Refused(ReportState state, TransitionRefusal refusal) => new(false, state, refusal, false);

    public static WorkflowResult Conflicted(ReportState state) => new(false, state, TransitionRefusal.None, true);
}
