using System.Globalization;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Organization;

namespace Mokuhyo.Web.Infrastructure;

/// <summary>
/// The public URLs, in one place so that pages, the sitemap and the API link alike. They name the
/// municipality and stay stable: /iruma/2022/shimin-seikatsu.
/// </summary>
public static class PublicPaths
{
    public static string Municipality(string slug) => "/" + slug;

    public static string Year(string slug, int year) => string.Create(CultureInfo.InvariantCulture, $"/{slug}/{year}");

    public static string Report(string slug, int year, string department) =>
        string.Create(CultureInfo.InvariantCulture, $"/{slug}/{year}/{department}");

    public static string ApiReport(string slug, int year, string department) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/v1/municipalities/{slug}/years/{year}/departments/{department}/report");

    /// <summary>Whether route values are well-formed; false means 400, while well-formed but unknown means 404.</summary>
    public static bool AreWellFormed(string? slug, string? year, string? department, out FiscalYear fiscalYear)
    {
        fiscalYear = default;
        if (!Domain.Municipalities.Municipality.IsValidSlug(slug))
        {
            return false;
        }

        if (year is not null && !FiscalYear.TryParse(year, out fiscalYear))
        {
            return false;
        }

        return department is null || OrgUnit.IsValidCode(department);
    }
}
