using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;
using Mokuhyo.Data.Tenancy;
using Mokuhyo.Domain.Municipalities;

namespace Mokuhyo.Web.Infrastructure;

/// <summary>Hosting several municipalities: the host administrator's municipality pages and each city's branding.</summary>
public static class Tenancy
{
    public static IServiceCollection AddTenancy(this IServiceCollection services)
    {
        services.AddScoped<MunicipalityAdministration>();
        services.AddScoped<BrandContext>();
        services.AddScoped<PolicyTree>();
        return services;
    }

    /// <summary>/{city}/brand.css and /{city}/emblem: a city's colours as a stylesheet (the CSP forbids inline styles) and its emblem.</summary>
    public static IEndpointRouteBuilder MapBranding(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{city}/brand.css", async (string city, HttpContext context, MunicipalityAdministration municipalities, CancellationToken ct) =>
        {
            if (!Municipality.IsValidSlug(city) || await municipalities.BrandAsync(city, ct) is not { } brand)
            {
                return Results.NotFound();
            }

            var tag = new EntityTagHeaderValue(string.Create(CultureInfo.InvariantCulture, $"\"b{brand.Version}\""));
            return Cached(context, tag, TimeSpan.FromMinutes(5), () => Results.Text(Stylesheet(brand), "text/css; charset=utf-8", Encoding.UTF8));
        }).ExcludeFromDescription();

        app.MapGet("/{city}/emblem", async (string city, string? v, HttpContext context, MunicipalityAdministration municipalities, CancellationToken ct) =>
        {
            if (!Municipality.IsValidSlug(city) || await municipalities.BrandAsync(city, ct) is not { EmblemHash: not null } brand
                || await municipalities.EmblemAsync(brand.MunicipalityId, ct) is not { } emblem)
            {
                return Results.NotFound();
            }

            // A URL naming the image's hash never changes meaning, so it may be kept for a year.
            var immutable = string.Equals(v, emblem.Hash, StringComparison.Ordinal);
            var tag = new EntityTagHeaderValue($"\"{emblem.Hash}\"");
            return Cached(context, tag, immutable ? TimeSpan.FromDays(365) : TimeSpan.FromMinutes(5), () => Results.Bytes(emblem.Content, emblem.ContentType));
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>The stylesheet of a city: only colours that were checked when saved, written from parsed values.</summary>
    public static string Stylesheet(Brand brand)
    {
        ArgumentNullException.ThrowIfNull(brand);
        var css = new StringBuilder();
        if (brand.PrimaryColor is { } p && HexColor.TryParse(p, out var primary))
        {
            css.Append(CultureInfo.InvariantCulture, $":root {{ --accent: {primary}; }}\n");
        }

        if (brand.AccentColor is { } a && HexColor.TryParse(a, out var accent))
        {
            css.Append(CultureInfo.InvariantCulture, $"main h1, main h2 {{ color: {accent}; }}\n");
        }

        css.Append(".brand-city { display: inline-flex; align-items: center; gap: 0.5rem; color: inherit; }\n");
        css.Append(".brand-city img { height: 2rem; width: auto; background: #ffffff; border-radius: 2px; }\n");
        return css.ToString();
    }

    private static IResult Cached(HttpContext context, EntityTagHeaderValue tag, TimeSpan maxAge, Func<IResult> content)
    {
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = tag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = maxAge };
        var match = context.Request.GetTypedHeaders().IfNoneMatch;
        return match.Any(m => m.Compare(tag, useStrongComparison: false)) ? Results.StatusCode(StatusCodes.Status304NotModified) : content();
    }
}

/// <summary>The site's own colours (site.css), used when a city chose none.</summary>
public static class SiteColors
{
    public static readonly HexColor Primary = HexColor.Parse("#0b5394");

    public static readonly HexColor Accent = HexColor.Parse("#1a1a1a");
}

/// <summary>The URLs of a city's brand files.</summary>
public static class BrandPaths
{
    public static string Stylesheet(string slug, long version) => string.Create(CultureInfo.InvariantCulture, $"/{slug}/brand.css?v={version}");

    public static string Emblem(string slug, string hash) => $"/{slug}/emblem?v={hash}";
}

/// <summary>The brand of the city a public page is about, looked up once per request.</summary>
public sealed class BrandContext(MunicipalityAdministration municipalities)
{
    private Brand? brand;
    private bool loaded;

    /// <summary>The brand of the page's city: public pages only (staff pages stay neutral), and only for a city that exists.</summary>
    public async Task<Brand?> ForPageAsync(RouteData route, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (!loaded)
        {
            loaded = true;
            if (route.Values.TryGetValue("page", out var page) && page is string p && p.StartsWith("/Public/", StringComparison.Ordinal)
                && route.Values.TryGetValue("city", out var city) && city is string slug && Municipality.IsValidSlug(slug))
            {
                brand = await municipalities.BrandAsync(slug, cancellationToken);
            }
        }

        return brand;
    }
}
