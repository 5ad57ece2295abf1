using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Workflow;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Text;
using Mokuhyo.Web.Infrastructure;
using Mokuhyo.Web.Pages.Staff.Authoring;
using Mokuhyo.Web.Pages.Staff.Goals;

namespace Mokuhyo.Web.Pages.Staff.Plan;

/// <summary>
/// The department plan: for each section the format defines, its items in order — added, changed,
/// removed and moved in the form, then saved all at once.
/// </summary>
public sealed class EditModel(StaffContext staff, MokuhyoDbContext db, DraftReports drafts, ReportWorkflowService workflow,
    IStringLocalizer<AuthoringText> text, IStringLocalizer<PlanText> words) : PageModel
{
    private const int MaxItems = 100;

    [BindProperty]
    public PlanInput Input { get; set; } = new();

    public AuthoringScope? Scope { get; private set; }

    public string? Message { get; private set; }

    /// <summary>Set when the save met someone else's change: each section as stored now beside what was posted.</summary>
    public IReadOnlyList<ComparedRow>? Conflict { get; private set; }

    public string PagePath => Scope!.ReportPath + "/plan";

    /// <summary>The fiscal year being edited: what figures are the values of and what a multi-year item must cover.</summary>
    public int WrittenIn => Scope!.Department.Year.Year;

    /// <summary>Per multi-year section, the items written in other years of the same department that cover this one, shown but not edited here.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(PlanItem Item, int WrittenIn)>> Elsewhere { get; private set; } =
        new Dictionary<string, IReadOnlyList<(PlanItem, int)>>(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync([FromRoute] string year, [FromRoute] string department, [FromRoute] string phase, string? saved, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, department, phase, cancellationToken) is { } failure)
        {
            return failure;
        }

        Input = ToInput(await StoredAsync(cancellationToken));
        Prefill();
        Message = saved switch
        {
            "1" => text["Plan.Saved"].Value,
            "0" => text["Form.Unchanged"].Value,
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string year, [FromRoute] string department, [FromRoute] string phase, string? command, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, department, phase, cancellationToken) is { } failure)
        {
            return failure;
        }

        var sections = Scope!.Format.PlanSections;
        if (!ModelState.IsValid || Input.Sections.Count != sections.Count
            || Input.Sections.Where((s, i) => !string.Equals(s.Key, sections[i].Key, StringComparison.Ordinal)).Any()
            || Input.Sections.Any(s => s.Items.Count > MaxItems))
        {
            return BadRequest();
        }

        var parsed = FormCommand.Parse(command);
        if (parsed is null)
        {
            return BadRequest();
        }

        if (!parsed.IsSave)
        {
            ModelState.Clear();
            for (var i = 0; i < Input.Sections.Count; i++)
            {
                parsed.ApplyTo(Input.Sections[i].Items, SectionTarget(i), MaxItems);
            }

            Prefill();
            return Page();
        }

        if (!Scope.Editable)
        {
            return Locked();
        }

        var reader = new FieldReader(ModelState, text);
        var draft = PlanFormReader.Read(Input, sections, WrittenIn, reader, words);
        if (!reader.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Message = text["Form.HasErrors"];
            return Page();
        }

        var result = await new PlanEditor(db, workflow).SaveAsync(Scope, draft, cancellationToken);
        switch (result.Status)
        {
            case GoalSaveStatus.Saved:
            case GoalSaveStatus.Unchanged:
                return Redirect($"{PagePath}?saved={(result.Status == GoalSaveStatus.Saved ? 1 : 0)}");
            case GoalSaveStatus.NotPermitted:
                return Forbid();
            case GoalSaveStatus.Refused:
                return Locked();
            default:
                return await ConflictAsync(draft, cancellationToken);
        }
    }

    public static string SectionTarget(int index) => "section-" + index.ToString(CultureInfo.InvariantCulture);

    public string? ErrorOf(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private async Task<IActionResult?> LoadAsync(string year, string department, string phase, CancellationToken cancellationToken)
    {
        Scope = await AuthoringScope.LoadAsync(staff, drafts, workflow, year, department, phase, cancellationToken);
        if (Scope is null)
        {
            return NotFound();
        }

        if (!Scope.CanEditDepartment)
        {
            return Forbid();
        }

        Elsewhere = await ElsewhereAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// A multi-year item is kept under the tree of the year it was written in and shown in every year it
    /// covers (found by the department's code, as <see cref="DraftReports"/> does); here it is listed for
    /// reading, since changing it would change another year's plan.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<(PlanItem, int)>>> ElsewhereAsync(CancellationToken cancellationToken)
    {
        var spanning = Scope!.Format.PlanSections.Where(s => s.SpansYears).Select(s => s.Key).ToList();
        if (spanning.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<(PlanItem, int)>>(StringComparer.Ordinal);
        }

        var year = Scope.Department.Year;
        var code = Scope.Department.Department.Code;
        var fy = year.Year;
        var found = await (
            from item in db.PlanItems.AsNoTracking()
            join unit in db.OrgUnits on item.OrgUnitId equals unit.Id
            join other in db.ReportingYears on unit.ReportingYearId equals other.Id
            where other.MunicipalityId == year.MunicipalityId && other.Id != year.Id && unit.Code == code
                && spanning.Contains(item.SectionKey) && item.FromYear <= fy && item.ToYear >= fy
            select new { Item = item, other.Year }).ToListAsync(cancellationToken);
        return found.GroupBy(f => f.Item.SectionKey, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<(PlanItem, int)>)[.. g.OrderBy(f => f.Item.FromYear).ThenBy(f => f.Year).ThenBy(f => f.Item.Ordinal).Select(f => (f.Item, f.Year))],
            StringComparer.Ordinal);
    }

    /// <summary>
    /// Readies rows nobody has typed into: every figure the format defines and the section lacks gets a
    /// row of its own, a new figure row takes the first figure not yet there, and a new multi-year row
    /// starts on the year being edited.
    /// </summary>
    private void Prefill()
    {
        var sections = Scope!.Format.PlanSections;
        for (var s = 0; s < Input.Sections.Count && s < sections.Count; s++)
        {
            var definition = sections[s];
            var rows = Input.Sections[s].Items;
            if (definition.Kind == PlanSectionKind.Figures)
            {
                foreach (var row in rows.Where(r => r.Id is null && string.IsNullOrEmpty(r.Label)))
                {
                    row.Label = definition.Figures.FirstOrDefault(f => rows.All(r => !string.Equals(r.Label, f.Key, StringComparison.Ordinal)))?.Key;
                }

                rows.AddRange(definition.Figures.Where(f => rows.Count < MaxItems && rows.All(r => !string.Equals(r.Label, f.Key, StringComparison.Ordinal)))
                    .Select(f => new PlanItemInput { Label = f.Key }));
            }

            if (definition.SpansYears)
            {
                var year = WrittenIn.ToString(CultureInfo.InvariantCulture);
                foreach (var row in rows.Where(r => r.Id is null && r.FromYear is null && r.ToYear is null))
                {
                    row.FromYear = year;
                    row.ToYear = year;
                }
            }
        }
    }

    private async Task<List<PlanItem>> StoredAsync(CancellationToken cancellationToken)
    {
        var departmentId = Scope!.Department.Department.Id;
        return await db.PlanItems.AsNoTracking().Where(i => i.OrgUnitId == departmentId).OrderBy(i => i.Ordinal).ToListAsync(cancellationToken);
    }

    private PlanInput ToInput(List<PlanItem> stored) => new()
    {
        Sections = [.. Scope!.Format.PlanSections.Select(section => new PlanSectionInput
        {
            Key = section.Key,
            Items = [.. stored.Where(i => string.Equals(i.SectionKey, section.Key, StringComparison.Ordinal))
                .Select(ToRow)],
        })],
    };

    private static PlanItemInput ToRow(PlanItem item) => new()
    {
        Id = item.Id,
        Version = item.Version,
        Label = item.Label,
        Text = item.Text,
        FromYear = item.FromYear?.ToString(CultureInfo.InvariantCulture),
        ToYear = item.ToYear?.ToString(CultureInfo.InvariantCulture),
    };

    private PageResult Locked()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Message = text["Form.Locked", text["Status." + Scope!.State.Status]];
        return Page();
    }

    private async Task<IActionResult> ConflictAsync(PlanDraft yours, CancellationToken cancellationToken)
    {
        var stored = await StoredAsync(cancellationToken);
        var sections = Scope!.Format.PlanSections;
        Conflict = [.. sections.Select(section => new ComparedRow(section.Title,
            Write(section, stored.Where(i => string.Equals(i.SectionKey, section.Key, StringComparison.Ordinal)).Select(i => (i.Label, i.Text, i.FromYear, i.ToYear))),
            Write(section, yours.Sections.TryGetValue(section.Key, out var items) ? items.Select(i => (i.Label, i.Text, i.FromYear, i.ToYear)) : [])))];

        // The form shows what was typed, based now on what is stored: stored versions, items someone
        // else added appended, items someone else deleted kept as new ones.
        ModelState.Clear();
        foreach (var section in Input.Sections)
        {
            var storedItems = stored.Where(i => string.Equals(i.SectionKey, section.Key, StringComparison.Ordinal)).ToList();
            section.Items = [.. section.Items.Where(row => !(row.Remove && storedItems.All(s => s.Id != row.Id)))];
            foreach (var row in section.Items)
            {
                var match = storedItems.FirstOrDefault(s => s.Id == row.Id);
                row.Id = match?.Id;
                row.Version = match?.Version ?? 0;
            }

            section.Items.AddRange(storedItems.Where(s => section.Items.All(r => r.Id != s.Id))
                .Select(ToRow));
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        Message = text["Plan.Conflict"];
        return Page();
    }

    private static string Write(PlanSectionDefinition section, IEnumerable<(string? Label, string Text, int? From, int? To)> items) =>
        string.Join('\n', items.Select((item, i) => section.Kind switch
        {
            PlanSectionKind.Table => $"{item.Label}: {item.Text}",
            PlanSectionKind.Figures => FigureLine(section, item.Label, item.Text),
            _ when section.SpansYears && item.From is { } from && item.To is { } to =>
                string.Create(CultureInfo.InvariantCulture, $"{i + 1}. [{PlanFormReader.SpanText(from, to)}] {item.Text}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {item.Text}"),
        }));

    private static string FigureLine(PlanSectionDefinition section, string? key, string text) =>
        section.FindFigure(key ?? "") is { } figure
            && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? $"{figure.Label}: {Figures.Format(value, figure.Unit)}"
            : $"{key}: {text}";
}
