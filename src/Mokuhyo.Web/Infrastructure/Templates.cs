using Mokuhyo.Data.Formats;

namespace Mokuhyo.Web.Infrastructure;

/// <summary>The services of formats and templates: the municipality's format versions and their admin page.</summary>
public static class Templates
{
    public static IServiceCollection AddTemplates(this IServiceCollection services)
    {
        services.AddScoped<FormatAdministration>();
        return services;
    }
}
