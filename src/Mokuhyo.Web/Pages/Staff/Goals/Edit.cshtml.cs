using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Workflow;
using Mokuhyo.Domain.Audit;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Web.Infrastructure;
using Mokuhyo.Web.Pages.Staff.Authoring;

namespace Mokuhyo.Web.Pages.Staff.Goals;

/// <summary>
/// Writes one goal of a department's report — its statement, units and indicators, and for the page's
/// phase each indicator's actual and the goal's result — or a new goal (number "new").
/// Works without script: lists are typed one item per line, and "add" and "move" buttons post the form
/// back to be shown again with a row more or in the new order, saving nothing.
/// </summary>
public sealed class EditModel(StaffContext staff, MokuhyoDbContext db, DraftReports drafts, ReportWorkflowService workflow,
    IStringLocalizer<AuthoringText> text, ILogger<EditModel> logger) : PageModel
{
    /// <summary>The number of an empty row offered for a new indicator or block.</summary>
    private const int MaxRows = 60;

    [BindProperty]
    public GoalInput Input { get; set; } = new();

    public AuthoringScope? Scope { get; private set; }

    /// <summary>The goal as stored; null for a new goal.</summary>
    public Goal? Stored { get; private set; }

    public bool IsNew => Stored is null;

    public string? Message { get; private set; }

    /// <summary>Set when the save met someone else's change: both versions, side by side.</summary>
    public GoalConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] string year, [FromRoute] string department, [FromRoute] string phase, [FromRoute] string number, string? saved,
        CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, department, phase, number, cancellationToken) is { } failure)
        {
            return failure;
        }

        Input = Stored is null ? await NewGoalAsync(cancellationToken) : GoalDraft.From(Stored, Scope!.Phase.Key).ToInput();
        AddEmptyRows();
        Message = saved switch
        {
            "1" => text["Goal.Saved"].Value,
            "0" => text["Form.Unchanged"].Value,
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string year, [FromRoute] string department, [FromRoute] string phase, [FromRoute] string number, string? command,
        CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, department, phase, number, cancellationToken) is { } failure)
        {
            return failure;
        }

        // Values a form cannot produce (a kind that is no kind, an id that is no id) are not a typing mistake.
        if (!ModelState.IsValid || Input.Indicators.Count > MaxRows || Input.Blocks.Count > MaxRows)
        {
            return BadRequest();
        }

        var rowCommand = FormCommand.Parse(command);
        if (rowCommand is null)
        {
            return BadRequest();
        }

        if (!rowCommand.IsSave)
        {
            ModelState.Clear();
            rowCommand.ApplyTo(Input.Indicators, "indicator", MaxRows);
            rowCommand.ApplyTo(Input.Blocks, "block", MaxRows);
            return Page();
        }

        var scope = Scope!;
        if (!scope.Editable)
        {
            return Locked();
        }

        var reader = new FieldReader(ModelState, text);
        var units = scope.GoalUnits.Select(u => u.Unit.Id).ToList();
        var draft = GoalFormReader.Read(Input, reader, units);
        if (ModelState.GetFieldValidationState("Input.LeadUnitId") != ModelValidationState.Invalid
            && ModelState.GetFieldValidationState("Input.CoUnitIds") != ModelValidationState.Invalid && !KeepsAccess(draft))
        {
            reader.Error("Input.LeadUnitId", text["Error.WouldLoseAccess"]);
        }

        if (draft.Number > 0 && await NumberTakenAsync(draft.Number, cancellationToken))
        {
            reader.Error("Input.Number", text["Error.DuplicateNumber"]);
        }

        if (!reader.IsValid)
        {
            return Invalid();
        }

        var editor = new GoalEditor(db, workflow, logger);
        var result = await editor.SaveAsync(scope, Stored?.Id, draft, cancellationToken);
        switch (result.Status)
        {
            case GoalSaveStatus.Saved:
            case GoalSaveStatus.Unchanged:
                return Redirect(string.Create(CultureInfo.InvariantCulture,
                    $"{scope.GoalPath(result.Number)}?saved={(result.Status == GoalSaveStatus.Saved ? 1 : 0)}"));
            case GoalSaveStatus.NotPermitted:
                return Forbid();
            case GoalSaveStatus.Refused:
                return Locked();
            case GoalSaveStatus.DuplicateNumber:
                ModelState.AddModelError("Input.Number", text["Error.DuplicateNumber"]);
                return Invalid();
            default:
                return await ConflictAsync(draft, cancellationToken);
        }
    }

    public string PagePath => Stored is null ? $"{Scope!.ReportPath}/goals/new" : Scope!.GoalPath(Stored.Number);

    /// <summary>The first error of a field, for the message beside it.</summary>
    public string? ErrorOf(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private async Task<IActionResult?> LoadAsync(string year, string department, string phase, string number, CancellationToken cancellationToken)
    {
        Scope = await AuthoringScope.LoadAsync(staff, drafts, workflow, year, department, phase, cancellationToken);
        if (Scope is null)
        {
            return NotFound();
        }

        if (string.Equals(number, "new", StringComparison.Ordinal))
        {
            return Scope.CanEditDepartment ? null : Forbid();
        }

        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var goalNumber))
        {
            return NotFound();
        }

        var departmentId = Scope.Department.Department.Id;
        Stored = await GoalEditor.Tracked(db.Goals.AsNoTracking()).SingleOrDefaultAsync(g => g.DepartmentId == departmentId && g.Number == goalNumber, cancellationToken);
        if (Stored is null)
        {
            return NotFound();
        }

        return Scope.CanEditGoal(Stored) ? null : Forbid();
    }

    private Task<bool> NumberTakenAsync(int number, CancellationToken cancellationToken)
    {
        var departmentId = Scope!.Department.Department.Id;
        var goalId = Stored?.Id;
        return db.Goals.AnyAsync(g => g.DepartmentId == departmentId && g.Number == number && g.Id != goalId, cancellationToken);
    }

    private async Task<GoalInput> NewGoalAsync(CancellationToken cancellationToken)
    {
        var departmentId = Scope!.Department.Department.Id;
        var next = await db.Goals.Where(g => g.DepartmentId == departmentId).MaxAsync(g => (int?)g.Number, cancellationToken) ?? 0;
        return new GoalInput
        {
            Number = (next + 1).ToString(CultureInfo.InvariantCulture),
            LeadUnitId = Scope.GoalUnits.Skip(1).FirstOrDefault().Unit?.Id ?? departmentId,
        };
    }

    private void AddEmptyRows()
    {
        if (Input.Indicators.Count == 0)
        {
            Input.Indicators.Add(new IndicatorInput());
        }

        if (Input.Blocks.Count == 0)
        {
            Input.Blocks.Add(new BlockInput());
        }
    }

    // An editor of one division must not hand the goal to units outside their reach by mistake.
    private bool KeepsAccess(GoalDraft draft)
    {
        var probe = new Goal
        {
            Title = draft.Title,
            LeadUnitId = draft.LeadUnitId,
            CoUnits = [.. draft.CoUnitIds.Select((id, i) => new GoalCoUnit { OrgUnitId = id, Ordinal = i + 1 })],
        };
        return Scope!.CanEditGoal(probe);
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Message = text["Form.HasErrors"];
        return Page();
    }

    private PageResult Locked()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Message = text["Form.Locked", text["Status." + Scope!.State.Status]];
        return Page();
    }

    private async Task<IActionResult> ConflictAsync(GoalDraft yours, CancellationToken cancellationToken)
    {
        var scope = Scope!;
        var current = Stored is null
            ? null
            : await GoalEditor.Tracked(db.Goals.AsNoTracking()).SingleOrDefaultAsync(g => g.Id == Stored.Id, cancellationToken);
        var sheet = new GoalSheet(text);
        var units = scope.Department.Units;
        var storedRows = current is null ? [] : sheet.Of(GoalDraft.From(current, scope.Phase.Key), units, scope.Format);
        var yourRows = sheet.Of(yours, units, scope.Format);
        AuditEntry? last = null;
        if (current is not null)
        {
            last = await db.AuditEntries.AsNoTracking().Where(a => a.GoalId == current.Id)
                .OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        }

        Conflict = new GoalConflict(GoalSheet.Compare(storedRows, yourRows), last?.ActorName, last?.At, current is null);
        ModelState.Clear();
        if (current is null)
        {
            // Deleted meanwhile: the form becomes a new goal carrying everything typed.
            Stored = null;
            Input = ConflictMerge.AsNew(Input);
        }
        else
        {
            Stored = current;
            Input = ConflictMerge.Rebase(Input, current, scope.Phase.Key);
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        Message = text["Goal.Conflict"];
        return Page();
    }
}

/// <summary>Someone else's save met: the goal as stored now beside what this editor tried to save.</summary>
public sealed record GoalConflict(IReadOnlyList<ComparedRow> Rows, string? ChangedBy, DateTimeOffset? ChangedAt, bool Deleted);
