using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mokuhyo.Data;
using Mokuhyo.Domain.Dashboards;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Public;

/// <summary>A published goal across the years it was carried through, with each indicator's figures per year.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublishedPageCache.PolicyName)]
public sealed class GoalHistoryModel(PublicArchive archive) : PageModel
{
    public DepartmentReport? Report { get; private set; }

    public ReportGoal? Goal { get; private set; }

    public GoalHistory? History { get; private set; }

    public async Task<IActionResult> OnGetAsync(string city, string year, string department, string goal, CancellationToken cancellationToken)
    {
        switch (PublicPaths.Check(city, year, department, out var fiscalYear))
        {
            case RouteCheck.Malformed:
                return BadRequest();
            case RouteCheck.NotFound:
                return NotFound();
        }

        if (!int.TryParse(goal, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            || number is < 1 or > 9999)
        {
            return BadRequest();
        }

        var found = await archive.FindGoalHistoryAsync(city, fiscalYear, department, number, cancellationToken);
        if (found is not { } f)
        {
            return NotFound();
        }

        (Report, Goal, History) = f;
        return Page();
    }
}
