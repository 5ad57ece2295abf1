using Microsoft.Extensions.DependencyInjection;

namespace Mokuhyo.Data.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>The search of published reports: the index (kept by ReportPublisher) and the search itself. Needs AddMokuhyoData.</summary>
    public static IServiceCollection AddMokuhyoSearch(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<SearchIndex>();
        services.AddScoped<SearchService>();
        return services;
    }
}
