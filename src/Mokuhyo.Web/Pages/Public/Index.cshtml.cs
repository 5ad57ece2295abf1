using Microsoft.AspNetCore.Mvc.RazorPages;
using Mokuhyo.Data;

namespace Mokuhyo.Web.Pages.Public;

/// <summary>The home page: the municipalities hosted here and their published years.</summary>
public sealed class IndexModel(PublicCatalog catalog) : PageModel
{
    public IReadOnlyList<PublicMunicipality> Municipalities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Municipalities = await catalog.ListMunicipalitiesAsync(cancellationToken);
}
