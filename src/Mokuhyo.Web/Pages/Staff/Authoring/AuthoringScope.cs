using System.Globalization;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Workflow;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Workflow;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Staff.Authoring;

/// <summary>
/// What an authoring page is about: a department's report in one phase, as the signed-in account sees
/// it, with the year's format and where the report stands in review.
/// </summary>
public sealed record AuthoringScope(DepartmentScope Department, ReportFormat Format, PhaseDefinition Phase, ReportState State)
{
    /// <summary>The staff workspace of the report: /staff/{year}/{department}/{phase}.</summary>
    public string ReportPath => string.Create(CultureInfo.InvariantCulture,
        $"/staff/{Department.Year.Year}/{Department.Department.Code}/{Phase.Key}");

    /// <summary>Whether the report may be changed now (未着手, 下書き, 差戻し).</summary>
    public bool Editable => ReportWorkflow.IsEditable(State.Status);

    public bool CanEditDepartment => Department.CanEditDepartment;

    /// <summary>The units a goal may be led or shared by: the department and every unit under it, in tree order, with their depth.</summary>
    public IReadOnlyList<(OrgUnit Unit, int Depth)> GoalUnits => [.. InTreeOrder(Department.Department, 0, [])];

    public bool CanEditGoal(Goal goal) =>
        AccessPolicy.CanEditGoal(Department.Access, Department.MunicipalityId, Department.Department, goal, Department.Units);

    public string GoalPath(int number) => string.Create(CultureInfo.InvariantCulture, $"{ReportPath}/goals/{number}");

    /// <summary>Loads the scope, or null when the account may not see the department or the phase does not exist.</summary>
    public static async Task<AuthoringScope?> LoadAsync(StaffContext staff, DraftReports drafts, ReportWorkflowService workflow,
        string year, string department, string phase, CancellationToken cancellationToken)
    {
        var scope = await staff.DepartmentAsync(year, department, cancellationToken);
        if (scope is null)
        {
            return null;
        }

        var format = await drafts.FormatOfYearAsync(scope.Year.Id, cancellationToken);
        var definition = format.FindPhase(phase);
        if (definition is null)
        {
            return null;
        }

        var state = await workflow.GetStateAsync(scope.Department.Id, definition.Key, cancellationToken);
        return new AuthoringScope(scope, format, definition, state);
    }

    private IEnumerable<(OrgUnit Unit, int Depth)> InTreeOrder(OrgUnit unit, int depth, HashSet<Guid> seen)
    {
        if (!seen.Add(unit.Id))
        {
            yield break;
        }

        yield return (unit, depth);
        foreach (var child in Department.Units.Where(u => u.ParentId == unit.Id).OrderBy(u => u.SortOrder))
        {
            foreach (var entry in InTreeOrder(child, depth + 1, seen))
            {
                yield return entry;
            }
        }
    }
}
