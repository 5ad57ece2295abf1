using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Domain.Search;

/// <summary>Cuts a published report into search entries: everything a reader sees on the report page, field by field.</summary>
public static class SearchDocuments
{
    /// <summary>Raise when what goes into an entry changes: indexes built before are then rebuilt at start.</summary>
    public const int Version = 2;

    /// <summary>The anchor of the department section of the report page.</summary>
    public const string DepartmentAnchor = "department-heading";

    public static IReadOnlyList<SearchEntry> Build(DepartmentReport report, Guid publishedReportId, Guid departmentId, int departmentOrder)
    {
        ArgumentNullException.ThrowIfNull(report);
        var entries = new List<SearchEntry>();

        var unitLines = new List<string?>();
        AddUnit(unitLines, report.Department);
        entries.Add(Entry(report, publishedReportId, departmentId, departmentOrder, SearchEntryKinds.Department, 0, DepartmentAnchor,
            null, report.Department.Name, null, unitLines));

        var position = 1;
        foreach (var section in report.PlanSections)
        {
            var lines = new List<string?> { section.Title };
            lines.AddRange(section.Items.Select(i => i.Label is null ? i.Text : i.Label + " " + i.Text));
            entries.Add(Entry(report, publishedReportId, departmentId, departmentOrder, SearchEntryKinds.Plan, position++,
                "plan-" + section.Key, null, section.Title, null, lines));
        }

        foreach (var goal in report.Goals)
        {
            var lines = new List<string?> { goal.Title };
            lines.AddRange(goal.Body);
            lines.AddRange(goal.PlannedActions);
            lines.AddRange(goal.PlanReferences);
            lines.Add(goal.LeadUnit.Name);
            lines.AddRange(goal.CoUnits.Select(u => u.Name));
            foreach (var indicator in goal.Indicators)
            {
                lines.Add(indicator.Name);
                lines.Add(indicator.Baseline?.Text);
                lines.Add(indicator.Target?.Text);
                lines.Add(indicator.Target?.Note);
                lines.Add(indicator.Actual?.Text);
                lines.Add(indicator.Actual?.AsOf?.Label);
                lines.Add(indicator.Due?.Label);
                lines.Add(indicator.Done?.Label);
            }

            foreach (var block in goal.Result?.Blocks ?? [])
            {
                lines.Add(block.Heading);
                lines.Add(block.Text);
                lines.AddRange(block.Items);
            }

            entries.Add(Entry(report, publishedReportId, departmentId, departmentOrder, SearchEntryKinds.Goal, 1000 + goal.Number,
                $"goal-{goal.Number}", goal.Number, goal.Title, goal.Rating, lines));
        }

        return entries;
    }

    private static void AddUnit(List<string?> lines, ReportUnit unit)
    {
        lines.Add(unit.Name);
        lines.Add(unit.HeadTitle is null ? unit.HeadName : unit.HeadTitle + " " + unit.HeadName);
        lines.Add(unit.CompositionNote);
        lines.AddRange(unit.Responsibilities);
        foreach (var child in unit.Children)
        {
            AddUnit(lines, child);
        }
    }

    private static SearchEntry Entry(DepartmentReport report, Guid publishedReportId, Guid departmentId, int departmentOrder,
        string kind, int position, string anchor, int? goalNumber, string title, ReportRating? rating, List<string?> lines)
    {
        // One field per line: a query never contains a line break, so no match can span two fields.
        var text = string.Join('\n', lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => SearchText.OneLine(l!)));
        return new SearchEntry
        {
            PublishedReportId = publishedReportId,
            DepartmentId = departmentId,
            IndexVersion = Version,
            MunicipalityCode = report.Municipality.Code,
            MunicipalitySlug = report.Municipality.Slug,
            MunicipalityName = report.Municipality.Name,
            FiscalYear = report.FiscalYear,
            DepartmentCode = report.Department.Code,
            DepartmentName = report.Department.Name,
            DepartmentOrder = departmentOrder,
            Kind = kind,
            Position = position,
            Anchor = anchor,
            GoalNumber = goalNumber,
            Title = title,
            RatingOutcome = rating?.Outcome,
            RatingLabel = rating?.Label,
            Text = text,
            Folded = SearchText.Fold(text) + SearchText.FoldedEnd,
        };
    }
}
