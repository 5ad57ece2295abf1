using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mokuhyo.Data;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Public;

/// <summary>A municipality's open data: the CSV files of each published year, their columns and licence.</summary>
public sealed class OpenDataModel(PublicCatalog catalog) : PageModel
{
    public PublicMunicipality? Municipality { get; private set; }

    public async Task<IActionResult> OnGetAsync(string city, CancellationToken cancellationToken)
    {
        if (PublicPaths.Check(city, null, null, out _) != RouteCheck.WellFormed)
        {
            return NotFound();
        }

        Municipality = await catalog.FindMunicipalityAsync(city, cancellationToken);
        return Municipality is null ? NotFound() : Page();
    }
}
