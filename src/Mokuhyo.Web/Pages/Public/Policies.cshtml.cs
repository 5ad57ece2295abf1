using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mokuhyo.Data;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Public;

/// <summary>/{city}/{year}/policies: the year's published goals by the city's higher plans, across departments.</summary>
public sealed class PoliciesModel(PublicCatalog catalog) : PageModel
{
    public PublicYear? Year { get; private set; }

    public string Slug { get; private set; } = "";

    public IReadOnlyList<PublicPolicyNode> Nodes { get; private set; } = [];

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
        if (Year is null)
        {
            return NotFound();
        }

        Nodes = PolicyView.Build(Year.Departments);
        return Page();
    }
}
