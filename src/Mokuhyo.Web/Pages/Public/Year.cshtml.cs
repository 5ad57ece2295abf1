using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mokuhyo.Data;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Public;

/// <summary>A fiscal year of a municipality: its departments with their goals' ratings summarized.</summary>
public sealed class YearModel(PublicCatalog catalog) : PageModel
{
    public PublicYear? Year { get; private set; }

    public string Slug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string city, string year, CancellationToken cancellationToken)
    {
        switch (PublicPaths.Check(city, year, null, out var fiscalYear))
        {
            case RouteCheck.Malformed:
                return BadRequest();
            case RouteCheck.NotFound:
                return NotFound();
        }

        Slug = city;
        Year = await catalog.FindYearAsync(city, fiscalYear, cancellationToken);
        return Year is null ? NotFound() : Page();
    }
}
