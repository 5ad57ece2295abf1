using Mokuhyo.Data;

namespace Mokuhyo.Web.Infrastructure;

/// <summary>Services of the public reading pages beyond the reports themselves: dashboards and goal histories.</summary>
public static class PublicSite
{
    public static IServiceCollection AddPublicSite(this IServiceCollection services)
    {
        services.AddScoped<PublicArchive>();
        services.AddOutputCache(o =>
        {
            // /iruma/2022/Shimin-Seikatsu is a bad request, not the cached /iruma/2022/shimin-seikatsu.
            o.UseCaseSensitivePaths = true;
            o.AddPolicy(PublishedPageCache.PolicyName, new PublishedPageCache());
        });
        return services;
    }

    /// <summary>Serves the published public pages from the output cache (<see cref="PublishedPageCache"/>); after authentication, so staff are recognised.</summary>
    public static IApplicationBuilder UsePublicSiteCache(this IApplicationBuilder app) => app.UseOutputCache();
}
