using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mokuhyo.Data;
using Mokuhyo.Domain.Dashboards;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Public;

/// <summary>A fiscal year's dashboard: goals met / not met / not rated per department, and every numeric indicator's ratio to target.</summary>
public sealed class DashboardModel(PublicArchive archive, PublicCatalog catalog) : PageModel
{
    public YearDashboard? Dashboard { get; private set; }

    public string Slug { get; private set; } = "";

    public string MunicipalityName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string city, string year, CancellationToken cancellationToken)
    {
        switch (PublicPaths.Check(city, year, null, out var fiscalYear))
        {
            case RouteCheck.Malformed:
                return BadRequest();
            case RouteCheck.NotFound:
                return NotFound();
        }

        Dashboard = await archive.FindDashboardAsync(city, fiscalYear, cancellationToken);
        if (Dashboard is null)
        {
            return NotFound();
        }

        Slug = city;
        MunicipalityName = (await catalog.FindMunicipalityAsync(city, cancellationToken))?.Name ?? city;
        return Page();
    }
}
