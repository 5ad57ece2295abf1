using System.Globalization;
using Mokuhyo.Data;
using Mokuhyo.Data.DemoData;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Text;

namespace Mokuhyo.Tests.Common;

/// <summary>
/// The facts of each sample municipality shipped with the example formats, read from its demo data file
/// and its format (never written down twice), as each output must show them in the latest published phase.
/// </summary>
public sealed record ExampleFacts(string Name, DepartmentFile File, ReportFormat Format)
{
    public static IReadOnlyList<ExampleFacts> All { get; } =
    [
        .. EmbeddedFiles.DemoDataFiles().Where(f => EmbeddedFiles.IsExampleFile(f.Name))
            .Select(f =>
            {
                var file = DepartmentFileLoader.Parse(f.Name, f.Json);
                return new ExampleFacts(f.Name, file, EmbeddedFiles.ReadTemplate(file.Format));
            }),
    ];

    public static ExampleFacts Named(string name) => All.Single(e => e.Name == name);

    public static IEnumerable<string> Names => All.Select(e => e.Name);

    public string Slug => File.Municipality.Slug;

    public int Year => File.FiscalYear;

    public DepartmentEntry Department => File.Departments.Single();

    /// <summary>The last phase published: the one public pages and documents show.</summary>
    public PhaseDefinition LatestPhase =>
        File.Publish.Select(p => Format.FindPhase(p)!).OrderBy(p => Format.Phases.ToList().IndexOf(p)).Last();

    /// <summary>What an output (html, pdf, excel, csv) of the latest published phase must contain, as printed.</summary>
    public IEnumerable<string> TextsIn(string output)
    {
        var phase = LatestPhase;
        var department = Department;
        foreach (var goal in department.Goals)
        {
            yield return goal.Title;
            foreach (var field in Format.GoalFieldsOf(phase.Kind).Where(f => f.ShowsIn(ParseOutput(output))))
            {
                var phaseKey = field.Column == GoalFieldColumn.Plan ? Format.Phases.First(p => p.Kind == PhaseKind.Plan).Key : phase.Key;
                if (goal.Fields.TryGetValue(phaseKey, out var values) && values.TryGetValue(field.Key, out var value))
                {
                    foreach (var line in Shown(field, value))
                    {
                        yield return line;
                    }
                }
            }
        }

        if (output == "csv")
        {
            yield break;
        }

        foreach (var section in Format.PlanSections)
        {
            if (department.Figures.TryGetValue(section.Key, out var figures))
            {
                foreach (var (key, number) in figures)
                {
                    var figure = section.FindFigure(key)!;
                    yield return figure.Label;
                    yield return Figures.Format(number, figure.Unit);
                }
            }

            if (department.Spans.TryGetValue(section.Key, out var span))
            {
                foreach (var item in span.Items)
                {
                    yield return item;
                }
            }
        }
    }

    /// <summary>Plan section titles that have content in the example, for outputs that print the plan.</summary>
    public IEnumerable<string> PlanSectionTitles => Format.PlanSections
        .Where(s => Department.Plan.ContainsKey(s.Key) || Department.Figures.ContainsKey(s.Key) || Department.Spans.ContainsKey(s.Key))
        .Select(s => s.Title);

    /// <summary>The text a field's value is shown as: its lines, a date in 和暦, a rating's label.</summary>
    public IEnumerable<string> Shown(GoalFieldDefinition field, string value) => field.Kind switch
    {
        GoalFieldKind.Date => [Wareki.FormatDate(DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture))],
        GoalFieldKind.Rating => [Format.RatingScale.FindLevel(value)!.Label],
        _ => value.Split('\n').Where(l => l.Length > 0),
    };

    private static FormatOutput ParseOutput(string output) => output switch
    {
        "html" => FormatOutput.Html,
        "pdf" => FormatOutput.Pdf,
        "excel" => FormatOutput.Excel,
        _ => FormatOutput.Csv,
    };

    public override string ToString() => Name;
}
