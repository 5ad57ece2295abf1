using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Workflow;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Web.Infrastructure;
using Mokuhyo.Web.Pages.Staff.Authoring;
using Mokuhyo.Web.Pages.Staff.Goals;

namespace Mokuhyo.Web.Pages.Staff.Plan;

/// <summary>
/// The department plan: for each section the format defines, its items in order — added, changed,
/// removed and moved in the form, then saved all at once.
/// </summary>
public sealed class EditModel(StaffContext staff, MokuhyoDbContext db, DraftReports drafts, ReportWorkflowService workflow,
    IStringLocalizer<AuthoringText> text) : PageModel
{
    private const int MaxItems = 100;

    [BindProperty]
    public PlanInput Input { get; set; } = new();

    public AuthoringScope? Scope { get; private set; }

    public string? Message { get; private set; }

    /// <summary>Set when the save met someone else's change: each section as stored now beside what was posted.</summary>
    public IReadOnlyList<ComparedRow>? Conflict { get; private set; }

    public string PagePath => Scope!.ReportPath + "/plan";

    public async Task<IActionResult> OnGetAsync([FromRoute] string year, [FromRoute] string department, [FromRoute] string phase, string? saved, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, department, phase, cancellationToken) is { } failure)
        {
            return failure;
        }

        Input = ToInput(await StoredAsync(cancellationToken));
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

            return Page();
        }

        if (!Scope.Editable)
        {
            return Locked();
        }

        var reader = new FieldReader(ModelState, text);
        var draft = PlanFormReader.Read(Input, sections, reader);
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

        return Scope.CanEditDepartment ? null : Forbid();
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
                .Select(i => new PlanItemInput { Id = i.Id, Version = i.Version, Label = i.Label, Text = i.Text })],
        })],
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
            Write(section, stored.Where(i => string.Equals(i.SectionKey, section.Key, StringComparison.Ordinal)).Select(i => (i.Label, i.Text))),
            Write(section, yours.Sections.TryGetValue(section.Key, out var items) ? items.Select(i => (i.Label, i.Text)) : [])))];

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
                .Select(s => new PlanItemInput { Id = s.Id, Version = s.Version, Label = s.Label, Text = s.Text }));
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        Message = text["Plan.Conflict"];
        return Page();
    }

    private static string Write(PlanSectionDefinition section, IEnumerable<(string? Label, string Text)> items) =>
        string.Join('\n', items.Select((item, i) => section.Kind == PlanSectionKind.Table
            ? $"{item.Label}: {item.Text}"
            : string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {item.Text}")));
}
