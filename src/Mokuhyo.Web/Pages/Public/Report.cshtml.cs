using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mokuhyo.Data;
using Mokuhyo.Data.Cycle;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Public;

/// <summary>A department's report: plan, then each goal beside its result, as last published.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublishedPageCache.PolicyName)]
public sealed class ReportModel(PublicCatalog catalog, ReportTimeliness timeliness) : PageModel
{
    public DepartmentReport? Report { get; private set; }

    /// <summary>The phase whose results were due for publication by today, if any: its missing results read 未報告.</summary>
    public OverduePhase? Overdue { get; private set; }

    public async Task<IActionResult> OnGetAsync(string city, string year, string department, CancellationToken cancellationToken)
    {
        switch (PublicPaths.Check(city, year, department, out var fiscalYear))
        {
            case RouteCheck.Malformed:
                return BadRequest();
            case RouteCheck.NotFound:
                return NotFound();
        }

        Report = await catalog.FindReportAsync(city, fiscalYear, department, cancellationToken: cancellationToken);
        if (Report is null)
        {
            return NotFound();
        }

        Overdue = await timeliness.FindOverdueAsync(city, Report, cancellationToken);
        return Page();
    }
}
