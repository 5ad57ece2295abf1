using System.Xml.Linq;
using Microsoft.AspNetCore.Localization;
using Mokuhyo.Data;
using Mokuhyo.Web.Infrastructure;

namespace Mokuhyo.Web.Api;

/// <summary>Endpoints of the site itself: the sitemap and the language switch.</summary>
public static class SiteEndpoints
{
    private static readonly XNamespace SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>/sitemap.xml: every public page, with absolute URLs.</summary>
    public static IEndpointRouteBuilder MapSitemap(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sitemap.xml", async (HttpContext context, PublicCatalog catalog, CancellationToken ct) =>
        {
            var origin = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
            var paths = new List<string> { "/" };
            foreach (var municipality in await catalog.ListMunicipalitiesAsync(ct))
            {
                paths.Add(PublicPaths.Municipality(municipality.Slug));
                paths.Add(PublicPaths.OpenData(municipality.Slug));
                foreach (var year in municipality.Years)
                {
                    paths.Add(PublicPaths.Year(municipality.Slug, year.StartYear));
                    paths.Add(PublicPaths.Dashboard(municipality.Slug, year.StartYear));
                    var found = await catalog.FindYearAsync(municipality.Slug, year, ct);
                    foreach (var r in found?.Departments ?? [])
                    {
                        paths.Add(PublicPaths.Report(municipality.Slug, r.FiscalYear, r.Department.Code));
                        paths.AddRange(r.Goals.Select(g => PublicPaths.GoalHistory(municipality.Slug, r.FiscalYear, r.Department.Code, g.Number)));
                    }
                    var policies = found is null ? [] : Pages.Public.PolicyView.Build(found.Departments);
                    if (policies.Count > 0)
                    {
                        paths.Add(PublicPaths.Policies(municipality.Slug, year.StartYear));
                        paths.AddRange(policies.Select(p => PublicPaths.Policy(municipality.Slug, year.StartYear, p.Code)));
                    }

                }
            }

            var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
                new XElement(SitemapNs + "urlset", paths.Select(p => new XElement(SitemapNs + "url", new XElement(SitemapNs + "loc", origin + p)))));
            return Results.Text(document.Declaration + "\n" + document.Root, "application/xml; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>/culture/{ja|en}?returnUrl=...: remembers the reader's language in a cookie and goes back.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            var chosen = culture switch
            {
                "en" => "en",
                "ja" => "ja-JP",
                _ => null,
            };
            if (chosen is null)
            {
                return Results.BadRequest();
            }

            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps });
            var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();
        return app;
    }
}
