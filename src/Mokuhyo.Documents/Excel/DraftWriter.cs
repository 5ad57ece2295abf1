using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Organization;
using Keys = Mokuhyo.Documents.Excel.WorkbookText.Keys;

namespace Mokuhyo.Documents.Excel;

/// <summary>
/// Writes a checked workbook into the drafts of its departments, in one transaction. Records are updated
/// in place where they match (goals by number; plan items, indicators and result blocks by position), so
/// their ids and versions carry on; what the workbook no longer has is deleted. Only the workbook's phase
/// of actuals and results is touched. Changes and deletions go through one SaveChanges; new records are
/// inserted in bulk after it, in the same transaction.
/// </summary>
internal static class DraftWriter
{
    // replace: true for a template workbook, which replaces its departments' drafts; false for a mapped
    // workbook, which only adds goals (its checks refuse numbers that exist) and leaves plans and other goals alone.
    public static async Task<ImportResult> WriteAsync(MokuhyoDbContext db, ImportContext context, WorkbookContent content,
        ImportGate? gate, bool replace, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;

            // One DetectChanges before saving instead of one per entity added: thousands of goals stay fast.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                if (gate is not null
                    && await gate([.. content.Departments.Select(d => context.Units[d.Code])], cancellationToken) is { } refusal)
                {
                    throw new ImportRefusedException(refusal);
                }

                var inserts = new BulkInserter(db);
                inserts.Order(typeof(Goal), typeof(GoalCoUnit), typeof(Indicator), typeof(IndicatorActual), typeof(GoalResult),
                    typeof(ResultBlock), typeof(GoalFieldValue), typeof(PlanItem));
                var result = await ApplyAsync(db, inserts, context, content, replace, cancellationToken);
                await SaveAsync(db, cancellationToken);
                await inserts.InsertAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            finally
            {
                // Whatever happened, the context holds nothing of this import afterwards: on success it is
                // saved, on failure it was rolled back, and a retry starts clean.
                db.ChangeTracker.Clear();
                db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            }
        });
    }

    private static async Task SaveAsync(MokuhyoDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
    }

    // New records are queued on the inserter and never added to a tracked record's collection, where
    // change detection would find them and insert them a second time.
    private static async Task<ImportResult> ApplyAsync(MokuhyoDbContext db, BulkInserter inserts, ImportContext context,
        WorkbookContent content, bool replace, CancellationToken cancellationToken)
    {
        var departmentIds = content.Departments.Select(d => context.Units[d.Code].Id).ToList();
        if (replace)
        {
            await ApplyPlanAsync(db, inserts, context, content, departmentIds, cancellationToken);
        }


        // Only the workbook's phase is loaded: other phases' actuals and results are never changed, and
        // when their goal or indicator is deleted the database's cascade removes them.
        var phaseKey = context.Phase.Key;
        var existing = await db.Goals
            .Where(g => departmentIds.Contains(g.DepartmentId))
            .Include(g => g.CoUnits)
            .Include(g => g.Indicators).ThenInclude(i => i.Actuals.Where(a => a.PhaseKey == phaseKey))
            .Include(g => g.Results.Where(r => r.PhaseKey == phaseKey)).ThenInclude(r => r.Blocks)
            .Include(g => g.FieldValues)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var goalsByKey = existing.ToDictionary(g => (g.DepartmentId, g.Number));
        var indicatorsByGoal = content.Indicators.ToLookup(i => (i.Department, i.GoalNumber));
        var blocksByGoal = content.Blocks.ToLookup(b => (b.Department, b.GoalNumber));
        var fieldsByGoal = content.Fields.ToLookup(f => (f.Department, f.GoalNumber));

        var counts = new Counts();
        var kept = new HashSet<Guid>();
        foreach (var row in content.Goals)
        {
            var departmentId = context.Units[row.Department].Id;
            if (goalsByKey.TryGetValue((departmentId, row.Number), out var goal))
            {
                counts.GoalsUpdated++;
            }
            else
            {
                goal = new Goal
                {
                    ReportingYearId = context.Year.Id,
                    DepartmentId = departmentId,
                    Number = row.Number,
                    Title = row.Title,
                };
                inserts.Add(goal);
                counts.GoalsCreated++;
            }

            kept.Add(goal.Id);
            goal.Title = row.Title;
            goal.Body = row.Body;
            goal.PlannedActions = row.PlannedActions;
            goal.PlanReferences = row.PlanReferences;
            goal.LeadUnitId = context.Units[row.LeadCode].Id;
            SyncCoUnits(db, inserts, goal, [.. row.CoUnitCodes.Select(c => context.Units[c].Id)]);
            SyncIndicators(db, inserts, goal, [.. indicatorsByGoal[(row.Department, row.Number)].OrderBy(i => i.Number)], context.Phase.Key, counts);
            SyncResult(db, inserts, goal, [.. blocksByGoal[(row.Department, row.Number)].OrderBy(b => b.Number)], context.Phase.Key);
            SyncFields(db, inserts, goal, [.. fieldsByGoal[(row.Department, row.Number)]], content.ReplacedFields);
        }

        var deleted = new List<DeletedGoal>();
        var codes = context.Units.Values.ToDictionary(u => u.Id, u => u.Code);
        foreach (var goal in existing.Where(g => replace && !kept.Contains(g.Id)).OrderBy(g => departmentIds.IndexOf(g.DepartmentId)).ThenBy(g => g.Number))
        {
            deleted.Add(new DeletedGoal(codes[goal.DepartmentId], goal.Number, goal.Title));
            db.Goals.Remove(goal);
        }

        return new ImportResult
        {
            Departments = [.. content.Departments.Select(d => d.Code)],
            GoalsCreated = counts.GoalsCreated,
            GoalsUpdated = counts.GoalsUpdated,
            DeletedGoals = deleted,
            IndicatorsCreated = counts.IndicatorsCreated,
            IndicatorsDeleted = counts.IndicatorsDeleted,
            Notices =
            [
                WorkbookText.Format(Keys.NoticeSummary, content.Departments.Count, counts.GoalsCreated, counts.GoalsUpdated, deleted.Count),
                .. deleted.Select(d => WorkbookText.Format(Keys.NoticeGoalDeleted, d.DepartmentCode, d.Number, d.Title)),
            ],
        };
    }

    private static async Task ApplyPlanAsync(MokuhyoDbContext db, BulkInserter inserts, ImportContext context, WorkbookContent content,
        List<Guid> departmentIds, CancellationToken cancellationToken)
    {
        var sectionKeys = context.Format.PlanSections.Select(s => s.Key).ToList();
        var existing = await db.PlanItems
            .Where(i => departmentIds.Contains(i.OrgUnitId) && sectionKeys.Contains(i.SectionKey))
            .ToListAsync(cancellationToken);
        var existingBySection = existing.ToLookup(i => (i.OrgUnitId, i.SectionKey));
        var rowsBySection = content.Plan.ToLookup(p => (context.Units[p.Department].Id, p.SectionKey));

        var moves = new List<(PlanItem Item, int Ordinal)>();
        foreach (var departmentId in departmentIds)
        {
            foreach (var key in sectionKeys)
            {
                var items = existingBySection[(departmentId, key)].OrderBy(i => i.Ordinal).ToList();
                var rows = rowsBySection[(departmentId, key)].OrderBy(r => r.Number).ToList();
                for (var i = 0; i < rows.Count; i++)
                {
                    if (i < items.Count)
                    {
                        items[i].Label = rows[i].Label;
                        items[i].Text = rows[i].Text;
                        if (items[i].Ordinal != i + 1)
                        {
                            moves.Add((items[i], i + 1));
                        }
                    }
                    else
                    {
                        inserts.Add(new PlanItem
                        {
                            OrgUnitId = departmentId,
                            SectionKey = key,
                            Ordinal = i + 1,
                            Label = rows[i].Label,
                            Text = rows[i].Text,
                        });
                    }
                }

                db.PlanItems.RemoveRange(items.Skip(rows.Count));
            }
        }

        if (moves.Count > 0)
        {
            // Ordinals are unique per section: park the items that move on free negative numbers first,
            // so that no update collides with an item not yet moved.
            for (var i = 0; i < moves.Count; i++)
            {
                moves[i].Item.Ordinal = -(i + 1);
            }

            await SaveAsync(db, cancellationToken);
            foreach (var (item, ordinal) in moves)
            {
                item.Ordinal = ordinal;
            }
        }
    }

    private static void SyncCoUnits(MokuhyoDbContext db, BulkInserter inserts, Goal goal, List<Guid> unitIds)
    {
        foreach (var coUnit in goal.CoUnits.Where(c => !unitIds.Contains(c.OrgUnitId)).ToList())
        {
            goal.CoUnits.Remove(coUnit);
            db.Remove(coUnit);
        }

        for (var i = 0; i < unitIds.Count; i++)
        {
            if (goal.CoUnits.Find(c => c.OrgUnitId == unitIds[i]) is { } coUnit)
            {
                coUnit.Ordinal = i + 1;
            }
            else
            {
                inserts.Add(new GoalCoUnit { GoalId = goal.Id, OrgUnitId = unitIds[i], Ordinal = i + 1 });
            }
        }
    }

    private static void SyncIndicators(MokuhyoDbContext db, BulkInserter inserts, Goal goal, List<IndicatorRow> rows, string phaseKey,
        Counts counts)
    {
        var indicators = goal.Indicators.OrderBy(i => i.Ordinal).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            Indicator indicator;
            if (i < indicators.Count)
            {
                indicator = indicators[i];
            }
            else
            {
                indicator = new Indicator { GoalId = goal.Id, Name = row.Name };
                inserts.Add(indicator);
                counts.IndicatorsCreated++;
            }

            indicator.Ordinal = i + 1;
            indicator.Name = row.Name;
            indicator.Kind = row.Kind;
            indicator.Unit = row.Unit;
            indicator.BaselineValue = row.Baseline;
            indicator.BaselineAsOf = row.BaselineAsOf;
            indicator.DueDate = row.Due;

            // The workbook shows a target only for numeric indicators; for the other kinds it neither
            // shows nor changes what is stored.
            if (row.Kind == IndicatorKind.Numeric)
            {
                indicator.TargetValue = row.Target;
                indicator.TargetNote = row.Target is null ? null : row.TargetNote;
                if (row.Direction is { } direction)
                {
                    indicator.Direction = direction;
                }
            }

            SyncActual(db, inserts, indicator, row, phaseKey);
        }

        foreach (var extra in indicators.Skip(rows.Count))
        {
            goal.Indicators.Remove(extra);
            db.Remove(extra);
            counts.IndicatorsDeleted++;
        }
    }

    private static void SyncActual(MokuhyoDbContext db, BulkInserter inserts, Indicator indicator, IndicatorRow row, string phaseKey)
    {
        var actual = indicator.Actuals.Find(a => string.Equals(a.PhaseKey, phaseKey, StringComparison.Ordinal));
        if (!row.HasActual)
        {
            if (actual is not null)
            {
                indicator.Actuals.Remove(actual);
                db.Remove(actual);
            }

            return;
        }

        if (actual is null)
        {
            actual = new IndicatorActual { IndicatorId = indicator.Id, PhaseKey = phaseKey };
            inserts.Add(actual);
        }

        actual.Value = row.Actual;
        actual.AsOf = row.ActualAsOf;
        actual.DoneDate = row.Done;
    }

    private static void SyncResult(MokuhyoDbContext db, BulkInserter inserts, Goal goal, List<BlockRow> rows, string phaseKey)
    {
        var result = goal.Results.Find(r => string.Equals(r.PhaseKey, phaseKey, StringComparison.Ordinal));
        if (rows.Count == 0)
        {
            if (result is not null)
            {
                goal.Results.Remove(result);
                db.Remove(result);
            }

            return;
        }

        if (result is null)
        {
            result = new GoalResult { GoalId = goal.Id, PhaseKey = phaseKey };
            inserts.Add(result);
        }

        var blocks = result.Blocks.OrderBy(b => b.Ordinal).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            ResultBlock block;
            if (i < blocks.Count)
            {
                block = blocks[i];
            }
            else
            {
                block = new ResultBlock { GoalResultId = result.Id };
                inserts.Add(block);
            }

            block.Ordinal = i + 1;
            block.Kind = rows[i].Kind;
            block.Heading = rows[i].Heading;
            block.Text = rows[i].Kind == ResultBlockKind.Paragraph ? rows[i].Text : null;
            block.Items = rows[i].Kind == ResultBlockKind.BulletList ? rows[i].Items : [];
        }

        foreach (var extra in blocks.Skip(rows.Count))
        {
            result.Blocks.Remove(extra);
            db.Remove(extra);
        }
    }

    private static void SyncFields(MokuhyoDbContext db, BulkInserter inserts, Goal goal, List<FieldRow> rows,
        IReadOnlySet<(string FieldKey, string PhaseKey)> replaced)
    {
        var changed = false;
        foreach (var row in rows)
        {
            var stored = goal.FieldValues.Find(v => string.Equals(v.FieldKey, row.FieldKey, StringComparison.Ordinal)
                && string.Equals(v.PhaseKey, row.PhaseKey, StringComparison.Ordinal));
            if (stored is null)
            {
                inserts.Add(new GoalFieldValue { GoalId = goal.Id, PhaseKey = row.PhaseKey, FieldKey = row.FieldKey, Value = row.Value });
                changed = true;
            }
            else if (!string.Equals(stored.Value, row.Value, StringComparison.Ordinal))
            {
                stored.Value = row.Value;
                changed = true;
            }
        }

        foreach (var stale in goal.FieldValues.Where(v => replaced.Contains((v.FieldKey, v.PhaseKey))
            && !rows.Exists(r => string.Equals(r.FieldKey, v.FieldKey, StringComparison.Ordinal) && string.Equals(r.PhaseKey, v.PhaseKey, StringComparison.Ordinal))).ToList())
        {
            goal.FieldValues.Remove(stale);
            db.Remove(stale);
            changed = true;
        }

        // The field editor saves against the goal's version: moving it here makes a page opened before the
        // import a conflict rather than a silent overwrite of what the workbook brought.
        if (changed && db.Entry(goal).State == EntityState.Unchanged)
        {
            db.Entry(goal).State = EntityState.Modified;
        }
    }

    private sealed class Counts
    {
        public int GoalsCreated { get; set; }

        public int GoalsUpdated { get; set; }

        public int IndicatorsCreated { get; set; }

        public int IndicatorsDeleted { get; set; }
    }
}
