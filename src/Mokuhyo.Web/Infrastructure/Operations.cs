using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Mokuhyo.Data;
using Mokuhyo.Data.Operations;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Mokuhyo.Web.Infrastructure;

/// <summary>
/// What running in production needs: keys shared by every web node, the proxy in front, health
/// endpoints, telemetry and logs. Each setting is described in docs/operations.md.
/// </summary>
internal static class Operations
{
    /// <summary>The data-protection application name: cookies made by one node are read by every other.</summary>
    public const string ApplicationName = "Mokuhyo";

    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";

    /// <summary>Where OTLP telemetry goes; without it nothing leaves the machine.</summary>
    public const string OtlpEndpointKey = "OpenTelemetry:OtlpEndpoint";

    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<MokuhyoDbContext>();

        services.Configure<ForwardedHeadersOptions>(o => ConfigureForwardedHeaders(o, configuration.GetSection("ForwardedHeaders")));

        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);

        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ApplicationName))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql"));
        if (OtlpEndpoint(configuration) is { } endpoint)
        {
            // Traces only where they are sent: a sampled span per request that nobody reads costs a fifth of a
            // cached page's throughput.
            telemetry.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsHealthPath(context.Request.Path))
                .AddNpgsql());
            telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, endpoint);
        }

        return builder;
    }

    /// <summary>The configured OTLP endpoint, from OpenTelemetry:OtlpEndpoint or the standard OTEL_EXPORTER_OTLP_ENDPOINT.</summary>
    public static Uri? OtlpEndpoint(IConfiguration configuration)
    {
        var value = configuration[OtlpEndpointKey] is { Length: > 0 } configured ? configured : configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"{OtlpEndpointKey} '{value}' is not an absolute URL (e.g. http://collector:4317).");
    }

    /// <summary>Runs first: the client's address and scheme as the proxy saw them, before anything reads them.</summary>
    public static WebApplication UseOperations(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (app.Configuration.GetValue("Https:Redirect", false))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        return app;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        // Liveness runs no check: a database outage must not make the supervisor restart healthy processes.
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false }).DisableHttpMetrics();
        app.MapHealthChecks(ReadinessPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).DisableHttpMetrics();
        return app;
    }

    public static bool IsHealthPath(PathString path) => path.StartsWithSegments(LivenessPath, StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(ReadinessPath, StringComparison.OrdinalIgnoreCase);

    internal static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, IConfigurationSection section)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0)
        {
            // The default: only a proxy on this machine (127.0.0.1, ::1) is believed.
            return;
        }

        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies '{proxy}' is not an IP address."));
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks '{network}' is not a network such as 10.0.0.0/8."));
        }
    }
}

/// <summary>Ready when the database answers and holds every migration of this version.</summary>
internal sealed class DatabaseReadyCheck(MokuhyoDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database does not answer.");
            }

            var status = await MigrationStatus.ReadAsync(db, cancellationToken);
            return status.IsCurrent
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{status.Pending.Count} migration(s) pending.");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
