using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Audit;
using Mokuhyo.Data.Workflow;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Data.Years;

/// <summary>Why a goal of last year cannot be carried into this one.</summary>
public enum CarryBlock
{
    None = 0,
    AlreadyCarried = 1,

    /// <summary>Its department has no successor reporting in the new year.</summary>
    NoDepartment = 2,

    /// <summary>Its lead division has no successor in the new year.</summary>
    NoLeadUnit = 3,

    NotPermitted = 4,

    /// <summary>The department's report of the new year is under review or published: its content is locked.</summary>
    Locked = 5,

    Unknown = 6,

    /// <summary>Someone changed the department's goals meanwhile.</summary>
    Conflict = 7,
}

/// <summary>A goal of last year as it would land in the new year, or why it cannot.</summary>
public sealed record CarryCandidate(Goal Goal, OrgUnit PreviousDepartment, OrgUnit PreviousLead, OrgUnit? Department, OrgUnit? Lead,
    IReadOnlyList<OrgUnit> CoUnits, Goal? CarriedAs, CarryBlock Block);

public sealed record CarryForwardPlan(ReportingYear? PreviousYear, IReadOnlyList<CarryCandidate> Candidates);

public sealed record CarryForwardResult(IReadOnlyList<Goal> Carried, IReadOnlyList<(Guid GoalId, CarryBlock Block)> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Copies chosen goals of last year into a new year: the words, plan references, units (through each
/// unit's predecessor) and indicators with their targets — never what was achieved. Each copy points
/// back to its original (<see cref="Goal.PreviousGoalId"/>), so an indicator's history can be followed.
/// </summary>
public sealed class GoalCarryForward(MokuhyoDbContext db, ReportWorkflowService workflow, DraftReports drafts)
{
    public async Task<CarryForwardPlan> PlanAsync(ReportingYear year, StaffAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(access);
        var previousYear = await db.ReportingYears.AsNoTracking()
            .SingleOrDefaultAsync(y => y.MunicipalityId == year.MunicipalityId && y.Year == year.Year - 1, cancellationToken);
        if (previousYear is null)
        {
            return new CarryForwardPlan(null, []);
        }

        var units = await db.OrgUnits.AsNoTracking().Where(u => u.ReportingYearId == year.Id).ToListAsync(cancellationToken);
        var previousUnits = await db.OrgUnits.AsNoTracking().Where(u => u.ReportingYearId == previousYear.Id).ToListAsync(cancellationToken);
        var map = await SuccessorsAsync(previousUnits, units, cancellationToken);
        var goals = await db.Goals.AsNoTracking().Include(g => g.CoUnits).Include(g => g.Indicators)
            .Where(g => g.ReportingYearId == previousYear.Id).AsSplitQuery().ToListAsync(cancellationToken);
        var carried = await db.Goals.AsNoTracking().Where(g => g.ReportingYearId == year.Id && g.PreviousGoalId != null)
            .ToListAsync(cancellationToken);

        var candidates = new List<CarryCandidate>();
        foreach (var goal in goals)
        {
            var previousDepartment = previousUnits.Single(u => u.Id == goal.DepartmentId);
            var previousLead = previousUnits.Single(u => u.Id == goal.LeadUnitId);
            var department = map.GetValueOrDefault(goal.DepartmentId);
            var lead = map.GetValueOrDefault(goal.LeadUnitId);
            var coUnits = goal.CoUnits.OrderBy(c => c.Ordinal).Select(c => map.GetValueOrDefault(c.OrgUnitId)).OfType<OrgUnit>()
                .Where(u => u.Id != lead?.Id).DistinctBy(u => u.Id).ToList();
            var carriedAs = carried.FirstOrDefault(c => c.PreviousGoalId == goal.Id);
            var block = carriedAs is not null ? CarryBlock.AlreadyCarried
                : department is not { IsReportingUnit: true } ? CarryBlock.NoDepartment
                : lead is null ? CarryBlock.NoLeadUnit
                : !AccessPolicy.CanEditGoal(access, year.MunicipalityId, department, Copy(goal, year.Id, department, lead, coUnits, 0), units)
                    ? CarryBlock.NotPermitted
                : CarryBlock.None;
            candidates.Add(new CarryCandidate(goal, previousDepartment, previousLead, department, lead, coUnits, carriedAs, block));
        }

        return new CarryForwardPlan(previousYear, [.. candidates
            .OrderBy(c => c.PreviousDepartment.SortOrder).ThenBy(c => c.Goal.Number)]);
    }

    /// <summary>Carries the chosen goals, all or none: any goal that cannot be carried stops the whole save.</summary>
    public async Task<CarryForwardResult> CarryAsync(ReportingYear year, StaffAccess access, IReadOnlyCollection<Guid> goalIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(goalIds);
        var format = await drafts.FormatOfYearAsync(year.Id, cancellationToken);
        var planPhase = (format.Phases.FirstOrDefault(p => p.Kind == PhaseKind.Plan) ?? format.Phases[0]).Key;
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var plan = await PlanAsync(year, access, cancellationToken);
                var chosen = new List<CarryCandidate>();
                var problems = new List<(Guid, CarryBlock)>();
                foreach (var id in goalIds.Distinct())
                {
                    var candidate = plan.Candidates.FirstOrDefault(c => c.Goal.Id == id);
                    var block = candidate?.Block ?? CarryBlock.Unknown;
                    if (block == CarryBlock.None)
                    {
                        chosen.Add(candidate!);
                    }
                    else
                    {
                        problems.Add((id, block));
                    }
                }

                var units = await db.OrgUnits.AsNoTracking().Where(u => u.ReportingYearId == year.Id).ToListAsync(cancellationToken);
                var copies = new List<Goal>();
                foreach (var department in chosen.GroupBy(c => c.Department!.Id))
                {
                    var unit = department.First().Department!;
                    var roles = AccessPolicy.RolesFor(access, year.MunicipalityId, unit, units);
                    var begun = await workflow.BeginEditAsync(unit.Id, planPhase, roles, cancellationToken);
                    if (!begun.Succeeded)
                    {
                        problems.AddRange(department.Select(c => (c.Goal.Id, CarryBlock.Locked)));
                        continue;
                    }

                    var number = (await db.Goals.Where(g => g.DepartmentId == unit.Id).MaxAsync(g => (int?)g.Number, cancellationToken) ?? 0) + 1;
                    foreach (var candidate in department.OrderBy(c => c.Goal.Number))
                    {
                        copies.Add(Copy(candidate.Goal, year.Id, unit, candidate.Lead!, candidate.CoUnits, number++));
                    }
                }

                if (problems.Count > 0)
                {
                    db.ChangeTracker.Clear();
                    return new CarryForwardResult([], problems);
                }

                db.Goals.AddRange(copies);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new CarryForwardResult(copies, []);
            });
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return new CarryForwardResult([], [.. goalIds.Select(id => (id, CarryBlock.Conflict))]);
        }
    }

    private static Goal Copy(Goal goal, Guid yearId, OrgUnit department, OrgUnit lead, IReadOnlyList<OrgUnit> coUnits, int number)
    {
        var copy = new Goal
        {
            ReportingYearId = yearId,
            DepartmentId = department.Id,
            Number = number,
            Title = goal.Title,
            Body = [.. goal.Body],
            PlannedActions = [.. goal.PlannedActions],
            PlanReferences = [.. goal.PlanReferences],
            LeadUnitId = lead.Id,
            PreviousGoalId = goal.Id,
        };
        copy.CoUnits.AddRange(coUnits.Select((u, i) => new GoalCoUnit { GoalId = copy.Id, OrgUnitId = u.Id, Ordinal = i + 1 }));
        // Targets carry over; what was achieved belongs to last year and stays there.
        copy.Indicators.AddRange(goal.Indicators.OrderBy(i => i.Ordinal).Select(i => new Indicator
        {
            GoalId = copy.Id,
            Ordinal = i.Ordinal,
            Name = i.Name,
            Kind = i.Kind,
            Unit = i.Unit,
            TargetValue = i.TargetValue,
            Direction = i.Direction,
            TargetNote = i.TargetNote,
            BaselineValue = i.BaselineValue,
            BaselineAsOf = i.BaselineAsOf,
            DueDate = i.DueDate,
        }));
        return copy;
    }

    /// <summary>
    /// Last year's units and their successors: the unit copied from each (the one keeping its code
    /// when a split left two), or, for a unit merged away, the unit it was merged into.
    /// </summary>
    private async Task<Dictionary<Guid, OrgUnit>> SuccessorsAsync(List<OrgUnit> previousUnits, List<OrgUnit> units, CancellationToken cancellationToken)
    {
        var map = new Dictionary<Guid, OrgUnit>();
        foreach (var unit in units.Where(u => u.PreviousUnitId is not null))
        {
            var previous = previousUnits.FirstOrDefault(p => p.Id == unit.PreviousUnitId);
            if (previous is not null && (!map.ContainsKey(previous.Id) || string.Equals(unit.Code, previous.Code, StringComparison.Ordinal)))
            {
                map[previous.Id] = unit;
            }
        }

        var merges = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(OrgUnit) && a.Action == UnitTreeEditor.MergedAction)
            .OrderBy(a => a.Id).Select(a => a.Changes).ToListAsync(cancellationToken);
        var mergedInto = new Dictionary<Guid, Guid>();
        var mergedFrom = new Dictionary<Guid, Guid>();
        foreach (var json in merges)
        {
            var changes = JsonSerializer.Deserialize<Dictionary<string, AuditChange>>(json, ReportJson.Options);
            if (changes is not null && changes.TryGetValue("Unit", out var unit)
                && Guid.TryParse(unit.Old, CultureInfo.InvariantCulture, out var merged) && Guid.TryParse(unit.New, CultureInfo.InvariantCulture, out var survivor))
            {
                mergedInto[merged] = survivor;
                if (changes.TryGetValue("PreviousUnitId", out var previous) && Guid.TryParse(previous.Old, CultureInfo.InvariantCulture, out var previousId))
                {
                    mergedFrom[previousId] = merged;
                }
            }
        }

        foreach (var previous in previousUnits.Where(p => !map.ContainsKey(p.Id) && mergedFrom.ContainsKey(p.Id)))
        {
            var id = mergedFrom[previous.Id];
            for (var hops = 0; hops < 100 && mergedInto.TryGetValue(id, out var next); hops++)
            {
                id = next;
            }

            if (units.FirstOrDefault(u => u.Id == id) is { } survivor)
            {
                map[previous.Id] = survivor;
            }
        }

        return map;
    }
}
