using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Ratings;
using Mokuhyo.Domain.Text;

namespace Mokuhyo.Domain.Reports;

/// <summary>Everything a department's report is made from, loaded by the caller.</summary>
public sealed record DepartmentReportSource
{
    public required Municipality Municipality { get; init; }

    public required FiscalYear FiscalYear { get; init; }

    public required ReportFormat Format { get; init; }

    public required PhaseDefinition Phase { get; init; }

    public required OrgUnit Department { get; init; }

    /// <summary>All units of the year, so the department's subtree and goal divisions can be named.</summary>
    public required IReadOnlyList<OrgUnit> Units { get; init; }

    /// <summary>The department's plan items, with the multi-year ones of the same department (by code) from other years.</summary>
    public required IReadOnlyList<PlanItem> PlanItems { get; init; }

    /// <summary>The department's goals with their co-units, indicators, actuals, results and blocks.</summary>
    public required IReadOnlyList<Goal> Goals { get; init; }

    public required int Revision { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }

    /// <summary>The day milestones are judged on: see <see cref="DepartmentReportBuilder.EvaluationDate"/>.</summary>
    public required DateOnly EvaluatedOn { get; init; }

    /// <summary>Per goal id, the nodes of the higher plans it links to, as they are named now.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<ReportPolicyRef>> Policies { get; init; } = new Dictionary<Guid, IReadOnlyList<ReportPolicyRef>>();
}

/// <summary>Builds the <see cref="DepartmentReport"/> view model; the only code that turns the model into a report.</summary>
public static class DepartmentReportBuilder
{
    /// <summary>
    /// Year-end results are judged at the end of the fiscal year; earlier phases on the day they are
    /// published, but never after the year ends.
    /// </summary>
    public static DateOnly EvaluationDate(PhaseKind phase, FiscalYear fiscalYear, DateOnly today) =>
        phase == PhaseKind.YearEnd || today > fiscalYear.LastDay ? fiscalYear.LastDay : today;

    public static DepartmentReport Build(DepartmentReportSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var format = source.Format;
        var unitsById = source.Units.ToDictionary(u => u.Id);
        var goals = source.Goals.OrderBy(g => g.Number).Select(g => BuildGoal(g, source, unitsById)).ToList();

        var groups = new List<ReportGoalGroup>();
        foreach (var goal in goals)
        {
            if (groups.Count > 0 && string.Equals(groups[^1].LeadUnit.Code, goal.LeadUnit.Code, StringComparison.Ordinal))
            {
                groups[^1] = groups[^1] with { Goals = [.. groups[^1].Goals, goal] };
            }
            else
            {
                groups.Add(new ReportGoalGroup(goal.LeadUnit, [goal]));
            }
        }

        return new DepartmentReport
        {
            Municipality = new ReportMunicipality(source.Municipality.Code, source.Municipality.Slug, source.Municipality.Name,
                source.Municipality.LicenceName, source.Municipality.LicenceUrl, source.Municipality.IsExample),
            FiscalYear = source.FiscalYear.StartYear,
            FiscalYearLabel = Wareki.FormatFiscalYear(source.FiscalYear),
            Phase = new ReportPhase(source.Phase.Key, source.Phase.Name, KindName(source.Phase.Kind)),
            Revision = source.Revision,
            PublishedAt = source.PublishedAt,
            Labels = BuildLabels(format),
            Department = BuildUnit(source.Department, source.Units),
            PlanSections = BuildPlanSections(format, source.PlanItems, source.FiscalYear.StartYear),
            GoalGroups = groups,
            Summary = Summarize(goals, format.RatingScale),
        };
    }

    private static ReportLabels BuildLabels(ReportFormat format) => new()
    {
        DepartmentReportTitle = format.Labels.DepartmentReportTitle,
        HeadingPattern = format.Labels.HeadingPattern,
        GoalsHeading = format.Labels.GoalsHeading,
        ResultsHeading = format.Labels.ResultsHeading,
        IndicatorHeading = format.Labels.IndicatorHeading,
        BaselineHeading = format.Labels.BaselineHeading,
        TargetHeading = format.Labels.TargetHeading,
        ActualHeading = format.Labels.ActualHeading,
        RatioHeading = format.Labels.RatioHeading,
        AsOfHeading = format.Labels.AsOfHeading,
        RatingHeading = format.Labels.RatingHeading,
        PlanReferencesHeading = format.Labels.PlanReferencesHeading,
        CoUnitsHeading = format.Labels.CoUnitsHeading,
        ResponsibilitiesHeading = format.Labels.ResponsibilitiesHeading,
        RatingScaleName = format.RatingScale.Name,
        NotRatedLabel = format.RatingScale.NotRatedLabel,
        ComputedRatingHeading = format.Labels.ComputedRatingHeading,
        UnconfirmedNote = format.Labels.UnconfirmedNote,
    };

    private static ReportUnit BuildUnit(OrgUnit unit, IReadOnlyList<OrgUnit> units) => new()
    {
        Code = unit.Code,
        Name = unit.Name,
        Kind = unit.Kind,
        HeadTitle = unit.HeadTitle,
        HeadName = unit.HeadName,
        CompositionNote = unit.CompositionNote,
        Responsibilities = [.. unit.Responsibilities],
        Children = [.. units.Where(u => u.ParentId == unit.Id).OrderBy(u => u.SortOrder).Select(u => BuildUnit(u, units))],
    };

    private static List<ReportPlanSection> BuildPlanSections(ReportFormat format, IReadOnlyList<PlanItem> items, int year) =>
        [.. format.PlanSections
            .Select(section => new ReportPlanSection(
                section.Key,
                section.Title,
                KindName(section.Kind),
                [.. items.Where(i => string.Equals(i.SectionKey, section.Key, StringComparison.Ordinal) && Covers(section, i, year))
                    .OrderBy(i => i.FromYear).ThenBy(i => i.Ordinal)
                    .Select((item, index) => PlanItemView(section, item, index + 1))]))
            .Where(s => s.Items.Count > 0)];

    // A multi-year item shows in every year it covers; an item of an ordinary section only in its own year's tree.
    private static bool Covers(PlanSectionDefinition section, PlanItem item, int year) =>
        !section.SpansYears || (item.FromYear is { } from && item.ToYear is { } to && from <= year && year <= to);

    private static ReportPlanItem PlanItemView(PlanSectionDefinition section, PlanItem item, int number)
    {
        if (section.Kind == PlanSectionKind.Figures && section.FindFigure(item.Label ?? string.Empty) is { } figure
            && decimal.TryParse(item.Text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return new ReportPlanItem(number, figure.Label, Figures.Format(value, figure.Unit), Figures.Normalize(value));
        }

        var span = section.SpansYears && item.FromYear is { } from && item.ToYear is { } to
            ? Wareki.FormatFiscalYearSpan(new FiscalYear(from), new FiscalYear(to))
            : null;
        return new ReportPlanItem(number, item.Label, item.Text, Span: span);
    }

    private static ReportGoal BuildGoal(Goal goal, DepartmentReportSource source, Dictionary<Guid, OrgUnit> unitsById)
    {
        var scale = source.Format.RatingScale;
        var indicators = goal.Indicators.OrderBy(i => i.Ordinal).Select(i => BuildIndicator(i, source)).ToList();
        var result = goal.Results.FirstOrDefault(r => string.Equals(r.PhaseKey, source.Phase.Key, StringComparison.Ordinal));
        var computed = AchievementRater.RateGoal(indicators.Select(i => i.Computed), scale);
        var values = FieldValues(goal, source);
        var goalRating = AchievementRater.RateGoal(computed,
            scale.SelfRatingField is { } self ? values.GetValueOrDefault(self) : null,
            scale.ConfirmedRatingField is { } confirmed ? values.GetValueOrDefault(confirmed) : null,
            scale);

        return new ReportGoal
        {
            Id = goal.Id,
            PreviousId = goal.PreviousGoalId,
            Number = goal.Number,
            Title = goal.Title,
            Body = [.. goal.Body],
            PlannedActions = [.. goal.PlannedActions],
            LeadUnit = Ref(unitsById[goal.LeadUnitId]),
            CoUnits = [.. goal.CoUnits.OrderBy(c => c.Ordinal).Select(c => Ref(unitsById[c.OrgUnitId]))],
            PlanReferences = [.. goal.PlanReferences],
            Indicators = [.. indicators.Select(i => i.View)],
            Result = result is null
                ? null
                : new ReportResult([.. result.Blocks.OrderBy(b => b.Ordinal).Select(b => new ReportResultBlock(
                    b.Kind == ResultBlockKind.Paragraph ? "paragraph" : "bullet-list", b.Heading, b.Text, [.. b.Items]))]),
            Rating = View(goalRating.Final, scale),
            Fields = [.. FieldsOf(source, values)],
            ComputedRating = scale.Mode == RatingMode.Manual && goalRating.Differs ? View(goalRating.Computed, scale) : null,
            RatingConfirmed = scale.Mode == RatingMode.Manual ? goalRating.IsConfirmed : null,
            Policies = source.Policies.TryGetValue(goal.Id, out var policies) && policies.Count > 0 ? policies : null,
        };
    }

    /// <summary>
    /// The goal's field values seen from the report's phase: plan fields as set in the plan phase,
    /// result fields of this phase. Empty values count as none.
    /// </summary>
    public static Dictionary<string, string> FieldValues(Goal goal, ReportFormat format, PhaseDefinition phase)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(phase);
        var planPhase = format.Phases.FirstOrDefault(p => p.Kind == PhaseKind.Plan)?.Key ?? phase.Key;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in format.GoalFieldsOf(phase.Kind))
        {
            var phaseKey = field.Column == GoalFieldColumn.Plan ? planPhase : phase.Key;
            var value = goal.FieldValues.FirstOrDefault(v => string.Equals(v.FieldKey, field.Key, StringComparison.Ordinal)
                && string.Equals(v.PhaseKey, phaseKey, StringComparison.Ordinal))?.Value;
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[field.Key] = value;
            }
        }

        return values;
    }

    private static Dictionary<string, string> FieldValues(Goal goal, DepartmentReportSource source) =>
        FieldValues(goal, source.Format, source.Phase);

    private static IEnumerable<ReportGoalField> FieldsOf(DepartmentReportSource source, Dictionary<string, string> values)
    {
        foreach (var field in source.Format.GoalFieldsOf(source.Phase.Kind))
        {
            if (!values.TryGetValue(field.Key, out var value))
            {
                continue;
            }

            IReadOnlyList<string> lines = field.Kind switch
            {
                GoalFieldKind.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var date) => [Wareki.FormatDate(date)],
                GoalFieldKind.Rating => [source.Format.RatingScale.FindLevel(value)?.Label ?? value],
                GoalFieldKind.Text => [value],
                _ => [.. value.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0)],
            };
            yield return new ReportGoalField(field.Key, field.Label, KindName(field.Kind),
                field.Column == GoalFieldColumn.Plan ? "plan" : "result", value, lines,
                [.. Enum.GetValues<FormatOutput>().Where(field.ShowsIn).Select(KindName)]);
        }
    }

    private static (ReportIndicator View, Rating Computed) BuildIndicator(Indicator indicator, DepartmentReportSource source)
    {
        var format = source.Format;
        var actual = indicator.Actuals.FirstOrDefault(a => string.Equals(a.PhaseKey, source.Phase.Key, StringComparison.Ordinal));
        var rating = AchievementRater.Rate(indicator.Kind, indicator.TargetValue, indicator.Direction, actual?.Value,
            indicator.DueDate, actual?.DoneDate, source.EvaluatedOn, format.RatingScale);

        ReportTarget? target = null;
        if (indicator.TargetValue is { } t && indicator.Kind == IndicatorKind.Numeric)
        {
            var text = Figures.Format(t, indicator.Unit) + format.Directions.For(indicator.Direction)
                + (string.IsNullOrEmpty(indicator.TargetNote) ? string.Empty : $"({indicator.TargetNote})");
            target = new ReportTarget(Figures.Normalize(t), DirectionName(indicator.Direction), indicator.TargetNote, text);
        }

        var view = new ReportIndicator
        {
            Name = indicator.Name,
            Kind = KindName(indicator.Kind),
            Unit = indicator.Unit,
            Baseline = indicator.BaselineValue is { } b ? Value(b, indicator.Unit, indicator.BaselineAsOf, format) : null,
            Target = target,
            Due = Date(indicator.DueDate),
            Actual = actual?.Value is { } v ? Value(v, indicator.Unit, actual.AsOf, format) : null,
            Done = Date(actual?.DoneDate),
            Rating = View(rating, format.RatingScale),
        };
        return (view, rating);
    }

    private static ReportValue Value(decimal value, string? unit, DateOnly? asOf, ReportFormat format) =>
        new(Figures.Normalize(value), Figures.Format(value, unit), asOf is { } d ? new ReportDate(d, Wareki.FormatAsOf(d, format.MonthEndAsMatsujitsu)) : null);

    private static ReportDate? Date(DateOnly? date) => date is { } d ? new ReportDate(d, Wareki.FormatDate(d)) : null;

    private static ReportRating View(Rating rating, RatingScale scale) => new()
    {
        Outcome = rating.Outcome switch
        {
            RatingOutcome.Met => "met",
            RatingOutcome.NotMet => "not-met",
            _ => "not-rated",
        },
        LevelKey = rating.Level?.Key,
        Label = rating.Level?.Label ?? scale.NotRatedLabel,
        Ratio = rating.Ratio is { } ratio ? Figures.Normalize(decimal.Round(ratio, 6)) : null,
        RatioPercent = rating.RatioPercent,
        RatioText = rating.RatioPercent is { } percent ? Figures.Format(decimal.Round(percent, 1), "%") : null,
        NotRatedReason = rating.Reason switch
        {
            NotRatedReason.None => null,
            NotRatedReason.NoTarget => "no-target",
            NotRatedReason.Qualitative => "qualitative",
            NotRatedReason.MissingActual => "missing-actual",
            _ => "not-yet-due",
        },
    };

    private static ReportSummary Summarize(List<ReportGoal> goals, RatingScale scale) => new(
        goals.Count,
        goals.Count(g => g.Rating.Outcome == "met"),
        goals.Count(g => g.Rating.Outcome == "not-met"),
        goals.Count(g => g.Rating.Outcome == "not-rated"),
        [.. scale.Levels.Select(l => new ReportLevelCount(l.Key, l.Label,
            goals.Count(g => string.Equals(g.Rating.LevelKey, l.Key, StringComparison.Ordinal))))]);

    private static ReportUnitRef Ref(OrgUnit unit) => new(unit.Code, unit.Name, unit.Kind);

    private static string KindName(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Numeric => "numeric",
        IndicatorKind.Milestone => "milestone",
        IndicatorKind.Output => "output",
        _ => "qualitative",
    };

    private static string KindName(PhaseKind kind) => kind switch
    {
        PhaseKind.Plan => "plan",
        PhaseKind.Interim => "interim",
        _ => "year-end",
    };

    private static string KindName(PlanSectionKind kind) => kind switch
    {
        PlanSectionKind.NumberedList => "numbered-list",
        PlanSectionKind.BulletList => "bullet-list",
        PlanSectionKind.Paragraph => "paragraph",
        PlanSectionKind.Figures => "figures",
        _ => "table",
    };

    private static string KindName(GoalFieldKind kind) => kind switch
    {
        GoalFieldKind.Text => "text",
        GoalFieldKind.Paragraph => "paragraph",
        GoalFieldKind.List => "list",
        GoalFieldKind.Date => "date",
        _ => "rating",
    };

    private static string KindName(FormatOutput output) => output switch
    {
        FormatOutput.Html => "html",
        FormatOutput.Pdf => "pdf",
        FormatOutput.Excel => "excel",
        _ => "csv",
    };

    private static string DirectionName(TargetDirection direction) => direction switch
    {
        TargetDirection.AtLeast => "at-least",
        TargetDirection.AtMost => "at-most",
        _ => "exactly",
    };
}
