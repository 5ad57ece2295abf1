using System.Globalization;
using Mokuhyo.Data.Search;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Search;

namespace Mokuhyo.Web.Pages.Public.Search;

/// <summary>
/// The query string of a search, as typed: read here once for the pages and the API, so that every
/// value that cannot be searched gets its own message instead of reaching the database.
/// </summary>
public sealed record SearchInput(string? Q, string? City, string? Year, string? Department, string? Rating, string? Page, string? PageSize = null)
{
    /// <summary>The last page anyone may ask for, so a crafted page number cannot make the database skip forever.</summary>
    public const int MaxPage = 10_000;

    /// <summary>Checks every value; <paramref name="pathCity"/> is the city of /{city}/search, which the query cannot override.</summary>
    public SearchInputResult Read(string? pathCity)
    {
        var city = pathCity ?? Blank(City);
        if (city is not null && !Municipality.IsValidSlug(city))
        {
            return SearchInputResult.Fail(SearchInputProblem.BadCity);
        }

        int? year = null;
        if (Blank(Year) is { } yearText)
        {
            if (!FiscalYear.TryParse(yearText, out var fiscalYear))
            {
                return SearchInputResult.Fail(SearchInputProblem.BadYear);
            }

            year = fiscalYear.StartYear;
        }

        var department = Blank(Department);
        if (department is not null && !OrgUnit.IsValidCode(department))
        {
            return SearchInputResult.Fail(SearchInputProblem.BadDepartment);
        }

        var rating = Blank(Rating);
        if (rating is not null && !SearchService.RatingOutcomes.Contains(rating, StringComparer.Ordinal))
        {
            return SearchInputResult.Fail(SearchInputProblem.BadRating);
        }

        var page = 1;
        if (Blank(Page) is { } pageText && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page is < 1 or > MaxPage))
        {
            return SearchInputResult.Fail(SearchInputProblem.BadPage);
        }

        var pageSize = SearchService.DefaultPageSize;
        if (Blank(PageSize) is { } sizeText
            && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > SearchService.MaxPageSize))
        {
            return SearchInputResult.Fail(SearchInputProblem.BadPageSize);
        }

        if (Q is null)
        {
            return SearchInputResult.Fail(SearchInputProblem.Missing);
        }

        var query = SearchQuery.Parse(Q);
        return query.Problem switch
        {
            SearchQueryProblem.Empty => SearchInputResult.Fail(SearchInputProblem.Empty),
            SearchQueryProblem.TooLong => SearchInputResult.Fail(SearchInputProblem.TooLong),
            SearchQueryProblem.TooManyTerms => SearchInputResult.Fail(SearchInputProblem.TooManyTerms),
            _ => new SearchInputResult(SearchInputProblem.None, new SearchRequest(query, city, year, department, rating, page, pageSize)),
        };
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

public sealed record SearchInputResult(SearchInputProblem Problem, SearchRequest? Request)
{
    public static SearchInputResult Fail(SearchInputProblem problem) => new(problem, null);

    /// <summary>No query yet, or only spaces: the form is shown again, which is not an error of the request.</summary>
    public bool IsBadRequest => Problem is not (SearchInputProblem.None or SearchInputProblem.Missing or SearchInputProblem.Empty);
}

public enum SearchInputProblem
{
    None = 0,
    Missing = 1,
    Empty = 2,
    TooLong = 3,
    TooManyTerms = 4,
    BadCity = 5,
    BadYear = 6,
    BadDepartment = 7,
    BadRating = 8,
    BadPage = 9,
    BadPageSize = 10,
}
