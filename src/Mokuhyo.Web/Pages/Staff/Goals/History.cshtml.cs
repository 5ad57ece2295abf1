using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Audit;
using Mokuhyo.Data.Workflow;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Web.Infrastructure;
using Mokuhyo.Web.Pages.Staff.Authoring;

namespace Mokuhyo.Web.Pages.Staff.Goals;

/// <summary>
/// A goal's history: every recorded change (who, when, each field's old and new value), and what
/// changed in the goal from one published revision of the report to the next.
/// </summary>
public sealed class HistoryModel(StaffContext staff, MokuhyoDbContext db, DraftReports drafts, ReportWorkflowService workflow,
    IStringLocalizer<AuthoringText> text) : PageModel
{
    // Keys and links the trail records but a reader has no use for.
    private static readonly HashSet<string> Hidden =
        new(["Id", "GoalId", "IndicatorId", "GoalResultId", "ReportingYearId", "DepartmentId", "PreviousGoalId"], StringComparer.Ordinal);

    public AuthoringScope? Scope { get; private set; }

    public Goal? Goal { get; private set; }

    public IReadOnlyList<HistoryEntry> Entries { get; private set; } = [];

    public IReadOnlyList<RevisionDiff> Revisions { get; private set; } = [];

    public int PublishedCount { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] string year, [FromRoute] string department, [FromRoute] string phase, [FromRoute] int number, CancellationToken cancellationToken)
    {
        Scope = await AuthoringScope.LoadAsync(staff, drafts, workflow, year, department, phase, cancellationToken);
        if (Scope is null)
        {
            return NotFound();
        }

        var departmentId = Scope.Department.Department.Id;
        Goal = await GoalEditor.Tracked(db.Goals.AsNoTracking()).SingleOrDefaultAsync(g => g.DepartmentId == departmentId && g.Number == number, cancellationToken);
        if (Goal is null)
        {
            return NotFound();
        }

        var goalId = Goal.Id;
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.GoalId == goalId).OrderByDescending(a => a.Id).ToListAsync(cancellationToken);
        Entries = [.. audit.Select(Describe).Where(e => e.Changes.Count > 0 || e.Action != "modified")];

        var published = await db.PublishedReports.AsNoTracking()
            .Where(p => p.DepartmentId == departmentId && p.PhaseKey == Scope.Phase.Key)
            .OrderBy(p => p.Revision)
            .Select(p => new { p.Revision, p.PublishedAt, p.Json })
            .ToListAsync(cancellationToken);
        PublishedCount = published.Count;
        var sheet = new GoalSheet(text);
        var diffs = new List<RevisionDiff>();
        for (var i = 1; i < published.Count; i++)
        {
            var before = FindGoal(published[i - 1].Json, number);
            var after = FindGoal(published[i].Json, number);
            if (before is null && after is null)
            {
                continue;
            }

            var rows = GoalSheet.Compare(before is null ? [] : sheet.Of(before), after is null ? [] : sheet.Of(after))
                .Where(r => r.Differs)
                .Select(r => new FieldDiff(r.Label, TextDiff.Compare(r.Before, r.After)))
                .ToList();
            diffs.Add(new RevisionDiff(published[i - 1].Revision, published[i].Revision, published[i].PublishedAt,
                before is null, after is null, rows));
        }

        diffs.Reverse();
        Revisions = diffs;
        return Page();
    }

    public static string When(DateTimeOffset at) =>
        Wareki.FormatDate(JapanTime.DateOfInstant(at)) + " "
        + TimeZoneInfo.ConvertTime(at, JapanTime.Zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static ReportGoal? FindGoal(string json, int number)
    {
        try
        {
            return ReportJson.Deserialize(json).Goals.FirstOrDefault(g => g.Number == number);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private HistoryEntry Describe(Domain.Audit.AuditEntry entry)
    {
        Dictionary<string, AuditChange> changes;
        try
        {
            changes = JsonSerializer.Deserialize<Dictionary<string, AuditChange>>(entry.Changes, ReportJson.Options) ?? [];
        }
        catch (JsonException)
        {
            changes = [];
        }

        var fields = changes.Where(c => !Hidden.Contains(c.Key))
            .Select(c => new FieldChange(FieldLabel(entry.EntityType, c.Key),
                Readable(entry.EntityType, c.Key, c.Value.Old), Readable(entry.EntityType, c.Key, c.Value.New)))
            .Where(c => !string.IsNullOrEmpty(c.Old) || !string.IsNullOrEmpty(c.New))
            .ToList();
        return new HistoryEntry(entry.At, entry.ActorName, EntityLabel(entry), entry.Action, fields);
    }

    private string EntityLabel(Domain.Audit.AuditEntry entry)
    {
        var label = text["Entity." + entry.EntityType].Value;
        var goal = Goal!;
        if (Guid.TryParse(entry.EntityId, out var id))
        {
            if (string.Equals(entry.EntityType, nameof(Indicator), StringComparison.Ordinal)
                && goal.Indicators.FirstOrDefault(i => i.Id == id) is { } indicator)
            {
                return text["Entity.Named", label, indicator.Name];
            }

            if (string.Equals(entry.EntityType, nameof(IndicatorActual), StringComparison.Ordinal)
                && goal.Indicators.FirstOrDefault(i => i.Actuals.Any(a => a.Id == id)) is { } owner)
            {
                return text["Entity.Named", label, owner.Name];
            }
        }

        return label;
    }

    private string FieldLabel(string entityType, string property) => property switch
    {
        "Number" => text["Goal.Number"],
        "Title" => text["Goal.Title"],
        "Body" => text["Goal.Body"],
        "PlannedActions" => text["Goal.PlannedActions"],
        "PlanReferences" => text["Goal.PlanReferences"],
        "LeadUnitId" => text["Goal.LeadUnit"],
        "OrgUnitId" => text["Field.Unit"],
        "Ordinal" => text["Field.Ordinal"],
        "Name" => text["Indicator.Name"],
        "Kind" when string.Equals(entityType, nameof(ResultBlock), StringComparison.Ordinal) => text["Block.Kind"],
        "Kind" => text["Indicator.Kind"],
        "Unit" => text["Indicator.Unit"],
        "TargetValue" => text["Indicator.Target"],
        "Direction" => text["Indicator.Direction"],
        "TargetNote" => text["Indicator.TargetNote"],
        "BaselineValue" => text["Indicator.Baseline"],
        "BaselineAsOf" => text["Indicator.BaselineAsOf"],
        "DueDate" => text["Indicator.DueDate"],
        "Value" => text["Indicator.Actual"],
        "AsOf" => text["Indicator.ActualAsOf"],
        "DoneDate" => text["Indicator.DoneDate"],
        "PhaseKey" => text["Field.Phase"],
        "Heading" => text["Block.Heading"],
        "Text" => text["Block.Paragraph"],
        "Items" => text["Block.Items"],
        _ => property,
    };

    /// <summary>A recorded value as a reader would write it: names for unit ids, Japanese for kinds, 和暦 for dates.</summary>
    private string? Readable(string entityType, string property, string? value)
    {
        if (value is null)
        {
            return null;
        }

        switch (property)
        {
            case "LeadUnitId" or "OrgUnitId" when Guid.TryParse(value, out var unitId):
                return Scope!.Department.Units.FirstOrDefault(u => u.Id == unitId)?.Name ?? value;
            case "Kind" when string.Equals(entityType, nameof(ResultBlock), StringComparison.Ordinal) && Enum.TryParse<ResultBlockKind>(value, out var blockKind):
                return text["BlockKind." + blockKind];
            case "Kind" when Enum.TryParse<IndicatorKind>(value, out var kind):
                return text["Kind." + kind];
            case "Direction" when Enum.TryParse<TargetDirection>(value, out var direction):
                var label = Scope!.Format.Directions.For(direction);
                return string.IsNullOrEmpty(label) ? text["Direction." + direction] : label;
            case "BaselineAsOf" or "DueDate" or "AsOf" or "DoneDate"
                when DateOnly.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return Wareki.FormatDate(date);
            case "TargetValue" or "BaselineValue" or "Value" when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number):
                return FieldReader.Show(number);
            case "PhaseKey":
                return Scope!.Format.FindPhase(value)?.Name ?? value;
            case "Body" or "PlannedActions" or "PlanReferences" or "Items":
                try
                {
                    return string.Join('\n', JsonSerializer.Deserialize<List<string>>(value, ReportJson.Options) ?? []);
                }
                catch (JsonException)
                {
                    return value;
                }

            default:
                return value;
        }
    }
}

/// <summary>One recorded change as the page shows it.</summary>
public sealed record HistoryEntry(DateTimeOffset At, string Actor, string Subject, string Action, IReadOnlyList<FieldChange> Changes);

public sealed record FieldChange(string Label, string? Old, string? New);

/// <summary>What changed in the goal between two published revisions, field by field.</summary>
public sealed record RevisionDiff(int From, int To, DateTimeOffset PublishedAt, bool Added, bool Removed, IReadOnlyList<FieldDiff> Fields);

public sealed record FieldDiff(string Label, IReadOnlyList<DiffPart> Parts);
