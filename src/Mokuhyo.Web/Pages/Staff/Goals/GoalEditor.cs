using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data;
using Mokuhyo.Data.Workflow;
using Mokuhyo.Domain;
using Mokuhyo.Domain.Audit;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Workflow;
using Mokuhyo.Web.Pages.Staff.Authoring;

namespace Mokuhyo.Web.Pages.Staff.Goals;

/// <summary>How a save of the goal form ended.</summary>
internal enum GoalSaveStatus
{
    Saved,
    Unchanged,

    /// <summary>Someone else changed (or deleted) the goal since the form was opened; nothing was saved.</summary>
    Conflict,

    /// <summary>The workflow refused the edit (the report is under review or published); nothing was saved.</summary>
    Refused,
    NotPermitted,
    DuplicateNumber,
}

internal sealed record GoalSaveResult(GoalSaveStatus Status, int Number = 0, TransitionRefusal Refusal = TransitionRefusal.None);

/// <summary>Starts an edit through the workflow on a clean change tracker; the refusal to show when it may not start.</summary>
internal static class BeginEdit
{
    public static async Task<GoalSaveResult?> RefusalAsync(MokuhyoDbContext db, ReportWorkflowService workflow, AuthoringScope scope,
        CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var begin = await workflow.BeginEditAsync(scope.Department.Department.Id, scope.Phase.Key, scope.Department.Roles, cancellationToken);
        if (begin.Succeeded)
        {
            return null;
        }

        db.ChangeTracker.Clear();
        return begin.Refusal == TransitionRefusal.NotPermitted
            ? new GoalSaveResult(GoalSaveStatus.NotPermitted)
            : new GoalSaveResult(GoalSaveStatus.Refused, Refusal: begin.Refusal);
    }
}

/// <summary>
/// Stores a checked goal draft: one save with the workflow's begin-edit, every edited record checked
/// against the version the editor saw. The goal is the unit of concurrency: any save through the form
/// moves the goal's version, so two saves from the same starting point never both succeed.
/// </summary>
internal sealed class GoalEditor(MokuhyoDbContext db, ReportWorkflowService workflow, ILogger logger)
{
    public async Task<GoalSaveResult> SaveAsync(AuthoringScope scope, Guid? goalId, GoalDraft draft, CancellationToken cancellationToken)
    {
        // A second attempt only when two first edits of the report raced to create its state row.
        for (var attempt = 0; ; attempt++)
        {
            if (await BeginEdit.RefusalAsync(db, workflow, scope, cancellationToken) is { } refused)
            {
                return refused;
            }

            var departmentId = scope.Department.Department.Id;
            if (await db.Goals.AnyAsync(g => g.DepartmentId == departmentId && g.Number == draft.Number && g.Id != goalId, cancellationToken))
            {
                db.ChangeTracker.Clear();
                return new GoalSaveResult(GoalSaveStatus.DuplicateNumber);
            }

            Goal goal;
            if (goalId is { } id)
            {
                var stored = await Tracked(db.Goals).SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
                if (stored is null)
                {
                    db.ChangeTracker.Clear();
                    return new GoalSaveResult(GoalSaveStatus.Conflict);
                }

                goal = stored;
            }
            else
            {
                goal = new Goal
                {
                    ReportingYearId = scope.Department.Year.Id,
                    DepartmentId = departmentId,
                    Title = draft.Title,
                };
                db.Goals.Add(goal);
            }

            if (!Apply(goal, draft, scope.Phase.Key))
            {
                db.ChangeTracker.Clear();
                return new GoalSaveResult(GoalSaveStatus.Conflict);
            }

            if (!HasContentChanges())
            {
                db.ChangeTracker.Clear();
                return new GoalSaveResult(GoalSaveStatus.Unchanged, goal.Number);
            }

            if (goalId is not null)
            {
                Expect(goal, draft.Version, force: true);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new GoalSaveResult(GoalSaveStatus.Saved, goal.Number);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return new GoalSaveResult(GoalSaveStatus.Conflict);
            }
            catch (DbUpdateException ex) when (IsUniqueViolation(ex))
            {
                logger.LogInformation(ex, "A goal save of department {Department} met a concurrent insert (attempt {Attempt})", departmentId, attempt + 1);
                db.ChangeTracker.Clear();
                if (attempt > 0)
                {
                    return new GoalSaveResult(GoalSaveStatus.Conflict);
                }
            }
        }
    }

    /// <summary>Deletes a goal with everything under it, if it is still at the version the person confirmed.</summary>
    public async Task<GoalSaveResult> DeleteAsync(AuthoringScope scope, Guid goalId, long version, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var begin = await workflow.BeginEditAsync(scope.Department.Department.Id, scope.Phase.Key, scope.Department.Roles, cancellationToken);
        if (!begin.Succeeded)
        {
            db.ChangeTracker.Clear();
            return begin.Refusal == TransitionRefusal.NotPermitted
                ? new GoalSaveResult(GoalSaveStatus.NotPermitted)
                : new GoalSaveResult(GoalSaveStatus.Refused, Refusal: begin.Refusal);
        }

        var goal = await Tracked(db.Goals).SingleOrDefaultAsync(g => g.Id == goalId, cancellationToken);
        if (goal is null || goal.Version != version)
        {
            db.ChangeTracker.Clear();
            return new GoalSaveResult(GoalSaveStatus.Conflict);
        }

        Expect(goal, version, force: false);
        db.Goals.Remove(goal);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new GoalSaveResult(GoalSaveStatus.Saved, goal.Number);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return new GoalSaveResult(GoalSaveStatus.Conflict);
        }
    }

    /// <summary>A goal with everything the form edits, for reading or for change.</summary>
    public static IQueryable<Goal> Tracked(IQueryable<Goal> goals) => goals
        .Include(g => g.CoUnits)
        .Include(g => g.Indicators).ThenInclude(i => i.Actuals)
        .Include(g => g.Results).ThenInclude(r => r.Blocks)
        .AsSplitQuery();

    /// <summary>Applies the draft; false when the stored goal no longer has the shape the editor saw.</summary>
    private bool Apply(Goal goal, GoalDraft draft, string phaseKey)
    {
        goal.Number = draft.Number;
        goal.Title = draft.Title;
        SetList(goal.Body, draft.Body, list => goal.Body = list);
        SetList(goal.PlannedActions, draft.PlannedActions, list => goal.PlannedActions = list);
        SetList(goal.PlanReferences, draft.PlanReferences, list => goal.PlanReferences = list);
        goal.LeadUnitId = draft.LeadUnitId;
        ApplyCoUnits(goal, draft.CoUnitIds);
        return ApplyIndicators(goal, draft, phaseKey) && ApplyResult(goal, draft, phaseKey);
    }

    private static void SetList(List<string> current, IReadOnlyList<string> wanted, Action<List<string>> set)
    {
        if (!current.SequenceEqual(wanted, StringComparer.Ordinal))
        {
            set([.. wanted]);
        }
    }

    private void ApplyCoUnits(Goal goal, IReadOnlyList<Guid> wanted)
    {
        foreach (var coUnit in goal.CoUnits.Where(c => !wanted.Contains(c.OrgUnitId)).ToList())
        {
            goal.CoUnits.Remove(coUnit);
            db.Remove(coUnit);
        }

        for (var i = 0; i < wanted.Count; i++)
        {
            var existing = goal.CoUnits.FirstOrDefault(c => c.OrgUnitId == wanted[i]);
            if (existing is null)
            {
                goal.CoUnits.Add(Added(new GoalCoUnit { GoalId = goal.Id, OrgUnitId = wanted[i], Ordinal = i + 1 }));
            }
            else if (existing.Ordinal != i + 1)
            {
                existing.Ordinal = i + 1;
            }
        }
    }

    private bool ApplyIndicators(Goal goal, GoalDraft draft, string phaseKey)
    {
        var mentioned = draft.Indicators.Where(i => i.Id is not null).Select(i => i.Id!.Value)
            .Concat(draft.RemovedIndicators.Select(r => r.Id)).ToHashSet();
        if (goal.Indicators.Any(i => !mentioned.Contains(i.Id)))
        {
            return false; // someone added an indicator the editor has not seen
        }

        foreach (var (id, version) in draft.RemovedIndicators)
        {
            var indicator = goal.Indicators.FirstOrDefault(i => i.Id == id);
            if (indicator is null)
            {
                return false;
            }

            Expect(indicator, version, force: false);
            goal.Indicators.Remove(indicator);
            db.Remove(indicator);
        }

        for (var position = 0; position < draft.Indicators.Count; position++)
        {
            var wanted = draft.Indicators[position];
            Indicator indicator;
            if (wanted.Id is { } id)
            {
                var existing = goal.Indicators.FirstOrDefault(i => i.Id == id);
                if (existing is null)
                {
                    return false;
                }

                indicator = existing;
                Expect(indicator, wanted.Version, force: false);
            }
            else
            {
                indicator = Added(new Indicator { GoalId = goal.Id, Name = wanted.Name });
                goal.Indicators.Add(indicator);
            }

            indicator.Ordinal = position + 1;
            indicator.Name = wanted.Name;
            indicator.Kind = wanted.Kind;
            indicator.Unit = wanted.Unit;
            indicator.BaselineValue = wanted.Baseline;
            indicator.BaselineAsOf = wanted.BaselineAsOf;
            indicator.TargetValue = wanted.Target;
            indicator.Direction = wanted.Direction;
            indicator.TargetNote = wanted.TargetNote;
            indicator.DueDate = wanted.DueDate;
            if (!ApplyActual(indicator, wanted, phaseKey))
            {
                return false;
            }
        }

        return true;
    }

    private bool ApplyActual(Indicator indicator, IndicatorDraft wanted, string phaseKey)
    {
        var actual = indicator.Actuals.FirstOrDefault(a => string.Equals(a.PhaseKey, phaseKey, StringComparison.Ordinal));
        if (actual?.Id != wanted.ActualId)
        {
            return false; // someone added or removed the actual meanwhile
        }

        if (actual is not null)
        {
            Expect(actual, wanted.ActualVersion, force: false);
            if (!wanted.HasActual)
            {
                indicator.Actuals.Remove(actual);
                db.Remove(actual);
                return true;
            }
        }
        else if (!wanted.HasActual)
        {
            return true;
        }
        else
        {
            actual = Added(new IndicatorActual { IndicatorId = indicator.Id, PhaseKey = phaseKey });
            indicator.Actuals.Add(actual);
        }

        actual.Value = wanted.Actual;
        actual.AsOf = wanted.ActualAsOf;
        actual.DoneDate = wanted.DoneDate;
        return true;
    }

    private bool ApplyResult(Goal goal, GoalDraft draft, string phaseKey)
    {
        var result = goal.Results.FirstOrDefault(r => string.Equals(r.PhaseKey, phaseKey, StringComparison.Ordinal));
        if (result?.Id != draft.ResultId)
        {
            return false;
        }

        if (result is null)
        {
            if (draft.Blocks.Count == 0)
            {
                return true;
            }

            result = Added(new GoalResult { GoalId = goal.Id, PhaseKey = phaseKey });
            goal.Results.Add(result);
        }
        else
        {
            var mentioned = draft.Blocks.Where(b => b.Id is not null).Select(b => b.Id!.Value).Concat(draft.RemovedBlocks).ToHashSet();
            if (result.Blocks.Any(b => !mentioned.Contains(b.Id)) || draft.Blocks.Any(b => b.Id is { } id && result.Blocks.All(s => s.Id != id)))
            {
                return false;
            }

            if (draft.Blocks.Count == 0)
            {
                Expect(result, draft.ResultVersion, force: false);
                goal.Results.Remove(result);
                db.Remove(result);
                return true;
            }
        }

        var changed = false;
        foreach (var block in result.Blocks.Where(b => draft.RemovedBlocks.Contains(b.Id)).ToList())
        {
            result.Blocks.Remove(block);
            db.Remove(block);
            changed = true;
        }

        for (var position = 0; position < draft.Blocks.Count; position++)
        {
            var wanted = draft.Blocks[position];
            var block = wanted.Id is { } id ? result.Blocks.First(b => b.Id == id) : null;
            if (block is null)
            {
                block = Added(new ResultBlock { GoalResultId = result.Id });
                result.Blocks.Add(block);
                changed = true;
            }

            changed |= block.Ordinal != position + 1 || block.Kind != wanted.Kind
                || !string.Equals(block.Heading, wanted.Heading, StringComparison.Ordinal)
                || !string.Equals(block.Text, wanted.Text, StringComparison.Ordinal)
                || !block.Items.SequenceEqual(wanted.Items, StringComparer.Ordinal);
            block.Ordinal = position + 1;
            block.Kind = wanted.Kind;
            block.Heading = wanted.Heading;
            block.Text = wanted.Text;
            SetList(block.Items, wanted.Items, list => block.Items = list);
        }

        if (db.Entry(result).State != EntityState.Added)
        {
            // Blocks carry no version of their own: a change to any of them is a change of the result.
            Expect(result, draft.ResultVersion, force: changed);
        }

        return true;
    }

    // Keys are set on the client, so a new record must be added explicitly: found through a navigation,
    // EF would take it for an existing row and update it.
    private T Added<T>(T entity)
        where T : class
    {
        db.Add(entity);
        return entity;
    }

    /// <summary>
    /// Makes the save check the record against the version the editor saw; with <paramref name="force"/>
    /// the version moves even when no column of the record itself changed.
    /// </summary>
    private void Expect<T>(T entity, long version, bool force)
        where T : class, IVersioned
    {
        var property = db.Entry(entity).Property(e => e.Version);
        property.OriginalValue = version;
        if (force)
        {
            property.IsModified = true;
        }
    }

    private bool HasContentChanges() =>
        db.ChangeTracker.Entries().Any(e => e.Entity is not ReportState and not AuditEntry
            && (e.State is EntityState.Added or EntityState.Deleted
                || (e.State == EntityState.Modified && e.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(IVersioned.Version)))));

    internal static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException?.GetType().Name is "SqliteException" or "PostgresException"
        && (ex.InnerException.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase)
            || ex.InnerException.Message.Contains("23505", StringComparison.Ordinal));
}
