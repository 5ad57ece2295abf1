using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mokuhyo.Data.Cycle;

public static class CycleDataServices
{
    /// <summary>The yearly cycle's data services; e-mail stays off unless the host turns it on.</summary>
    public static IServiceCollection AddCycleData(this IServiceCollection services)
    {
        services.TryAddSingleton(new NotificationMailOptions());
        services.AddScoped<CycleRecipients>();
        services.AddScoped<CycleNotifier>();
        services.AddScoped<ReminderPlanner>();
        services.AddScoped<PhaseCalendarService>();
        services.AddScoped<ReportTimeliness>();
        return services;
    }
}
