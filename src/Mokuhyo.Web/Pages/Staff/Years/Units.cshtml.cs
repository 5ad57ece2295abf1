using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Years;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Staff.Years;

/// <summary>The organization tree of a fiscal year, and a form to add a unit to it; for planning staff.</summary>
public sealed class UnitsModel(StaffContext staff, MokuhyoDbContext db, DraftReports drafts, UnitTreeEditor editor,
    IStringLocalizer<AdminText> text) : PageModel
{
    [BindProperty]
    public UnitInput Add { get; set; } = new();

    public YearScope? Scope { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string year, string? done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        Add.Kind = Scope!.Format.UnitKinds.Count > 0 ? Scope.Format.UnitKinds[0] : null;
        Message = done is "opened" or "added" or "deleted" or "merged" ? text["Units.Done." + done].Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await editor.AddAsync(Scope!.Year.Id, Add.Code?.Trim(), Add.ParentCode, Add.ToFields(), cancellationToken);
        if (result.Status == TreeEditStatus.Done)
        {
            return Redirect($"/staff/years/{Scope.Year.Year}/units?done=added#unit-{result.Unit!.Code}");
        }

        YearScope.AddProblems(ModelState, nameof(Add), result.Problems, text);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string year, CancellationToken cancellationToken)
    {
        Scope = await YearScope.LoadAsync(staff, db, drafts, year, cancellationToken);
        if (Scope is null)
        {
            return NotFound();
        }

        return Scope.Access.IsPlanning ? null : Forbid();
    }
}
