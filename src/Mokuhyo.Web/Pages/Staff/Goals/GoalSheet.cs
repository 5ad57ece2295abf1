using Microsoft.Extensions.Localization;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Domain.Text;

namespace Mokuhyo.Web.Pages.Staff.Goals;

/// <summary>One labelled part of a goal written out as text, to set two versions of a goal side by side.</summary>
public sealed record SheetRow(string Key, string Label, string Text);

/// <summary>A part of a goal in two versions: stored and posted, or one published revision and the next.</summary>
public sealed record ComparedRow(string Label, string Before, string After)
{
    public bool Differs => !string.Equals(Before, After, StringComparison.Ordinal);
}

/// <summary>
/// Writes a goal out as labelled text rows — from the edited model (stored or posted) or from a
/// published snapshot — so two versions can be compared field by field.
/// </summary>
internal sealed class GoalSheet(IStringLocalizer<AuthoringText> text)
{
    public IReadOnlyList<SheetRow> Of(GoalDraft goal, IReadOnlyList<OrgUnit> units, ReportFormat format)
    {
        string UnitName(Guid id) => units.FirstOrDefault(u => u.Id == id)?.Name ?? "";

        var rows = new List<SheetRow>
        {
            new("number", text["Goal.Number"], goal.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("title", text["Goal.Title"], goal.Title),
            new("body", text["Goal.Body"], Lines(goal.Body)),
            new("actions", text["Goal.PlannedActions"], Lines(goal.PlannedActions)),
            new("references", text["Goal.PlanReferences"], Lines(goal.PlanReferences)),
            new("lead", text["Goal.LeadUnit"], UnitName(goal.LeadUnitId)),
            new("co-units", text["Goal.CoUnits"], string.Join("、", goal.CoUnitIds.Select(UnitName))),
        };

        for (var i = 0; i < goal.Indicators.Count; i++)
        {
            var indicator = goal.Indicators[i];
            var parts = new List<string> { $"{indicator.Name}({text["Kind." + indicator.Kind]})" };
            if (indicator.Baseline is { } baseline)
            {
                parts.Add(text["Sheet.Baseline", Figures.Format(baseline, indicator.Unit) + AsOf(indicator.BaselineAsOf)]);
            }

            if (indicator.Target is { } target)
            {
                parts.Add(text["Sheet.Target", Figures.Format(target, indicator.Unit) + Direction(format, indicator.Direction)
                    + (string.IsNullOrEmpty(indicator.TargetNote) ? "" : $"({indicator.TargetNote})")]);
            }
            else if (indicator.Unit is not null)
            {
                parts.Add(text["Sheet.Unit", indicator.Unit]);
            }

            if (indicator.DueDate is { } due)
            {
                parts.Add(text["Sheet.Due", Wareki.FormatDate(due)]);
            }

            if (indicator.Actual is { } actual)
            {
                parts.Add(text["Sheet.Actual", Figures.Format(actual, indicator.Unit) + AsOf(indicator.ActualAsOf)]);
            }
            else if (indicator.ActualAsOf is { } asOf)
            {
                parts.Add(text["Sheet.Actual", AsOf(asOf)]);
            }

            if (indicator.DoneDate is { } done)
            {
                parts.Add(text["Sheet.Done", Wareki.FormatDate(done)]);
            }

            rows.Add(new($"indicator-{i + 1}", text["Sheet.Indicator", i + 1], string.Join('\n', parts)));
        }

        rows.Add(new("result", text["Goal.Result"], Blocks(goal.Blocks.Select(b => (b.Kind == ResultBlockKind.Paragraph, b.Heading, b.Text, b.Items)))));
        return rows;
    }

    public IReadOnlyList<SheetRow> Of(ReportGoal goal)
    {
        var rows = new List<SheetRow>
        {
            new("number", text["Goal.Number"], goal.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("title", text["Goal.Title"], goal.Title),
            new("body", text["Goal.Body"], Lines(goal.Body)),
            new("actions", text["Goal.PlannedActions"], Lines(goal.PlannedActions)),
            new("references", text["Goal.PlanReferences"], Lines(goal.PlanReferences)),
            new("lead", text["Goal.LeadUnit"], goal.LeadUnit.Name),
            new("co-units", text["Goal.CoUnits"], string.Join("、", goal.CoUnits.Select(u => u.Name))),
        };

        for (var i = 0; i < goal.Indicators.Count; i++)
        {
            var indicator = goal.Indicators[i];
            var parts = new List<string> { $"{indicator.Name}({text["Kind." + KindOf(indicator.Kind)]})" };
            if (indicator.Baseline is { } baseline)
            {
                parts.Add(text["Sheet.Baseline", baseline.Text + AsOf(baseline.AsOf?.Date)]);
            }

            if (indicator.Target is { } target)
            {
                parts.Add(text["Sheet.Target", target.Text]);
            }
            else if (indicator.Unit is not null)
            {
                parts.Add(text["Sheet.Unit", indicator.Unit]);
            }

            if (indicator.Due is { } due)
            {
                parts.Add(text["Sheet.Due", due.Label]);
            }

            if (indicator.Actual is { } actual)
            {
                parts.Add(text["Sheet.Actual", actual.Text + AsOf(actual.AsOf?.Date)]);
            }

            if (indicator.Done is { } done)
            {
                parts.Add(text["Sheet.Done", done.Label]);
            }

            parts.Add(text["Sheet.Rating", indicator.Rating.Label + (indicator.Rating.RatioText is { } ratio ? $" {ratio}" : "")]);
            rows.Add(new($"indicator-{i + 1}", text["Sheet.Indicator", i + 1], string.Join('\n', parts)));
        }

        rows.Add(new("result", text["Goal.Result"], goal.Result is null
            ? ""
            : Blocks(goal.Result.Blocks.Select(b => (string.Equals(b.Kind, "paragraph", StringComparison.Ordinal), b.Heading, b.Text, b.Items)))));
        rows.Add(new("rating", text["Sheet.GoalRating"], goal.Rating.Label + (goal.Rating.RatioText is { } r ? $" {r}" : "")));
        return rows;
    }

    /// <summary>Pairs two sheets by row, keeping the order of the later one and adding rows only the earlier one has.</summary>
    public static IReadOnlyList<ComparedRow> Compare(IReadOnlyList<SheetRow> before, IReadOnlyList<SheetRow> after)
    {
        var rows = after.Select(a => new ComparedRow(a.Label,
            before.FirstOrDefault(b => string.Equals(b.Key, a.Key, StringComparison.Ordinal))?.Text ?? "", a.Text)).ToList();
        rows.AddRange(before.Where(b => after.All(a => !string.Equals(a.Key, b.Key, StringComparison.Ordinal)))
            .Select(b => new ComparedRow(b.Label, b.Text, "")));
        return rows;
    }

    private static string Lines(IEnumerable<string> lines) => string.Join('\n', lines);

    private string AsOf(DateOnly? date) => date is { } d ? text["Sheet.AsOf", Wareki.FormatDate(d)] : "";

    private static string Direction(ReportFormat format, TargetDirection direction)
    {
        var label = format.Directions.For(direction);
        return string.IsNullOrEmpty(label) && direction == TargetDirection.Exactly ? "" : label;
    }

    private string Blocks(IEnumerable<(bool Paragraph, string? Heading, string? Text, IReadOnlyList<string> Items)> blocks) =>
        string.Join('\n', blocks.SelectMany(b => b.Paragraph
            ? [b.Text ?? ""]
            : (string.IsNullOrEmpty(b.Heading) ? [] : new[] { text["Sheet.BlockHeading", b.Heading].Value })
                .Concat(b.Items.Select(i => text["Sheet.BulletItem", i].Value))));

    private static IndicatorKind KindOf(string kind) => kind switch
    {
        "milestone" => IndicatorKind.Milestone,
        "output" => IndicatorKind.Output,
        "qualitative" => IndicatorKind.Qualitative,
        _ => IndicatorKind.Numeric,
    };
}
