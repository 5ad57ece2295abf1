using Mokuhyo.Data.Cycle;

namespace Mokuhyo.Web.Cycle;

public static class CycleServices
{
    /// <summary>The yearly cycle in the web host: options, e-mail through SMTP when configured, and the background worker.</summary>
    public static IServiceCollection AddYearlyCycle(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CycleOptions>(configuration.GetSection(CycleOptions.Section));
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        var smtp = configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions();
        services.AddSingleton(new NotificationMailOptions { EmailEnabled = smtp.Enabled });
        services.AddScoped<NotificationText>();
        services.AddScoped<Pages.Staff.Cycle.CycleBoard>();
        services.AddScoped<INotificationMailer, SmtpNotificationMailer>();
        services.AddScoped<MailDispatcher>();
        services.AddSingleton<CycleWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<CycleWorker>());
        return services;
    }
}
