using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Ratings;

namespace Mokuhyo.Data.Formats;

/// <summary>A problem of a format file: where (a JSON path such as $.ratingScale.levels[1].minRatio) and what, in words for planning staff.</summary>
public sealed record FormatProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>The outcome of reading a format file: the format when it is usable, else every problem found.</summary>
public sealed record FormatCheck(ReportFormat? Format, IReadOnlyList<FormatProblem> Problems)
{
    public bool IsValid => Format is not null;
}

/// <summary>
/// Reads a municipality's format file (templates/*.json, or what planning staff type on the admin page):
/// first against the published schema (templates/schema.json), then for what a schema cannot say
/// (unique keys, thresholds in order, the fields a manual scale names). Every problem names its field.
/// </summary>
public static partial class FormatTemplate
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        // Build into a registry of its own so that reloading (tests, several hosts in a process) never collides on the $id.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return JsonSchema.FromText(SchemaJson, options);
    });

    /// <summary>The published JSON Schema of format files.</summary>
    public static string SchemaJson => EmbeddedFiles.ReadTemplateJson("schema");

    public static FormatCheck Check(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Fail("$", FormatText.Get("Empty"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            return Fail(PathOf(ex.Path), FormatText.Get("NotJson", ex.Message));
        }

        using (document)
        {
            var problems = SchemaProblems(document.RootElement);
            if (problems.Count > 0)
            {
                return new FormatCheck(null, problems);
            }
        }

        ReportFormat? format;
        try
        {
            format = JsonSerializer.Deserialize<ReportFormat>(json, Domain.Reports.ReportJson.Options);
        }
        catch (JsonException ex)
        {
            return Fail(PathOf(ex.Path), FormatText.Get("NotJson", ex.Message));
        }

        if (format is null)
        {
            return Fail("$", FormatText.Get("Empty"));
        }

        var semantic = SemanticProblems(format);
        return semantic.Count == 0 ? new FormatCheck(format, []) : new FormatCheck(null, semantic);
    }

    private static FormatCheck Fail(string path, string message) => new(null, [new FormatProblem(path, message)]);

    private static List<FormatProblem> SchemaProblems(JsonElement root)
    {
        var results = Schema.Value.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var problems = new List<FormatProblem>();
        if (results.IsValid)
        {
            return problems;
        }

        foreach (var detail in results.Details ?? [])
        {
            if (detail.Errors is null)
            {
                continue;
            }

            foreach (var (keyword, message) in detail.Errors)
            {
                var path = PathOf(detail.InstanceLocation.ToString());
                var evaluation = detail.EvaluationPath.ToString();
                var problem = keyword switch
                {
                    "required" => new FormatProblem(path, FormatText.Get("Schema.required", string.Join("、", Quoted().Matches(message).Select(m => m.Groups[1].Value)))),
                    // A property the schema does not know fails the false schema under additionalProperties.
                    _ when evaluation.Contains("additionalProperties", StringComparison.Ordinal) =>
                        new FormatProblem(path, FormatText.Get("Schema.additionalProperties", LastSegment(path))),
                    "type" => new FormatProblem(path, FormatText.Get("Schema.type", ExpectedType(evaluation, message))),
                    "enum" => new FormatProblem(path, FormatText.Get("Schema.enum", EnumValues(message))),
                    "minItems" => new FormatProblem(path, FormatText.Get("Schema.minItems", FirstNumber(message))),
                    "pattern" or "minLength" or "maxLength" or "uniqueItems" or "minimum" => new FormatProblem(path, FormatText.Get("Schema." + keyword)),
                    _ => new FormatProblem(path, FormatText.Get("Schema.other", keyword)),
                };
                if (!problems.Contains(problem))
                {
                    problems.Add(problem);
                }
            }
        }

        return problems;
    }

    /// <summary>What the schema cannot say. Paths point at the field to change.</summary>
    public static List<FormatProblem> SemanticProblems(ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var problems = new List<FormatProblem>();
        Duplicates(problems, "$.planSections", format.PlanSections.Select(s => s.Key));
        Duplicates(problems, "$.goalFields", format.GoalFields.Select(f => f.Key));
        Duplicates(problems, "$.phases", format.Phases.Select(p => p.Key));
        Duplicates(problems, "$.ratingScale.levels", format.RatingScale.Levels.Select(l => l.Key));

        for (var i = 0; i < format.PlanSections.Count; i++)
        {
            var section = format.PlanSections[i];
            var path = Invariant($"$.planSections[{i}]");
            Duplicates(problems, path + ".figures", section.Figures.Select(f => f.Key));
            if (section.Kind == PlanSectionKind.Figures && section.Figures.Count == 0)
            {
                problems.Add(new(path + ".figures", FormatText.Get("FiguresNeeded")));
            }

            if (section.Kind != PlanSectionKind.Figures && section.Figures.Count > 0)
            {
                problems.Add(new(path + ".figures", FormatText.Get("FiguresOnlyForFigures")));
            }

            if (section.Kind == PlanSectionKind.Figures && section.SpansYears)
            {
                problems.Add(new(path + ".spansYears", FormatText.Get("SpanNotForFigures")));
            }

            if (section.MaxYears is not null && !section.SpansYears)
            {
                problems.Add(new(path + ".maxYears", FormatText.Get("MaxYearsOnlyWithSpan")));
            }
        }

        var kinds = format.Phases.Select(p => p.Kind).ToList();
        for (var i = 1; i < kinds.Count; i++)
        {
            if (kinds[i] < kinds[i - 1])
            {
                problems.Add(new(Invariant($"$.phases[{i}].kind"), FormatText.Get("PhaseOrder")));
            }
        }

        if (kinds.Count(k => k == PhaseKind.Plan) > 1)
        {
            problems.Add(new("$.phases", FormatText.Get("OnePlanPhase")));
        }

        if (kinds.Count(k => k == PhaseKind.YearEnd) != 1)
        {
            problems.Add(new("$.phases", FormatText.Get("OneYearEndPhase")));
        }

        if (format.UnitKinds.Count == 0)
        {
            problems.Add(new("$.unitKinds", FormatText.Get("UnitKindEmpty")));
        }

        RatingProblems(problems, format);
        return problems;
    }

    private static void RatingProblems(List<FormatProblem> problems, ReportFormat format)
    {
        var scale = format.RatingScale;
        for (var i = 1; i < scale.Levels.Count; i++)
        {
            if (scale.Levels[i].MinRatio >= scale.Levels[i - 1].MinRatio)
            {
                problems.Add(new(Invariant($"$.ratingScale.levels[{i}].minRatio"), FormatText.Get("ThresholdOrder")));
            }
        }

        if (scale.Levels.Count > 0 && scale.Worst.MinRatio != 0m)
        {
            problems.Add(new(Invariant($"$.ratingScale.levels[{scale.Levels.Count - 1}].minRatio"), FormatText.Get("WorstStartsAtZero")));
        }

        if (!scale.Levels.Any(l => l.CountsAsMet))
        {
            problems.Add(new("$.ratingScale.levels", FormatText.Get("NoMetLevel")));
        }

        if (scale.Mode == RatingMode.Manual)
        {
            CheckRatingField(problems, format, scale.SelfRatingField, "$.ratingScale.selfRatingField");
            CheckRatingField(problems, format, scale.ConfirmedRatingField, "$.ratingScale.confirmedRatingField");
            if (string.IsNullOrWhiteSpace(format.Labels.ComputedRatingHeading))
            {
                problems.Add(new("$.labels.computedRatingHeading", FormatText.Get("ManualNeedsLabel")));
            }

            if (string.IsNullOrWhiteSpace(format.Labels.UnconfirmedNote))
            {
                problems.Add(new("$.labels.unconfirmedNote", FormatText.Get("ManualNeedsLabel")));
            }
        }
        else if (scale.SelfRatingField is not null || scale.ConfirmedRatingField is not null)
        {
            problems.Add(new("$.ratingScale.mode", FormatText.Get("RatingFieldOnlyManual")));
        }
    }

    private static void CheckRatingField(List<FormatProblem> problems, ReportFormat format, string? key, string path)
    {
        if (string.IsNullOrEmpty(key))
        {
            problems.Add(new(path, FormatText.Get("ManualNeedsField")));
        }
        else if (format.FindGoalField(key) is not { Kind: GoalFieldKind.Rating })
        {
            problems.Add(new(path, FormatText.Get("NotARatingField", key)));
        }
    }

    private static void Duplicates(List<FormatProblem> problems, string path, IEnumerable<string> keys)
    {
        foreach (var key in keys.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add(new(path, FormatText.Get("DuplicateKey", key)));
        }
    }

    /// <summary>$.phases[0].key from a JSON pointer (/phases/0/key) or System.Text.Json's path ($.phases[0].key).</summary>
    private static string PathOf(string? location)
    {
        if (string.IsNullOrEmpty(location) || location == "#" || location == "/")
        {
            return "$";
        }

        if (location.StartsWith('$'))
        {
            return location;
        }

        var path = new StringBuilder("$");
        foreach (var segment in location.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            path.Append(int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? $"[{name}]" : "." + name);
        }

        return path.ToString();
    }

    private static string LastSegment(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? path : path[(dot + 1)..];
    }

    private static string ExpectedType(string evaluation, string message)
    {
        var match = Quoted().Matches(message).Select(m => m.Groups[1].Value).LastOrDefault();
        return match ?? evaluation;
    }

    private static string EnumValues(string message)
    {
        var values = Quoted().Matches(message).Select(m => m.Groups[1].Value).ToList();
        return values.Count == 0 ? message : string.Join(", ", values);
    }

    private static string FirstNumber(string message) => Number().Match(message) is { Success: true } m ? m.Value : "1";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex Quoted();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Number();
}
