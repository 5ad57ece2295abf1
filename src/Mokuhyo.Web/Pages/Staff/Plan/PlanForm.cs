using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Workflow;
using Mokuhyo.Domain;
using Mokuhyo.Domain.Audit;
using Mokuhyo.Domain.Calendar;
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

/// <summary>
/// One item: a row's label (table sections; the figure's key in figures sections), its text (the number
/// of a figure), and the fiscal years of a multi-year item, with the version the editor saw.
/// </summary>
public sealed class PlanItemInput
{
    public Guid? Id { get; set; }

    public long Version { get; set; }

    public bool Remove { get; set; }

    public string? Label { get; set; }

    public string? Text { get; set; }

    /// <summary>Kept as typed, so a bad year is answered with a message beside the field rather than refused by binding.</summary>
    public string? FromYear { get; set; }

    public string? ToYear { get; set; }

    /// <summary>
    /// A new row with nothing typed is dropped. A figure row comes with its figure chosen, so only its
    /// value counts; the years of a multi-year row come preselected and do not count either.
    /// </summary>
    internal bool IsBlankIn(PlanSectionKind kind) => Id is null && string.IsNullOrWhiteSpace(Text)
        && (kind == PlanSectionKind.Figures || string.IsNullOrWhiteSpace(Label));
}

/// <summary>A checked plan item to store at a position of its section.</summary>
internal sealed record PlanItemDraft(Guid? Id, long Version, string? Label, string Text, int? FromYear = null, int? ToYear = null);

internal sealed record PlanDraft(IReadOnlyDictionary<string, IReadOnlyList<PlanItemDraft>> Sections, IReadOnlyList<(Guid Id, long Version)> Removed);

internal static class PlanFormReader
{
    public static PlanDraft Read(PlanInput input, IReadOnlyList<PlanSectionDefinition> sections, int writtenIn, FieldReader read,
        IStringLocalizer<PlanText> words)
    {
        var result = new Dictionary<string, IReadOnlyList<PlanItemDraft>>(StringComparer.Ordinal);
        var removed = new List<(Guid, long)>();
        for (var s = 0; s < input.Sections.Count; s++)
        {
            var section = input.Sections[s];
            var definition = sections.First(d => string.Equals(d.Key, section.Key, StringComparison.Ordinal));
            var items = new List<PlanItemDraft>();
            var figures = new HashSet<string>(StringComparer.Ordinal);
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

                if (row.IsBlankIn(definition.Kind))
                {
                    continue;
                }

                var prefix = FormattableString.Invariant($"Input.Sections[{s}].Items[{i}].");
                if (definition.Kind == PlanSectionKind.Figures)
                {
                    if (ReadFigure(definition, row, prefix, figures, read, words) is { } figure)
                    {
                        items.Add(figure);
                    }

                    continue;
                }

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
                var (from, to) = definition.SpansYears ? ReadSpan(definition, row, prefix, writtenIn, read, words) : (null, null);
                items.Add(new PlanItemDraft(row.Id, row.Version, label, text ?? "", from, to));
            }

            result[definition.Key] = items;
        }

        return new PlanDraft(result, removed);
    }

    /// <summary>A figure is stored as the model keeps it: the figure's key as the label and the number, invariant, as the text.</summary>
    private static PlanItemDraft? ReadFigure(PlanSectionDefinition definition, PlanItemInput row, string prefix, HashSet<string> seen,
        FieldReader read, IStringLocalizer<PlanText> words)
    {
        var figure = definition.FindFigure(row.Label ?? "");
        if (figure is null)
        {
            read.Error(prefix + "Label", words["Figure.Unknown"]);
            return null;
        }

        if (!seen.Add(figure.Key))
        {
            read.Error(prefix + "Label", words["Figure.Duplicate", figure.Label]);
            return null;
        }

        if (string.IsNullOrWhiteSpace(row.Text))
        {
            read.Error(prefix + "Text", read.Message("Error.Required", figure.Label));
            return null;
        }

        return read.Number(prefix + "Text", figure.Label, row.Text) is { } value
            ? new PlanItemDraft(row.Id, row.Version, figure.Key, FieldReader.Show(Figures.Normalize(value)))
            : null;
    }

    private static (int? From, int? To) ReadSpan(PlanSectionDefinition definition, PlanItemInput row, string prefix, int writtenIn,
        FieldReader read, IStringLocalizer<PlanText> words)
    {
        var from = Year(prefix + "FromYear", words["Span.From"], row.FromYear, read, words);
        var to = Year(prefix + "ToYear", words["Span.To"], row.ToYear, read, words);
        if (from is not { } f || to is not { } t)
        {
            return (from, to);
        }

        var span = SpanText(f, t);
        switch (PlanSpans.Check(definition, writtenIn, f, t))
        {
            case PlanSpanProblem.Order:
                read.Error(prefix + "ToYear", words["Span.Order", YearText(f), YearText(t)]);
                break;
            case PlanSpanProblem.TooLong:
                read.Error(prefix + "ToYear", words["Span.TooLong", definition.SpanLimit, span, t - f + 1]);
                break;
            case PlanSpanProblem.MissesOwnYear:
                read.Error(prefix + "FromYear", words["Span.MissesOwnYear", YearText(writtenIn), span]);
                break;
            default:
                break;
        }

        return (f, t);
    }

    private static int? Year(string key, string label, string? value, FieldReader read, IStringLocalizer<PlanText> words)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            read.Error(key, words["Span.Missing", label]);
            return null;
        }

        if (!FieldReader.TryParseNumber(value, out var number) || number != decimal.Truncate(number)
            || number < FiscalYear.MinStartYear || number > FiscalYear.MaxStartYear)
        {
            read.Error(key, words["Span.Invalid", label]);
            return null;
        }

        return (int)number;
    }

    /// <summary>令和6年度(2024年度).</summary>
    public static string YearText(int year) => Wareki.FormatFiscalYearWithWestern(new FiscalYear(year));

    /// <summary>令和6年度～令和8年度(2024～2026年度).</summary>
    public static string SpanText(int from, int to) =>
        Wareki.FormatFiscalYearSpan(new FiscalYear(from), new FiscalYear(to))
        + (from == to
            ? string.Create(CultureInfo.InvariantCulture, $"({from}年度)")
            : string.Create(CultureInfo.InvariantCulture, $"({from}～{to}年度)"));
}

/// <summary>
/// Stores the whole plan in one save — all or nothing — with every item checked against the version
/// the editor saw and the workflow's begin-edit in the same save.
/// </summary>
internal sealed class PlanEditor(MokuhyoDbContext db, ReportWorkflowService workflow)
{
    public async Task<GoalSaveResult> SaveAsync(AuthoringScope scope, PlanDraft draft, CancellationToken cancellationToken)
    {
        if (await BeginEdit.RefusalAsync(db, workflow, scope, cancellationToken) is { } refused)
        {
            return refused;
        }

        var departmentId = scope.Department.Department.Id;
        var keys = draft.Sections.Keys.ToList();
        var stored = await db.PlanItems.Where(i => i.OrgUnitId == departmentId && keys.Contains(i.SectionKey)).ToListAsync(cancellationToken);
        if (!Apply(departmentId, stored, draft))
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
            await db.SaveChangesAsync(cancellationToken);
            return new GoalSaveResult(GoalSaveStatus.Saved);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || GoalEditor.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return new GoalSaveResult(GoalSaveStatus.Conflict);
        }
    }

    private bool Apply(Guid departmentId, List<PlanItem> stored, PlanDraft draft)
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
        }

        foreach (var (key, items) in draft.Sections)
        {
            var section = stored.Where(i => string.Equals(i.SectionKey, key, StringComparison.Ordinal)).ToList();
            var existing = new List<PlanItem?>();
            foreach (var wanted in items)
            {
                var item = wanted.Id is { } id ? section.FirstOrDefault(i => i.Id == id) : null;
                if (wanted.Id is not null && item is null)
                {
                    return false;
                }

                existing.Add(item);
            }

            var ordinals = Positions(existing, section.Select(i => i.Ordinal).DefaultIfEmpty(0).Max());
            for (var position = 0; position < items.Count; position++)
            {
                var wanted = items[position];
                var item = existing[position];
                if (item is null)
                {
                    item = new PlanItem { OrgUnitId = departmentId, SectionKey = key, Text = wanted.Text };
                    db.PlanItems.Add(item);
                }
                else
                {
                    Expect(item, wanted.Version);
                }

                item.Ordinal = ordinals[position];
                item.Label = wanted.Label;
                item.Text = wanted.Text;
                item.FromYear = wanted.FromYear;
                item.ToYear = wanted.ToYear;
            }
        }

        return true;
    }

    /// <summary>
    /// Positions are unique within a section, and EF cannot order a save in which two items swap
    /// positions. So items keep their positions while their order holds and new ones follow the last;
    /// when the order changes, the section is numbered afresh above every position it used, so no new
    /// position meets an old one. Only the order is ever shown.
    /// </summary>
    private static int[] Positions(List<PlanItem?> items, int highest)
    {
        var kept = items.Where(i => i is not null).Select(i => i!.Ordinal).ToList();
        var inOrder = kept.Zip(kept.Skip(1)).All(pair => pair.First < pair.Second);
        var trailingNew = items.SkipWhile(i => i is not null).All(i => i is null);
        var positions = new int[items.Count];
        var next = highest;
        for (var i = 0; i < items.Count; i++)
        {
            positions[i] = inOrder && trailingNew && items[i] is { } item ? item.Ordinal : ++next;
        }

        return positions;
    }

    private void Expect(IVersioned entity, long version) => db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = version;

    private bool HasContentChanges() =>
        db.ChangeTracker.Entries().Any(e => e.Entity is not ReportState and not AuditEntry
            && (e.State is EntityState.Added or EntityState.Deleted
                || (e.State == EntityState.Modified && e.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(IVersioned.Version)))));
}
