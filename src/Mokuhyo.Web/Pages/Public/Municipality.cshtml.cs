using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mokuhyo.Data;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Public;

/// <summary>A municipality: its code, licence and published fiscal years.</summary>
public sealed class MunicipalityModel(PublicCatalog catalog) : PageModel
{
    public PublicMunicipality? Municipality { get; private set; }

    public async Task<IActionResult> OnGetAsync(string city, CancellationToken cancellationToken)
    {
        switch (PublicPaths.Check(city, null, null, out _))
        {
            case RouteCheck.Malformed:
                return BadRequest();
            case RouteCheck.NotFound:
                return NotFound();
        }

        Municipality = await catalog.FindMunicipalityAsync(city, cancellationToken);
        return Municipality is null ? NotFound() : Page();
    }
}
