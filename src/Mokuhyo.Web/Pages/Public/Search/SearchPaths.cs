using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Mokuhyo.Data.Search;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Pages.Public.Search;

/// <summary>
/// The search URLs: /search across every city, /{city}/search within one, the API, and where each
/// hit is on its report page. Parameters always in the same order, so a results page has one address.
/// </summary>
public static class SearchPaths
{
    public const string All = "/search";

    public const string Api = "/api/v1/search";

    public static string City(string slug) => PublicPaths.Municipality(slug) + "/search";

    /// <summary>A results page: the path with q, city, year, department, rating and page (left out when 1).</summary>
    public static string Results(string path, string q, string? city, int? year, string? department, string? rating, int page)
    {
        var query = new QueryBuilder { { "q", q } };
        Add(query, "city", city);
        Add(query, "year", year?.ToString(CultureInfo.InvariantCulture));
        Add(query, "department", department);
        Add(query, "rating", rating);
        Add(query, "page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null);
        return path + query.ToQueryString();
    }

    /// <summary>The goal, plan section or units on the report page: /iruma/2022/shimin-seikatsu#goal-3.</summary>
    public static string Hit(SearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return PublicPaths.Report(hit.MunicipalitySlug, hit.FiscalYear, hit.DepartmentCode) + "#" + hit.Anchor;
    }

    private static void Add(QueryBuilder query, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add(key, value);
        }
    }
}
