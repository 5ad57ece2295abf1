using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Workflow;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Web.Infrastructure;
using Mokuhyo.Web.Pages.Staff.Authoring;

namespace Mokuhyo.Web.Pages.Staff.Goals;

/// <summary>
/// Deletes a goal after a confirmation step. Like creating a goal, it changes the department's set of
/// goals, so it takes an editor of the department, not of one division.
/// </summary>
public sealed class DeleteModel(StaffContext staff, MokuhyoDbContext db, DraftReports drafts, ReportWorkflowService workflow,
    IStringLocalizer<AuthoringText> text, ILogger<DeleteModel> logger) : PageModel
{
    public AuthoringScope? Scope { get; private set; }

    public Goal? Goal { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] string year, [FromRoute] string department, [FromRoute] string phase, [FromRoute] int number, CancellationToken cancellationToken) =>
        await LoadAsync(year, department, phase, number, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync([FromRoute] string year, [FromRoute] string department, [FromRoute] string phase, [FromRoute] int number, long version,
        CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, department, phase, number, cancellationToken) is { } failure)
        {
            return failure;
        }

        var scope = Scope!;
        var result = await new GoalEditor(db, workflow, logger).DeleteAsync(scope, Goal!.Id, version, cancellationToken);
        switch (result.Status)
        {
            case GoalSaveStatus.Saved:
                return Redirect(scope.ReportPath);
            case GoalSaveStatus.NotPermitted:
                return Forbid();
            case GoalSaveStatus.Refused:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                Message = text["Form.Locked", text["Status." + scope.State.Status]];
                return Page();
            default:
                await LoadAsync(year, department, phase, number, cancellationToken);
                Response.StatusCode = StatusCodes.Status409Conflict;
                Message = text["Delete.Conflict"];
                return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(string year, string department, string phase, int number, CancellationToken cancellationToken)
    {
        Scope = await AuthoringScope.LoadAsync(staff, drafts, workflow, year, department, phase, cancellationToken);
        if (Scope is null)
        {
            return NotFound();
        }

        var departmentId = Scope.Department.Department.Id;
        Goal = await GoalEditor.Tracked(db.Goals.AsNoTracking()).SingleOrDefaultAsync(g => g.DepartmentId == departmentId && g.Number == number, cancellationToken);
        if (Goal is null)
        {
            return NotFound();
        }

        return Scope.CanEditDepartment ? null : Forbid();
    }
}
