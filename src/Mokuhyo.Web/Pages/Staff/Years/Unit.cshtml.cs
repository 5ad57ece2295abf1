using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Years;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Staff.Years;

/// <summary>
/// One unit of a year's tree: edit its fields, move it, merge it into another unit, split a new unit
/// off it, or delete it while nothing refers to it. Every form carries the unit's version.
/// </summary>
public sealed class UnitModel(StaffContext staff, MokuhyoDbContext db, DraftReports drafts, UnitTreeEditor editor,
    IStringLocalizer<AdminText> text) : PageModel
{
    [BindProperty]
    public UnitInput Edit { get; set; } = new();

    [BindProperty]
    public string? ParentCode { get; set; }

    [BindProperty]
    public string? TargetCode { get; set; }

    [BindProperty]
    public UnitInput Split { get; set; } = new();

    [BindProperty]
    public List<int> Moved { get; set; } = [];

    [BindProperty]
    public long Version { get; set; }

    public YearScope? Scope { get; private set; }

    public OrgUnit? Unit { get; private set; }

    public int GoalCount { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string year, string code, string? done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, code, cancellationToken) is { } refused)
        {
            return refused;
        }

        Reset();
        Message = done is "saved" or "moved" or "split" ? text["Units.Done." + done].Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(string year, string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, code, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await editor.UpdateAsync(Scope!.Year.Id, code, Edit.Version, Edit.ToFields(), cancellationToken);
        return await AnswerAsync(result, nameof(Edit), "saved", cancellationToken);
    }

    public async Task<IActionResult> OnPostMoveAsync(string year, string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, code, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await editor.MoveAsync(Scope!.Year.Id, code, Version, ParentCode, cancellationToken);
        return await AnswerAsync(result, "Move", "moved", cancellationToken);
    }

    public async Task<IActionResult> OnPostMergeAsync(string year, string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, code, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await editor.MergeAsync(Scope!.Year.Id, code, Version, TargetCode, cancellationToken);
        if (result.Status == TreeEditStatus.Done)
        {
            return Redirect($"/staff/years/{Scope.Year.Year}/units/{result.Unit!.Code}?done=saved");
        }

        return await AnswerAsync(result, "Merge", "", cancellationToken);
    }

    public async Task<IActionResult> OnPostSplitAsync(string year, string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, code, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await editor.SplitAsync(Scope!.Year.Id, code, Version, Split.Code?.Trim(), Split.Name, Moved, cancellationToken);
        if (result.Status == TreeEditStatus.Done)
        {
            return Redirect($"/staff/years/{Scope.Year.Year}/units/{result.Unit!.Code}?done=split");
        }

        return await AnswerAsync(result, nameof(Split), "", cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(string year, string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, code, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await editor.DeleteAsync(Scope!.Year.Id, code, Version, cancellationToken);
        if (result.Status == TreeEditStatus.Done)
        {
            return Redirect($"/staff/years/{Scope.Year.Year}/units?done=deleted");
        }

        return await AnswerAsync(result, "Delete", "", cancellationToken);
    }

    private async Task<IActionResult> AnswerAsync(TreeEditResult result, string form, string done, CancellationToken cancellationToken)
    {
        switch (result.Status)
        {
            case TreeEditStatus.Done:
                return Redirect($"/staff/years/{Scope!.Year.Year}/units/{result.Unit!.Code}?done={done}");
            case TreeEditStatus.NotFound:
                return NotFound();
            case TreeEditStatus.Conflict:
                // Show what is there now; the person's input would be based on what was there before.
                await LoadAsync(Scope!.Year.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Unit!.Code, cancellationToken);
                Reset();
                Response.StatusCode = StatusCodes.Status409Conflict;
                Message = text["Form.Conflict"];
                return Page();
            default:
                YearScope.AddProblems(ModelState, form, result.Problems, text);
                if (result.Problems.Any(p => p.Field.Length == 0))
                {
                    Message = string.Join(" ", ModelState[string.Empty]?.Errors.Select(e => e.ErrorMessage) ?? []);
                }

                // The other forms show the unit as it is; the form that failed keeps what was typed.
                var posted = (Edit, Split, Moved);
                Reset();
                Edit = form == nameof(Edit) ? posted.Edit : Edit;
                (Split, Moved) = (posted.Split, posted.Moved);

                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(string year, string code, CancellationToken cancellationToken)
    {
        Scope = await YearScope.LoadAsync(staff, db, drafts, year, cancellationToken);
        if (Scope is null)
        {
            return NotFound();
        }

        if (!Scope.Access.IsPlanning)
        {
            return Forbid();
        }

        Unit = Scope.Units.FirstOrDefault(u => string.Equals(u.Code, code, StringComparison.Ordinal));
        if (Unit is null)
        {
            return NotFound();
        }

        var id = Unit.Id;
        GoalCount = await db.Goals.CountAsync(g => g.LeadUnitId == id || g.DepartmentId == id || g.CoUnits.Any(c => c.OrgUnitId == id), cancellationToken);
        return null;
    }

    private void Reset()
    {
        Edit = UnitInput.From(Unit!);
        Version = Unit!.Version;
        ParentCode = Scope!.Units.FirstOrDefault(u => u.Id == Unit.ParentId)?.Code;
    }
}
