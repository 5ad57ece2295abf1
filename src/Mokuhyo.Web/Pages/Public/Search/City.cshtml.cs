using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Search;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Public.Search;

/// <summary>/{city}/search: one city's published reports.</summary>
public sealed class CityModel(SearchService search, PublicCatalog catalog, IStringLocalizer<SearchPageText> text) : SearchPageModel(search, text)
{
    public async Task<IActionResult> OnGetAsync(string city, CancellationToken cancellationToken)
    {
        if (PublicPaths.Check(city, null, null, out _) != RouteCheck.WellFormed)
        {
            return NotFound();
        }

        var municipality = await catalog.FindMunicipalityAsync(city, cancellationToken);
        return municipality is null ? NotFound() : await SearchAsync(municipality, cancellationToken);
    }
}
