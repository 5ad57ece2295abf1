using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Mokuhyo.Data.Search;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Search;
using Mokuhyo.Web.Pages.Public.Search;

namespace Mokuhyo.Web.Api;

/// <summary>GET /api/v1/search: the public search as JSON, with the same parameters and results as the search pages.</summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(SearchPaths.Api, Search)
            .WithTags("Public")
            .WithName("Search")
            .WithSummary("Full-text search of every published goal, result and department plan, with filters and pages.")
            .WithDescription("q holds one or more terms separated by spaces; every term must occur (as a substring, letters regardless of case). "
                + "Quotes, operators and symbols are searched as characters. year is the western start year (2022), rating one of "
                + "met, not-met, not-rated; page starts at 1 and pageSize is at most 100. Invalid values answer 400 with problem details.");
        return app;
    }

    private static async Task<Results<Ok<SearchResponseDto>, ProblemHttpResult>> Search(
        [FromQuery] string? q, [FromQuery] string? city, [FromQuery] string? year, [FromQuery] string? department,
        [FromQuery] string? rating, [FromQuery] string? page, [FromQuery] string? pageSize,
        SearchService search, IStringLocalizer<SearchPageText> text, CancellationToken ct)
    {
        var read = new SearchInput(q, city, year, department, rating, page, pageSize).Read(null);
        if (read.Request is not { } request)
        {
            var problem = read.Problem == SearchInputProblem.Missing ? SearchInputProblem.Empty : read.Problem;
            var argument = problem switch
            {
                SearchInputProblem.TooLong => SearchQuery.MaxLength,
                SearchInputProblem.TooManyTerms => SearchQuery.MaxTerms,
                SearchInputProblem.BadPage => SearchInput.MaxPage,
                SearchInputProblem.BadPageSize => SearchService.MaxPageSize,
                _ => 0,
            };
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: text["Search.ProblemTitle"],
                detail: text[$"Search.Problem.{problem}", argument]);
        }

        var results = await search.SearchAsync(request, ct);
        string? Link(int p) => SearchPaths.Results(SearchPaths.Api, q!, request.City, request.Year, request.Department, request.Rating, p)
            + (request.PageSize == SearchService.DefaultPageSize ? "" : "&pageSize=" + request.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return TypedResults.Ok(new SearchResponseDto(
            q!, request.Query.Terms, results.Total, results.Page, results.PageSize, results.PageCount,
            results.Page < results.PageCount ? Link(results.Page + 1) : null,
            results.Page > 1 && results.Page <= results.PageCount ? Link(results.Page - 1) : null,
            [.. results.Hits.Select(SearchHitDto.From)], results.MoreThanTotal));
    }
}

public sealed record SearchResponseDto(string Query, IReadOnlyList<string> Terms, int Total, int Page, int PageSize, int PageCount,
    string? Next, string? Previous, IReadOnlyList<SearchHitDto> Results, bool MoreThanTotal);

/// <summary>One hit: where it is published, what it is, its snippet as text and as HTML with each match in &lt;mark&gt;.</summary>
public sealed record SearchHitDto(string Municipality, string MunicipalityName, int Year, string YearLabel, string Department,
    string DepartmentName, string Kind, int? GoalNumber, string Title, string? Rating, string? RatingLabel, string Snippet, string SnippetHtml, string Url)
{
    public static SearchHitDto From(SearchHit hit) => new(hit.MunicipalitySlug, hit.MunicipalityName, hit.FiscalYear,
        Wareki.FormatFiscalYear(new FiscalYear(hit.FiscalYear)), hit.DepartmentCode, hit.DepartmentName, hit.Kind, hit.GoalNumber, hit.Title,
        hit.RatingOutcome, hit.RatingLabel, SearchText.ToPlain(hit.Snippet), SearchText.ToHtml(hit.Snippet), SearchPaths.Hit(hit));
}
