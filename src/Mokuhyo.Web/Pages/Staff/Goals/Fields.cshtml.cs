using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Workflow;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Web.Infrastructure;
using Mokuhyo.Web.Pages.Staff.Authoring;

namespace Mokuhyo.Web.Pages.Staff.Goals;

/// <summary>
/// The format's own goal fields of one goal in one phase (課題, 今後の方向性, 自己評価...): plan fields in the
/// plan phase, result fields in the others. Saved through the workflow, against the goal's version.
/// </summary>
public sealed class FieldsModel(StaffContext staff, MokuhyoDbContext db, DraftReports drafts, ReportWorkflowService workflow,
    IStringLocalizer<TemplateText> text, IStringLocalizer<SharedResource> shared) : PageModel
{
    public AuthoringScope? Scope { get; private set; }

    public Goal? Stored { get; private set; }

    /// <summary>The fields this phase fills, in the format's order.</summary>
    public IReadOnlyList<GoalFieldDefinition> Fields { get; private set; } = [];

    public Dictionary<string, string> Values { get; private set; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Message { get; private set; }

    /// <summary>The phase the fields of this page are filed under.</summary>
    private string PhaseKey => Scope!.Phase.Key;

    public async Task<IActionResult> OnGetAsync(string year, string department, string phase, string number, string? saved, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, department, phase, number, cancellationToken) is { } failure)
        {
            return failure;
        }

        Message = saved == "1" ? text["Fields.Saved"].Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string year, string department, string phase, string number, long? version, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, department, phase, number, cancellationToken) is { } failure)
        {
            return failure;
        }

        if (version is null)
        {
            return BadRequest();
        }

        var posted = Fields.ToDictionary(f => f.Key, f => Request.Form[$"field.{f.Key}"].ToString(), StringComparer.Ordinal);
        Values = posted;
        foreach (var field in Fields)
        {
            var value = posted[field.Key];
            if (value.Length == 0)
            {
                continue;
            }

            if (!GoalFieldRules.Accepts(field, value, Scope!.Format))
            {
                Errors[field.Key] = text["Fields.Invalid." + field.Kind, field.Label].Value;
            }
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        if (await BeginEdit.RefusalAsync(db, workflow, Scope!, cancellationToken) is { } refused)
        {
            if (refused.Status == GoalSaveStatus.NotPermitted)
            {
                return Forbid();
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Message = shared["Refusal." + refused.Refusal].Value;
            return Page();
        }

        var goal = await db.Goals.Include(g => g.FieldValues).SingleAsync(g => g.Id == Stored!.Id, cancellationToken);
        if (goal.Version != version)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(year, department, phase, number, cancellationToken);
            Values = posted;
            Response.StatusCode = StatusCodes.Status409Conflict;
            Message = shared["Staff.Conflict"].Value;
            return Page();
        }

        foreach (var field in Fields)
        {
            var value = posted[field.Key];
            var row = goal.FieldValues.FirstOrDefault(v => v.PhaseKey == PhaseKey && v.FieldKey == field.Key);
            if (value.Length == 0)
            {
                if (row is not null)
                {
                    db.GoalFieldValues.Remove(row);
                }
            }
            else if (row is null)
            {
                db.GoalFieldValues.Add(new GoalFieldValue { GoalId = goal.Id, PhaseKey = PhaseKey, FieldKey = field.Key, Value = value });
            }
            else
            {
                row.Value = value;
            }
        }

        // Any save moves the goal's version, so a second save from the same page is a conflict, not an overwrite.
        db.Entry(goal).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(year, department, phase, number, cancellationToken);
            Values = posted;
            Response.StatusCode = StatusCodes.Status409Conflict;
            Message = shared["Staff.Conflict"].Value;
            return Page();
        }

        return Redirect(Scope!.GoalPath(goal.Number) + "/fields?saved=1");
    }

    private async Task<IActionResult?> LoadAsync(string year, string department, string phase, string number, CancellationToken cancellationToken)
    {
        Scope = await AuthoringScope.LoadAsync(staff, drafts, workflow, year, department, phase, cancellationToken);
        if (Scope is null || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var goalNumber))
        {
            return NotFound();
        }

        var departmentId = Scope.Department.Department.Id;
        Stored = await db.Goals.AsNoTracking().Include(g => g.CoUnits).Include(g => g.FieldValues)
            .SingleOrDefaultAsync(g => g.DepartmentId == departmentId && g.Number == goalNumber, cancellationToken);
        if (Stored is null)
        {
            return NotFound();
        }

        if (!Scope.CanEditGoal(Stored))
        {
            return Forbid();
        }

        Fields = GoalFieldRules.EditedIn(Scope.Format, Scope.Phase);
        Values = Fields.ToDictionary(f => f.Key,
            f => Stored.FieldValues.FirstOrDefault(v => v.PhaseKey == PhaseKey && v.FieldKey == f.Key)?.Value ?? string.Empty, StringComparer.Ordinal);
        return null;
    }
}
