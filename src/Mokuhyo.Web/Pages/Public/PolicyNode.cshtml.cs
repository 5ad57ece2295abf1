using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mokuhyo.Data;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Public;

/// <summary>/{city}/{year}/policies/{code}: the published goals of every department linked to one node of the higher plans.</summary>
public sealed class PolicyNodeModel(PublicCatalog catalog) : PageModel
{
    public PublicYear? Year { get; private set; }

    public string Slug { get; private set; } = "";

    public PublicPolicyNode? Node { get; private set; }

    public IReadOnlyList<PublicPolicyNode> Children { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string city, string year, string code, CancellationToken cancellationToken)
    {
        switch (PublicPaths.Check(city, year, null, out var fiscalYear))
        {
            case RouteCheck.Malformed:
                return BadRequest();
            case RouteCheck.NotFound:
                return NotFound();
        }

        if (!OrgUnit.IsValidCode(code))
        {
            return BadRequest();
        }

        Slug = city;
        Year = await catalog.FindYearAsync(city, fiscalYear, cancellationToken);
        var nodes = Year is null ? [] : PolicyView.Build(Year.Departments);
        Node = nodes.FirstOrDefault(n => string.Equals(n.Code, code, StringComparison.Ordinal));
        Children = [.. nodes.Where(n => string.Equals(n.ParentCode, code, StringComparison.Ordinal))];
        return Node is null ? NotFound() : Page();
    }
}
