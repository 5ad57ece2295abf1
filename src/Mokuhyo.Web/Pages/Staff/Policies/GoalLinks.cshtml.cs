using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Tenancy;
using Mokuhyo.Data.Workflow;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Policies;
using Mokuhyo.Domain.Workflow;
using Mokuhyo.Web.Infrastructure;
using Mokuhyo.Web.Pages.Staff.Authoring;

namespace Mokuhyo.Web.Pages.Staff.Policies;

/// <summary>
/// Which nodes of the city's higher plans a goal serves. It is the goal's content: whoever may edit the
/// goal sets it, through the workflow's edit gate in the same save, never on a report under review.
/// </summary>
public sealed class GoalLinksModel(StaffContext staff, MokuhyoDbContext db, DraftReports drafts, ReportWorkflowService workflow, PolicyTree tree,
    IStringLocalizer<TenancyText> text, IStringLocalizer<AuthoringText> authoring) : PageModel
{
    public AuthoringScope? Scope { get; private set; }

    public Goal? Goal { get; private set; }

    /// <summary>The nodes that apply to the goal's year, in tree order.</summary>
    public IReadOnlyList<(PolicyNode Node, int Depth)> Nodes { get; private set; } = [];

    public IReadOnlyList<Guid> Linked { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string year, string department, string phase, int number, string? done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, department, phase, number, cancellationToken) is { } refused)
        {
            return refused;
        }

        Message = done == "saved" ? text["Policies.LinksSaved"].Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string year, string department, string phase, int number, [FromForm] List<Guid>? nodes,
        CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, department, phase, number, cancellationToken) is { } refused)
        {
            return refused;
        }

        var scope = Scope!;
        var chosen = (nodes ?? []).Where(id => Nodes.Any(n => n.Node.Id == id)).Distinct().ToList();
        var strategy = db.Database.CreateExecutionStrategy();
        var refusal = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var begin = await workflow.BeginEditAsync(scope.Department.Department.Id, scope.Phase.Key, scope.Department.Roles, cancellationToken);
            if (!begin.Succeeded)
            {
                db.ChangeTracker.Clear();
                return (TransitionRefusal?)begin.Refusal;
            }

            await tree.SetLinksAsync(scope.Department.MunicipalityId, Goal!.Id, chosen, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return null;
        });
        if (refusal is null)
        {
            return Redirect($"{scope.GoalPath(number)}/policies?done=saved");
        }

        if (refusal == TransitionRefusal.NotPermitted)
        {
            return Forbid();
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Message = text["Policies.Locked", authoring["Status." + scope.State.Status]];
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string year, string department, string phase, int number, CancellationToken cancellationToken)
    {
        Scope = await AuthoringScope.LoadAsync(staff, drafts, workflow, year, department, phase, cancellationToken);
        if (Scope is null)
        {
            return NotFound();
        }

        var departmentId = Scope.Department.Department.Id;
        Goal = await db.Goals.AsNoTracking().Include(g => g.CoUnits).SingleOrDefaultAsync(g => g.DepartmentId == departmentId && g.Number == number, cancellationToken);
        if (Goal is null)
        {
            return NotFound();
        }

        if (!Scope.CanEditGoal(Goal))
        {
            return Forbid();
        }

        var all = await tree.NodesAsync(Scope.Department.MunicipalityId, cancellationToken);
        var applying = all.Where(n => n.AppliesTo(Scope.Department.Year.Year)).ToList();
        Nodes = [.. PolicyNodeFormInput.InTreeOrder(applying)];
        Linked = await tree.LinksAsync(Goal.Id, cancellationToken);
        return null;
    }
}
