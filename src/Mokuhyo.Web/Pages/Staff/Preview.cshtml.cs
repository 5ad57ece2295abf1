using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mokuhyo.Data;
using Mokuhyo.Data.Workflow;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Staff;

/// <summary>The draft as the public would see it once published: the public rendering itself, built from the live tables.</summary>
public sealed class PreviewModel(StaffContext staff, DraftReports drafts, ReportWorkflowService workflow, TimeProvider clock) : PageModel
{
    public DepartmentReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(string year, string department, string phase, CancellationToken cancellationToken)
    {
        var scope = await staff.DepartmentAsync(year, department, cancellationToken);
        if (scope is null)
        {
            return NotFound();
        }

        var format = await drafts.FormatOfYearAsync(scope.Year.Id, cancellationToken);
        if (format.FindPhase(phase) is null)
        {
            return NotFound();
        }

        var state = await workflow.GetStateAsync(scope.Department.Id, phase, cancellationToken);
        Report = await drafts.BuildAsync(scope.Department.Id, phase, state.Revision, clock.GetUtcNow(), cancellationToken);
        return Page();
    }
}
