using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data;
using Mokuhyo.Data.Search;
using Mokuhyo.Domain.Search;

namespace Mokuhyo.Web.Pages.Public.Search;

/// <summary>
/// A search page: the form (a plain GET form, so it works without script), the results with their
/// snippets, and the pages of results. Values that cannot be searched get a message and 400, never an error page.
/// </summary>
public abstract class SearchPageModel(SearchService search, IStringLocalizer<SearchPageText> text) : PageModel
{
    /// <summary>The city of /{city}/search; null on /search.</summary>
    public PublicMunicipality? Municipality { get; private set; }

    public string Q { get; private set; } = "";

    public string? CityFilter { get; private set; }

    public string? Year { get; private set; }

    public string? Department { get; private set; }

    public string? Rating { get; private set; }

    /// <summary>Why nothing was searched, in the reader's words; null when a search ran or none was asked for.</summary>
    public string? Message { get; private set; }

    public SearchResults? Results { get; private set; }

    public IReadOnlyList<string> Terms { get; private set; } = [];

    public SearchFilterOptions Options { get; private set; } = new([], [], []);

    /// <summary>Where the form sends its query.</summary>
    public string Action => Municipality is null ? SearchPaths.All : SearchPaths.City(Municipality.Slug);

    public string PageUrl(int page) =>
        SearchPaths.Results(Action, Q, Municipality is null ? CityFilter : null, ParsedYear, Department, Rating, page);

    private int? ParsedYear { get; set; }

    protected async Task<IActionResult> SearchAsync(PublicMunicipality? municipality, CancellationToken cancellationToken)
    {
        Municipality = municipality;
        Q = First("q") ?? "";
        CityFilter = municipality is null ? First("city") : null;
        Year = First("year");
        Department = First("department");
        Rating = First("rating");

        var input = new SearchInput(First("q"), CityFilter, Year, Department, Rating, First("page"));
        var read = input.Read(municipality?.Slug);
        Options = await search.FilterOptionsAsync(read.Request?.City ?? municipality?.Slug, cancellationToken);
        if (read.Request is null)
        {
            if (read.Problem != SearchInputProblem.Missing)
            {
                Message = text[$"Search.Problem.{read.Problem}", ProblemArgument(read.Problem)];
            }

            if (read.IsBadRequest)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return Page();
        }

        ParsedYear = read.Request.Year;
        Terms = read.Request.Query.Terms;
        Results = await search.SearchAsync(read.Request, cancellationToken);
        return Page();
    }

    private static int ProblemArgument(SearchInputProblem problem) => problem switch
    {
        SearchInputProblem.TooLong => SearchQuery.MaxLength,
        SearchInputProblem.TooManyTerms => SearchQuery.MaxTerms,
        SearchInputProblem.BadPage => SearchInput.MaxPage,
        SearchInputProblem.BadPageSize => SearchService.MaxPageSize,
        _ => 0,
    };

    // A repeated parameter (?year=2022&year=2023) is read as its first value, as links write only one.
    private string? First(string key) => Request.Query.TryGetValue(key, out var values) && values.Count > 0 ? values[0] : null;
}
