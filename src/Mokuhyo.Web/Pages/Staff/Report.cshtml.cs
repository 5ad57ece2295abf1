using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Workflow;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Workflow;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Staff;

/// <summary>
/// A department's report in one phase, for staff: its review status, the actions the account may
/// take, the review comments, and links to edit and preview it.
/// </summary>
public sealed class ReportModel(StaffContext staff, MokuhyoDbContext db, DraftReports drafts, ReportWorkflowService workflow,
    IStringLocalizer<SharedResource> localizer, IStringLocalizer<TemplateText> templateText) : PageModel
{
    public DepartmentScope? Scope { get; private set; }

    public PhaseDefinition? Phase { get; private set; }

    public ReportState? State { get; private set; }

    public IReadOnlyList<ReportAction> Actions { get; private set; } = [];

    public IReadOnlyList<Goal> Goals { get; private set; } = [];

    public IReadOnlySet<Guid> EditableGoals { get; private set; } = new HashSet<Guid>();

    public IReadOnlyList<ReviewComment> Comments { get; private set; } = [];

    public bool Editable { get; private set; }

    public bool CanComment { get; private set; }

    public string? Message { get; private set; }

    /// <summary>Whether the year's format has goal fields to fill in this phase (課題, 自己評価...).</summary>
    public bool HasGoalFields { get; private set; }

    public async Task<IActionResult> OnGetAsync(string year, string department, string phase, string? done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, department, phase, cancellationToken) is { } failure)
        {
            return failure;
        }

        Message = done is { Length: > 0 } && Enum.TryParse<ReportAction>(done, out var action) && Enum.IsDefined(action)
            ? localizer["Staff.Done." + action].Value
            : null;
        return Page();
    }

    public async Task<IActionResult> OnPostTransitionAsync(string year, string department, string phase, ReportAction action,
        string? comment, long version, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, department, phase, cancellationToken) is { } failure)
        {
            return failure;
        }

        if (!Enum.IsDefined(action) || action == ReportAction.Edit)
        {
            return BadRequest();
        }

        var result = await workflow.TransitionAsync(Scope!.Department.Id, Phase!.Key, action, Scope.Roles, comment, version, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/staff/{Scope.Year.Year}/{Scope.Department.Code}/{Phase.Key}?done={action}");
        }

        if (result.Refusal == TransitionRefusal.NotPermitted)
        {
            return Forbid();
        }

        await LoadAsync(year, department, phase, cancellationToken);
        Response.StatusCode = result.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        Message = result.Conflict ? localizer["Staff.Conflict"] : localizer["Refusal." + result.Refusal];
        if (result.Missing.Count > 0)
        {
            Message += " " + string.Join(" ", result.Missing.Select(m => templateText["Required.Missing", m.GoalNumber, m.Label].Value));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCommentAsync(string year, string department, string phase, int? goalNumber, string? text,
        CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, department, phase, cancellationToken) is { } failure)
        {
            return failure;
        }

        if (!CanComment)
        {
            return Forbid();
        }

        var goal = goalNumber is { } n ? Goals.FirstOrDefault(g => g.Number == n) : null;
        if (goalNumber is not null && goal is null)
        {
            return BadRequest();
        }

        var saved = await workflow.CommentAsync(Scope!.Department.Id, Phase!.Key, goal?.Id, text ?? "", cancellationToken);
        if (saved is null)
        {
            await LoadAsync(year, department, phase, cancellationToken);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Message = localizer["Refusal.CommentRequired"];
            return Page();
        }

        return Redirect($"/staff/{Scope.Year.Year}/{Scope.Department.Code}/{Phase.Key}");
    }

    private async Task<IActionResult?> LoadAsync(string year, string department, string phase, CancellationToken cancellationToken)
    {
        Scope = await staff.DepartmentAsync(year, department, cancellationToken);
        if (Scope is null)
        {
            return NotFound();
        }

        var format = await drafts.FormatOfYearAsync(Scope.Year.Id, cancellationToken);
        Phase = format.FindPhase(phase);
        if (Phase is null)
        {
            return NotFound();
        }

        HasGoalFields = format.GoalFields.Any(f => (f.Column == GoalFieldColumn.Plan) == (Phase.Kind == PhaseKind.Plan));

        State = await workflow.GetStateAsync(Scope.Department.Id, Phase.Key, cancellationToken);
        Actions = [.. Enum.GetValues<ReportAction>()
            .Where(a => a != ReportAction.Edit && ReportWorkflow.Decide(State.Status, a, Scope.Roles, "-").Allowed)];
        Editable = ReportWorkflow.IsEditable(State.Status);
        CanComment = Scope.Roles != ReportRole.None;
        Goals = await db.Goals.AsNoTracking().Include(g => g.CoUnits).Where(g => g.DepartmentId == Scope.Department.Id)
            .OrderBy(g => g.Number).ToListAsync(cancellationToken);
        EditableGoals = Goals.Where(g => AccessPolicy.CanEditGoal(Scope.Access, Scope.MunicipalityId, Scope.Department, g, Scope.Units))
            .Select(g => g.Id).ToHashSet();
        // SQLite cannot order by a DateTimeOffset column; a report's comments are few, so they are ordered here.
        Comments = [.. (await db.ReviewComments.AsNoTracking().Where(c => c.ReportStateId == State.Id).ToListAsync(cancellationToken))
            .OrderByDescending(c => c.CreatedAt)];
        return null;
    }
}
