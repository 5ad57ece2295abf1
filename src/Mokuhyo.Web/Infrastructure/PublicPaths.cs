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

    /// <summary>The open-data page of a municipality: every year's CSV files and their licence.</summary>
    public static string OpenData(string slug) => $"/{slug}/opendata";

    /// <summary>/iruma/2022/opendata/goals.csv.</summary>
    public static string OpenDataFile(string slug, int year, string fileName) =>
        string.Create(CultureInfo.InvariantCulture, $"/{slug}/{year}/opendata/{fileName}");

    /// <summary>/iruma/2022/shimin-seikatsu/report.pdf: the published report as PDF.</summary>
    public static string ReportPdf(string slug, int year, string department) => Report(slug, year, department) + "/report.pdf";

    /// <summary>/iruma/2022/shimin-seikatsu/report.xlsx: the published report in the Excel template.</summary>
    public static string ReportXlsx(string slug, int year, string department) => Report(slug, year, department) + "/report.xlsx";

    /// <summary>/iruma/2022/compendium.pdf: every department of the year in one PDF, with a cover and contents.</summary>
    public static string CompendiumPdf(string slug, int year) => Year(slug, year) + "/compendium.pdf";

    /// <summary>/iruma/2022/goals.xlsx: every department of the year in the Excel template.</summary>
    public static string YearXlsx(string slug, int year) => Year(slug, year) + "/goals.xlsx";

    /// <summary>/iruma/2022/dashboard: the year's ratings and ratios to target, per department, as charts and tables.</summary>
    public static string Dashboard(string slug, int year) => Year(slug, year) + "/dashboard";

    /// <summary>/iruma/2022/shimin-seikatsu/goals/4/history: a goal and its indicators across the years it was carried through.</summary>
    public static string GoalHistory(string slug, int year, string department, int goal) =>
        string.Create(CultureInfo.InvariantCulture, $"{Report(slug, year, department)}/goals/{goal}/history");

    /// <summary>The place of a goal within its department's report page.</summary>
    public static string GoalInReport(string slug, int year, string department, int goal) =>
        string.Create(CultureInfo.InvariantCulture, $"{Report(slug, year, department)}#goal-{goal}");
    /// <summary>/iruma/2022/policies: the year's published goals by the city's higher plans.</summary>
    public static string Policies(string slug, int year) => Year(slug, year) + "/policies";

    /// <summary>/iruma/2022/policies/dai6-1-2: the published goals linked to one node of the higher plans.</summary>
    public static string Policy(string slug, int year, string code) => Policies(slug, year) + "/" + code;

    public static string ApiReport(string slug, int year, string department) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/v1/municipalities/{slug}/years/{year}/departments/{department}/report");

    /// <summary>
    /// Reads public route values. The first segment names a page of the site, so one that cannot be a
    /// municipality is simply not found; a malformed year or department under it is a bad request.
    /// </summary>
    public static RouteCheck Check(string? slug, string? year, string? department, out FiscalYear fiscalYear)
    {
        fiscalYear = default;
        if (!Domain.Municipalities.Municipality.IsValidSlug(slug))
        {
            return RouteCheck.NotFound;
        }

        if (year is not null && !FiscalYear.TryParse(year, out fiscalYear))
        {
            return RouteCheck.Malformed;
        }

        return department is null || OrgUnit.IsValidCode(department) ? RouteCheck.WellFormed : RouteCheck.Malformed;
    }
}

/// <summary>What public route values amount to before anything is looked up.</summary>
public enum RouteCheck
{
    WellFormed = 0,
    Malformed = 1,
    NotFound = 2,
}
