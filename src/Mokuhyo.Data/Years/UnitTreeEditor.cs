using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Audit;
using Mokuhyo.Domain.Audit;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Domain.Text;
using Mokuhyo.Domain.Workflow;

namespace Mokuhyo.Data.Years;

/// <summary>The fields of a unit that people edit, as entered; responsibilities one per entry.</summary>
public sealed record UnitFields(string? Name, string? Kind, string? HeadTitle, string? HeadName, string? CompositionNote,
    IReadOnlyList<string> Responsibilities, bool IsReportingUnit);

/// <summary>What is wrong with one field (or the request, when the field is empty), as a code the page words.</summary>
public sealed record UnitProblem(string Field, string Code, IReadOnlyList<object> Args)
{
    public UnitProblem(string field, string code)
        : this(field, code, [])
    {
    }
}

public enum TreeEditStatus
{
    Done = 0,
    Invalid = 1,

    /// <summary>The unit changed since the person loaded it; nothing was saved.</summary>
    Conflict = 2,

    NotFound = 3,
}

public sealed record TreeEditResult(TreeEditStatus Status, IReadOnlyList<UnitProblem> Problems, OrgUnit? Unit)
{
    public static TreeEditResult Done(OrgUnit unit) => new(TreeEditStatus.Done, [], unit);

    public static TreeEditResult Invalid(IReadOnlyList<UnitProblem> problems) => new(TreeEditStatus.Invalid, problems, null);

    public static TreeEditResult Invalid(string field, string code, params object[] args) => new(TreeEditStatus.Invalid, [new UnitProblem(field, code, args)], null);

    public static TreeEditResult Conflict { get; } = new(TreeEditStatus.Conflict, [], null);

    public static TreeEditResult NotFound { get; } = new(TreeEditStatus.NotFound, [], null);
}

/// <summary>
/// Edits the organization tree of one fiscal year: each change is checked against the year's format
/// and the rest of the tree, saved in one transaction, and refused when the unit changed meanwhile.
/// Merges and splits are recorded in the audit trail beside the row changes they make.
/// </summary>
public sealed class UnitTreeEditor(MokuhyoDbContext db, DraftReports drafts, ICurrentActor actor, TimeProvider clock)
{
    public const int MaxResponsibilities = 50;

    public const string MergedAction = "merged";
    public const string SplitAction = "split";

    public static class Problems
    {
        public const string Required = "Required";
        public const string TooLong = "TooLong";
        public const string LineTooLong = "LineTooLong";
        public const string TooMany = "TooMany";
        public const string UnknownKind = "UnknownKind";
        public const string InvalidCode = "InvalidCode";
        public const string DuplicateCode = "DuplicateCode";
        public const string UnknownUnit = "UnknownUnit";
        public const string ParentBelow = "ParentBelow";
        public const string TargetIsSelf = "TargetIsSelf";
        public const string TargetBelow = "TargetBelow";
        public const string TargetNotReporting = "TargetNotReporting";
        public const string HasPublished = "HasPublished";
        public const string UnderReview = "UnderReview";
        public const string HasReport = "HasReport";
        public const string HasChildren = "HasChildren";
        public const string HasGoals = "HasGoals";
        public const string NothingSelected = "NothingSelected";
        public const string AllSelected = "AllSelected";
    }

    public Task<TreeEditResult> AddAsync(Guid yearId, string? code, string? parentCode, UnitFields fields, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async () =>
        {
            var units = await UnitsAsync(yearId, cancellationToken);
            var format = await drafts.FormatOfYearAsync(yearId, cancellationToken);
            var problems = CheckFields(fields, format);
            CheckNewCode(code, units, problems);
            var parent = string.IsNullOrEmpty(parentCode) ? null : Find(units, parentCode);
            if (!string.IsNullOrEmpty(parentCode) && parent is null)
            {
                problems.Add(new UnitProblem("ParentCode", Problems.UnknownUnit));
            }

            if (problems.Count > 0)
            {
                return TreeEditResult.Invalid(problems);
            }

            var unit = new OrgUnit
            {
                ReportingYearId = yearId,
                ParentId = parent?.Id,
                Code = code!,
                Name = "",
                Kind = "",
                SortOrder = NextSortOrder(units),
            };
            Apply(unit, fields);
            db.OrgUnits.Add(unit);
            return TreeEditResult.Done(unit);
        }, cancellationToken);

    public Task<TreeEditResult> UpdateAsync(Guid yearId, string code, long version, UnitFields fields, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async () =>
        {
            var units = await UnitsAsync(yearId, cancellationToken);
            if (Find(units, code) is not { } unit)
            {
                return TreeEditResult.NotFound;
            }

            if (!Expect(unit, version))
            {
                return TreeEditResult.Conflict;
            }

            var format = await drafts.FormatOfYearAsync(yearId, cancellationToken);
            var problems = CheckFields(fields, format);
            if (unit.IsReportingUnit && !fields.IsReportingUnit && await HasReportAsync(unit.Id, cancellationToken))
            {
                problems.Add(new UnitProblem("IsReportingUnit", Problems.HasReport));
            }

            if (problems.Count > 0)
            {
                return TreeEditResult.Invalid(problems);
            }

            Apply(unit, fields);
            return TreeEditResult.Done(unit);
        }, cancellationToken);

    /// <summary>Moves a unit, with everything below it, under another parent (or to the top when <paramref name="parentCode"/> is empty).</summary>
    public Task<TreeEditResult> MoveAsync(Guid yearId, string code, long version, string? parentCode, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async () =>
        {
            var units = await UnitsAsync(yearId, cancellationToken);
            if (Find(units, code) is not { } unit)
            {
                return TreeEditResult.NotFound;
            }

            if (!Expect(unit, version))
            {
                return TreeEditResult.Conflict;
            }

            OrgUnit? parent = null;
            if (!string.IsNullOrEmpty(parentCode))
            {
                parent = Find(units, parentCode);
                if (parent is null)
                {
                    return TreeEditResult.Invalid("ParentCode", Problems.UnknownUnit);
                }

                if (UnitTree.SelfAndDescendants(unit, units).Any(u => u.Id == parent.Id))
                {
                    return TreeEditResult.Invalid("ParentCode", Problems.ParentBelow);
                }
            }

            if (unit.ParentId != parent?.Id)
            {
                unit.ParentId = parent?.Id;
                unit.SortOrder = NextSortOrder(units);
            }

            return TreeEditResult.Done(unit);
        }, cancellationToken);

    /// <summary>
    /// Merges a unit into another that survives: its goals (as lead, co-unit or department), plan,
    /// sub-units, responsibilities and the accounts bound to it move to the survivor, and the merged
    /// unit is deleted. Refused while the merged unit has a report under review or published.
    /// </summary>
    public Task<TreeEditResult> MergeAsync(Guid yearId, string code, long version, string? targetCode, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async () =>
        {
            var units = await UnitsAsync(yearId, cancellationToken);
            if (Find(units, code) is not { } source)
            {
                return TreeEditResult.NotFound;
            }

            if (!Expect(source, version))
            {
                return TreeEditResult.Conflict;
            }

            if (string.IsNullOrEmpty(targetCode) || Find(units, targetCode) is not { } target)
            {
                return TreeEditResult.Invalid("TargetCode", Problems.UnknownUnit);
            }

            if (target.Id == source.Id)
            {
                return TreeEditResult.Invalid("TargetCode", Problems.TargetIsSelf);
            }

            if (UnitTree.SelfAndDescendants(source, units).Any(u => u.Id == target.Id))
            {
                return TreeEditResult.Invalid("TargetCode", Problems.TargetBelow);
            }

            var departmentGoals = await db.Goals.Where(g => g.DepartmentId == source.Id).OrderBy(g => g.Number).ToListAsync(cancellationToken);
            var planItems = await db.PlanItems.Where(p => p.OrgUnitId == source.Id).ToListAsync(cancellationToken);
            if ((departmentGoals.Count > 0 || planItems.Count > 0) && !target.IsReportingUnit)
            {
                return TreeEditResult.Invalid("TargetCode", Problems.TargetNotReporting);
            }

            if (await db.PublishedReports.AnyAsync(p => p.DepartmentId == source.Id, cancellationToken))
            {
                return TreeEditResult.Invalid("", Problems.HasPublished);
            }

            var states = await db.ReportStates.Include(s => s.Comments).Where(s => s.DepartmentId == source.Id).ToListAsync(cancellationToken);
            if (states.Any(s => s.Status is not (ReportStatus.NotStarted or ReportStatus.Draft) || s.Comments.Count > 0))
            {
                return TreeEditResult.Invalid("", Problems.UnderReview);
            }

            var nextNumber = (await db.Goals.Where(g => g.DepartmentId == target.Id).MaxAsync(g => (int?)g.Number, cancellationToken) ?? 0) + 1;
            foreach (var goal in departmentGoals)
            {
                goal.DepartmentId = target.Id;
                goal.Number = nextNumber++;
            }

            await MoveGoalUnitsAsync(source, target, cancellationToken);
            MovePlanItems(planItems, target, await db.PlanItems.Where(p => p.OrgUnitId == target.Id).ToListAsync(cancellationToken));
            foreach (var child in units.Where(u => u.ParentId == source.Id))
            {
                child.ParentId = target.Id;
            }

            target.Responsibilities = [.. target.Responsibilities.Concat(source.Responsibilities).Distinct(StringComparer.Ordinal)];
            await MoveBindingsAsync(yearId, source.Code, target.Code, cancellationToken);
            db.ReportStates.RemoveRange(states);
            db.OrgUnits.Remove(source);
            Record(source, MergedAction, new()
            {
                ["Code"] = new AuditChange(source.Code, target.Code),
                ["Unit"] = new AuditChange(Text(source.Id), Text(target.Id)),
                ["PreviousUnitId"] = new AuditChange(source.PreviousUnitId is { } previous ? Text(previous) : null, null),
            });
            return TreeEditResult.Done(target);
        }, cancellationToken);

    /// <summary>
    /// Creates a new unit beside an existing one, taking over the chosen responsibilities. Both
    /// continue last year's unit, so either can carry its goals forward.
    /// </summary>
    public Task<TreeEditResult> SplitAsync(Guid yearId, string code, long version, string? newCode, string? newName,
        IReadOnlyCollection<int> movedResponsibilities, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(movedResponsibilities);
            var units = await UnitsAsync(yearId, cancellationToken);
            if (Find(units, code) is not { } source)
            {
                return TreeEditResult.NotFound;
            }

            if (!Expect(source, version))
            {
                return TreeEditResult.Conflict;
            }

            var problems = new List<UnitProblem>();
            CheckNewCode(newCode, units, problems);
            CheckName(newName, "Name", problems);
            var moved = movedResponsibilities.Where(i => i >= 0 && i < source.Responsibilities.Count).ToHashSet();
            if (problems.Count > 0)
            {
                return TreeEditResult.Invalid(problems);
            }

            var unit = new OrgUnit
            {
                ReportingYearId = yearId,
                ParentId = source.ParentId,
                Code = newCode!,
                Name = newName!.Trim(),
                Kind = source.Kind,
                SortOrder = NextSortOrder(units),
                Responsibilities = [.. source.Responsibilities.Where((_, i) => moved.Contains(i))],
                PreviousUnitId = source.PreviousUnitId,
            };
            source.Responsibilities = [.. source.Responsibilities.Where((_, i) => !moved.Contains(i))];
            db.OrgUnits.Add(unit);
            Record(unit, SplitAction, new()
            {
                ["Code"] = new AuditChange(source.Code, unit.Code),
                ["Unit"] = new AuditChange(Text(source.Id), Text(unit.Id)),
            });
            return TreeEditResult.Done(unit);
        }, cancellationToken);

    /// <summary>Deletes a unit nothing refers to: no sub-units, goals, plan or reports.</summary>
    public Task<TreeEditResult> DeleteAsync(Guid yearId, string code, long version, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async () =>
        {
            var units = await UnitsAsync(yearId, cancellationToken);
            if (Find(units, code) is not { } unit)
            {
                return TreeEditResult.NotFound;
            }

            if (!Expect(unit, version))
            {
                return TreeEditResult.Conflict;
            }

            if (units.Any(u => u.ParentId == unit.Id))
            {
                return TreeEditResult.Invalid("", Problems.HasChildren);
            }

            var id = unit.Id;
            if (await db.Goals.AnyAsync(g => g.DepartmentId == id || g.LeadUnitId == id || g.CoUnits.Any(c => c.OrgUnitId == id), cancellationToken))
            {
                return TreeEditResult.Invalid("", Problems.HasGoals);
            }

            if (await HasReportAsync(id, cancellationToken))
            {
                return TreeEditResult.Invalid("", Problems.HasReport);
            }

            db.OrgUnits.Remove(unit);
            return TreeEditResult.Done(unit);
        }, cancellationToken);

    /// <summary>Problems with a unit's fields against the year's format.</summary>
    public static List<UnitProblem> CheckFields(UnitFields fields, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(format);
        var problems = new List<UnitProblem>();
        CheckName(fields.Name, "Name", problems);
        if (string.IsNullOrWhiteSpace(fields.Kind))
        {
            problems.Add(new UnitProblem("Kind", Problems.Required));
        }
        else if (!format.UnitKinds.Contains(fields.Kind.Trim(), StringComparer.Ordinal))
        {
            problems.Add(new UnitProblem("Kind", Problems.UnknownKind, [string.Join("・", format.UnitKinds)]));
        }

        CheckLength(fields.HeadTitle, "HeadTitle", TextLimits.Name, problems);
        CheckLength(fields.HeadName, "HeadName", TextLimits.Name, problems);
        CheckLength(fields.CompositionNote, "CompositionNote", TextLimits.Paragraph, problems);
        var lines = Lines(fields.Responsibilities);
        if (lines.Count > MaxResponsibilities)
        {
            problems.Add(new UnitProblem("Responsibilities", Problems.TooMany, [MaxResponsibilities]));
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (!TextRules.FitsWithin(lines[i], TextLimits.Line))
            {
                problems.Add(new UnitProblem("Responsibilities", Problems.LineTooLong, [i + 1, TextLimits.Line]));
            }
        }

        return problems;
    }

    private static void CheckName(string? name, string field, List<UnitProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(new UnitProblem(field, Problems.Required));
        }
        else
        {
            CheckLength(name, field, TextLimits.Name, problems);
        }
    }

    private static void CheckLength(string? text, string field, int max, List<UnitProblem> problems)
    {
        if (text is not null && !TextRules.FitsWithin(text.Trim(), max))
        {
            problems.Add(new UnitProblem(field, Problems.TooLong, [max]));
        }
    }

    private static void CheckNewCode(string? code, IReadOnlyList<OrgUnit> units, List<UnitProblem> problems)
    {
        if (string.IsNullOrEmpty(code))
        {
            problems.Add(new UnitProblem("Code", Problems.Required));
        }
        else if (!OrgUnit.IsValidCode(code))
        {
            problems.Add(new UnitProblem("Code", Problems.InvalidCode));
        }
        else if (Find(units, code) is not null)
        {
            problems.Add(new UnitProblem("Code", Problems.DuplicateCode));
        }
    }

    private static List<string> Lines(IReadOnlyList<string> lines) =>
        [.. lines.Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static void Apply(OrgUnit unit, UnitFields fields)
    {
        unit.Name = fields.Name!.Trim();
        unit.Kind = fields.Kind!.Trim();
        unit.HeadTitle = Optional(fields.HeadTitle);
        unit.HeadName = Optional(fields.HeadName);
        unit.CompositionNote = Optional(fields.CompositionNote);
        var lines = Lines(fields.Responsibilities);
        if (!lines.SequenceEqual(unit.Responsibilities, StringComparer.Ordinal))
        {
            unit.Responsibilities = lines;
        }

        unit.IsReportingUnit = fields.IsReportingUnit;
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<List<OrgUnit>> UnitsAsync(Guid yearId, CancellationToken cancellationToken) =>
        await db.OrgUnits.Where(u => u.ReportingYearId == yearId).OrderBy(u => u.SortOrder).ToListAsync(cancellationToken);

    private static OrgUnit? Find(IReadOnlyList<OrgUnit> units, string? code) =>
        units.FirstOrDefault(u => string.Equals(u.Code, code, StringComparison.Ordinal));

    private static int NextSortOrder(List<OrgUnit> units) => units.Count == 0 ? 0 : units.Max(u => u.SortOrder) + 1;

    // The version the person saw becomes the one the UPDATE must match, so a change made meanwhile fails the save.
    private bool Expect(OrgUnit unit, long version)
    {
        if (unit.Version != version)
        {
            return false;
        }

        db.Entry(unit).Property(u => u.Version).OriginalValue = version;
        return true;
    }

    private async Task<bool> HasReportAsync(Guid unitId, CancellationToken cancellationToken) =>
        await db.Goals.AnyAsync(g => g.DepartmentId == unitId, cancellationToken)
        || await db.PlanItems.AnyAsync(p => p.OrgUnitId == unitId, cancellationToken)
        || await db.ReportStates.AnyAsync(s => s.DepartmentId == unitId, cancellationToken)
        || await db.PublishedReports.AnyAsync(p => p.DepartmentId == unitId, cancellationToken);

    private async Task MoveGoalUnitsAsync(OrgUnit source, OrgUnit target, CancellationToken cancellationToken)
    {
        var sourceId = source.Id;
        var goalIds = await db.Goals.Where(g => g.LeadUnitId == sourceId || g.CoUnits.Any(c => c.OrgUnitId == sourceId))
            .Select(g => g.Id).ToListAsync(cancellationToken);
        var goals = await db.Goals.Include(g => g.CoUnits).Where(g => goalIds.Contains(g.Id)).ToListAsync(cancellationToken);
        foreach (var goal in goals)
        {
            if (goal.LeadUnitId == source.Id)
            {
                goal.LeadUnitId = target.Id;
            }

            var merged = goal.CoUnits.FirstOrDefault(c => c.OrgUnitId == source.Id);
            if (merged is not null)
            {
                goal.CoUnits.Remove(merged);
                db.Remove(merged);
                if (goal.LeadUnitId != target.Id && goal.CoUnits.All(c => c.OrgUnitId != target.Id))
                {
                    goal.CoUnits.Add(new GoalCoUnit { GoalId = goal.Id, OrgUnitId = target.Id, Ordinal = merged.Ordinal });
                }
            }

            // The survivor now leading a goal it shared is no longer also a co-unit of it.
            foreach (var redundant in goal.CoUnits.Where(c => c.OrgUnitId == goal.LeadUnitId).ToList())
            {
                goal.CoUnits.Remove(redundant);
                db.Remove(redundant);
            }
        }
    }

    private static void MovePlanItems(List<PlanItem> items, OrgUnit target, List<PlanItem> targetItems)
    {
        foreach (var section in items.GroupBy(i => i.SectionKey, StringComparer.Ordinal))
        {
            var next = targetItems.Where(i => string.Equals(i.SectionKey, section.Key, StringComparison.Ordinal))
                .Select(i => i.Ordinal).DefaultIfEmpty(0).Max() + 1;
            foreach (var item in section.OrderBy(i => i.Ordinal))
            {
                item.OrgUnitId = target.Id;
                item.Ordinal = next++;
            }
        }
    }

    private async Task MoveBindingsAsync(Guid yearId, string fromCode, string toCode, CancellationToken cancellationToken)
    {
        var municipalityId = await db.ReportingYears.Where(y => y.Id == yearId).Select(y => y.MunicipalityId).SingleAsync(cancellationToken);
        var bindings = await (from a in db.UnitAssignments
                              join u in db.Users on a.UserId equals u.Id
                              where u.MunicipalityId == municipalityId && (a.UnitCode == fromCode || a.UnitCode == toCode)
                              select a).ToListAsync(cancellationToken);
        foreach (var binding in bindings.Where(b => string.Equals(b.UnitCode, fromCode, StringComparison.Ordinal)))
        {
            if (bindings.Any(b => b.UserId == binding.UserId && b.Role == binding.Role && string.Equals(b.UnitCode, toCode, StringComparison.Ordinal)))
            {
                db.UnitAssignments.Remove(binding);
            }
            else
            {
                binding.UnitCode = toCode;
            }
        }
    }

    private void Record(OrgUnit unit, string action, Dictionary<string, AuditChange> changes) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorId = actor.Id,
            ActorName = actor.Name,
            EntityType = nameof(OrgUnit),
            EntityId = Text(unit.Id),
            Action = action,
            Changes = JsonSerializer.Serialize(changes, ReportJson.Options),
        });

    private static string Text(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    private async Task<TreeEditResult> InTransactionAsync(Func<Task<TreeEditResult>> edit, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var result = await edit();
                if (result.Status == TreeEditStatus.Done)
                {
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                else
                {
                    db.ChangeTracker.Clear();
                }

                return result;
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return TreeEditResult.Conflict;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return TreeEditResult.Invalid("Code", Problems.DuplicateCode);
        }
    }
}
