using Mokuhyo.Data;

namespace Mokuhyo.Web.Infrastructure;

/// <summary>Services of the public reading pages beyond the reports themselves: dashboards and goal histories.</summary>
public static class PublicSite
{
    public static IServiceCollection AddPublicSite(this IServiceCollection services)
    {
        services.AddScoped<PublicArchive>();
        return services;
    }
}
