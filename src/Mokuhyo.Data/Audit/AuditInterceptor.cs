using System.Collections;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Mokuhyo.Domain.Audit;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Domain.Workflow;

namespace Mokuhyo.Data.Audit;

/// <summary>
/// Records every change to what people edit — who, when, and each property's old and new value — in
/// the same transaction as the change itself, so no change goes unrecorded and no record is left of a
/// change that failed.
/// </summary>
public sealed class AuditInterceptor(ICurrentActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<Type> Audited =
    [
        typeof(OrgUnit), typeof(PlanItem), typeof(Goal), typeof(GoalCoUnit), typeof(Indicator), typeof(IndicatorActual),
        typeof(GoalResult), typeof(ResultBlock), typeof(ReportState), typeof(Domain.Cycle.PhaseDeadline),
    ];

    private static readonly JsonSerializerOptions Json = ReportJson.Options;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is not MokuhyoDbContext db)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        var entries = db.ChangeTracker.Entries()
            .Where(e => Audited.Contains(e.Entity.GetType()) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in entries)
        {
            var changes = Changes(entry);
            if (changes.Count == 0)
            {
                continue;
            }

            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                ActorId = actor.Id,
                ActorName = actor.Name,
                EntityType = entry.Entity.GetType().Name,
                EntityId = KeyOf(entry),
                GoalId = GoalOf(db, entry.Entity),
                DepartmentId = DepartmentOf(entry.Entity),
                Action = entry.State switch
                {
                    EntityState.Added => "added",
                    EntityState.Deleted => "deleted",
                    _ => "modified",
                },
                Changes = JsonSerializer.Serialize(changes, Json),
            });
        }
    }

    private static Dictionary<string, AuditChange> Changes(EntityEntry entry)
    {
        var changes = new Dictionary<string, AuditChange>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (name is "Version")
            {
                continue;
            }

            var oldValue = entry.State == EntityState.Added ? null : Value(property.OriginalValue);
            var newValue = entry.State == EntityState.Deleted ? null : Value(property.CurrentValue);
            if (entry.State == EntityState.Modified && !property.IsModified)
            {
                continue;
            }

            if (!Equals(oldValue, newValue) || entry.State != EntityState.Modified)
            {
                if (oldValue is null && newValue is null)
                {
                    continue;
                }

                changes[name] = new AuditChange(oldValue, newValue);
            }
        }

        return changes;
    }

    private static string? Value(object? value) => value switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable list => JsonSerializer.Serialize(list, Json),
        _ => value.ToString(),
    };

    private static string KeyOf(EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Value(entry.Property(p.Name).CurrentValue)));

    private static Guid? GoalOf(MokuhyoDbContext db, object entity) => entity switch
    {
        Goal g => g.Id,
        GoalCoUnit c => c.GoalId,
        Indicator i => i.GoalId,
        GoalResult r => r.GoalId,
        IndicatorActual a => db.Indicators.Local.FirstOrDefault(i => i.Id == a.IndicatorId)?.GoalId,
        ResultBlock b => db.GoalResults.Local.FirstOrDefault(r => r.Id == b.GoalResultId)?.GoalId,
        _ => null,
    };

    private static Guid? DepartmentOf(object entity) => entity switch
    {
        Goal g => g.DepartmentId,
        PlanItem p => p.OrgUnitId,
        ReportState s => s.DepartmentId,
        _ => null,
    };
}

/// <summary>One property's value before and after a change, as text.</summary>
public sealed record AuditChange(string? Old, string? New);
