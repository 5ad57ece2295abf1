using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data;
using Mokuhyo.Data.Workflow;
using Mokuhyo.Domain;
using Mokuhyo.Domain.Audit;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Text;
using Mokuhyo.Domain.Workflow;
using Mokuhyo.Web.Pages.Staff.Authoring;
using Mokuhyo.Web.Pages.Staff.Goals;

namespace Mokuhyo.Web.Pages.Staff.Plan;

/// <summary>The department plan form as posted: each section of the format with its items in order.</summary>
public sealed class PlanInput
{
    public List<PlanSectionInput> Sections { get; set; } = [];
}

public sealed class PlanSectionInput
{
    public string? Key { get; set; }

    public List<PlanItemInput> Items { get; set; } = [];
}

/// <summary>One item: a row's label (table sections only) and its text, with the version the editor saw.</summary>
public sealed class PlanItemInput
{
    public Guid? Id { get; set; }

    public long Version { get; set; }

    public bool Remove { get; set; }

    public string? Label { get; set; }

    public string? Text { get; set; }

    internal bool IsBlank => Id is null && string.IsNullOrWhiteSpace(Label) && string.IsNullOrWhiteSpace(Text);
}

/// <summary>A checked plan item to store at a position of its section.</summary>
internal sealed record PlanItemDraft(Guid? Id, long Version, string? Label, string Text);

internal sealed record PlanDraft(IReadOnlyDictionary<string, IReadOnlyList<PlanItemDraft>> Sections, IReadOnlyList<(Guid Id, long Version)> Removed);

internal static class PlanFormReader
{
    public static PlanDraft Read(PlanInput input, IReadOnlyList<PlanSectionDefinition> sections, FieldReader read)
    {
        var result = new Dictionary<string, IReadOnlyList<PlanItemDraft>>(StringComparer.Ordinal);
        var removed = new List<(Guid, long)>();
        for (var s = 0; s < input.Sections.Count; s++)
        {
            var section = input.Sections[s];
            var definition = sections.First(d => string.Equals(d.Key, section.Key, StringComparison.Ordinal));
            var items = new List<PlanItemDraft>();
            for (var i = 0; i < section.Items.Count; i++)
            {
                var row = section.Items[i];
                if (row.Remove)
                {
                    if (row.Id is { } id)
                    {
                        removed.Add((id, row.Version));
                    }

                    continue;
                }

                if (row.IsBlank)
                {
                    continue;
                }

                var prefix = FormattableString.Invariant($"Input.Sections[{s}].Items[{i}].");
                string? label = null;
                if (definition.Kind == PlanSectionKind.Table)
                {
                    label = read.Line(prefix + "Label", read.Message("Plan.Label"), row.Label, TextLimits.Name, required: true);
                }
                else if (!string.IsNullOrWhiteSpace(row.Label))
                {
                    read.Error(prefix + "Label", read.Message("Error.LabelOnTable"));
                }

                var text = read.Paragraph(prefix + "Text", read.Message("Plan.Text"), row.Text, TextLimits.Paragraph, required: true);
                items.Add(new PlanItemDraft(row.Id, row.Version, label, text ?? ""));
            }

            result[definition.Key] = items;
        }

        return new PlanDraft(result, removed);
    }
}

/// <summary>
/// Stores the whole plan in one transaction: every item checked against the version the editor saw,
/// all or nothing, with the workflow's begin-edit in the same save.
/// </summary>
internal sealed class PlanEditor(MokuhyoDbContext db, ReportWorkflowService workflow)
{
    public async Task<GoalSaveResult> SaveAsync(AuthoringScope scope, PlanDraft draft, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var begin = await workflow.BeginEditAsync(scope.Department.Department.Id, scope.Phase.Key, scope.Department.Roles, cancellationToken);
            if (!begin.Succeeded)
            {
                db.ChangeTracker.Clear();
                return begin.Refusal == TransitionRefusal.NotPermitted
                    ? new GoalSaveResult(GoalSaveStatus.NotPermitted)
                    : new GoalSaveResult(GoalSaveStatus.Refused, Refusal: begin.Refusal);
            }

            var departmentId = scope.Department.Department.Id;
            var keys = draft.Sections.Keys.ToList();
            var stored = await db.PlanItems.Where(i => i.OrgUnitId == departmentId && keys.Contains(i.SectionKey)).ToListAsync(cancellationToken);
            var moved = new List<Guid>();
            if (!Apply(departmentId, stored, draft, moved))
            {
                db.ChangeTracker.Clear();
                return new GoalSaveResult(GoalSaveStatus.Conflict);
            }

            if (!HasContentChanges())
            {
                db.ChangeTracker.Clear();
                return new GoalSaveResult(GoalSaveStatus.Unchanged);
            }

            try
            {
                // Positions are unique within a section: items that move (or go) first step aside to
                // negative positions, so the save never meets two items at one position on the way.
                // This bypasses the change tracker, so the trail records only the real old and new positions.
                if (moved.Count > 0)
                {
                    await db.PlanItems.Where(i => moved.Contains(i.Id))
                        .ExecuteUpdateAsync(s => s.SetProperty(i => i.Ordinal, i => -1 - i.Ordinal), cancellationToken);
                }

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new GoalSaveResult(GoalSaveStatus.Saved);
            }
            catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || GoalEditor.IsUniqueViolation(ex))
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return new GoalSaveResult(GoalSaveStatus.Conflict);
            }
        });
    }

    private bool Apply(Guid departmentId, List<PlanItem> stored, PlanDraft draft, List<Guid> moved)
    {
        var mentioned = draft.Sections.Values.SelectMany(items => items).Where(i => i.Id is not null).Select(i => i.Id!.Value)
            .Concat(draft.Removed.Select(r => r.Id)).ToHashSet();
        if (stored.Any(i => !mentioned.Contains(i.Id)))
        {
            return false; // someone added an item the editor has not seen
        }

        foreach (var (id, version) in draft.Removed)
        {
            var item = stored.FirstOrDefault(i => i.Id == id);
            if (item is null)
            {
                return false;
            }

            Expect(item, version);
            db.PlanItems.Remove(item);
            moved.Add(item.Id);
        }

        foreach (var (key, items) in draft.Sections)
        {
            for (var position = 0; position < items.Count; position++)
            {
                var wanted = items[position];
                PlanItem item;
                if (wanted.Id is { } id)
                {
                    var existing = stored.FirstOrDefault(i => i.Id == id && string.Equals(i.SectionKey, key, StringComparison.Ordinal));
                    if (existing is null)
                    {
                        return false;
                    }

                    item = existing;
                    Expect(item, wanted.Version);
                    if (item.Ordinal != position + 1)
                    {
                        moved.Add(item.Id);
                    }
                }
                else
                {
                    item = new PlanItem { OrgUnitId = departmentId, SectionKey = key, Text = wanted.Text };
                    db.PlanItems.Add(item);
                }

                item.Ordinal = position + 1;
                item.Label = wanted.Label;
                item.Text = wanted.Text;
            }
        }

        return true;
    }

    private void Expect(IVersioned entity, long version) => db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = version;

    private bool HasContentChanges() =>
        db.ChangeTracker.Entries().Any(e => e.Entity is not ReportState and not AuditEntry
            && (e.State is EntityState.Added or EntityState.Deleted
                || (e.State == EntityState.Modified && e.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(IVersioned.Version)))));
}
