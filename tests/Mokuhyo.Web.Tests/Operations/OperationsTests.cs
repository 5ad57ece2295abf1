using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using WebOperations = Mokuhyo.Web.Infrastructure.Operations;

namespace Mokuhyo.Web.Tests.Operations;

public class OperationsTests(WebApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Liveness_and_readiness_answer_and_stay_out_of_the_sitemap(DatabaseProvider provider)
    {
        using var client = await apps.ClientAsync(provider);

        using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
        var sitemap = await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(Ct));
        Assert.DoesNotContain("healthz", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain("readyz", sitemap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_fails_while_the_database_is_unreachable_and_liveness_does_not()
    {
        var file = Path.Combine(Path.GetTempPath(), $"mokuhyo-ready-{Guid.NewGuid():N}.db");
        await using var factory = new MokuhyoFactory(DatabaseProvider.Sqlite, $"Data Source={file}");
        using var client = factory.CreateClient();
        try
        {
            // The file is replaced by one that is not a database: the app keeps running, readiness says no.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }

            await File.WriteAllTextAsync(file, "not a database", Ct);

            using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);
            using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_in_the_database_for_every_node()
    {
        var factory = await apps.FactoryAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreateClient();
        using var login = await client.GetAsync(new Uri("/account/login", UriKind.Relative), Ct); // issues an antiforgery token

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MokuhyoDbContext>();
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync(Ct));
    }

    [Fact]
    public async Task No_telemetry_exporter_is_registered_unless_an_endpoint_is_configured()
    {
        Assert.DoesNotContain(await ServicesAsync(null), IsExporter);
        Assert.Contains(await ServicesAsync("http://127.0.0.1:4317"), IsExporter);

        static bool IsExporter(ServiceDescriptor d) =>
            new[] { d.ServiceType, d.ImplementationType, d.ImplementationInstance?.GetType() }
                .Any(t => t?.FullName?.Contains("Otlp", StringComparison.Ordinal) == true || t?.GenericTypeArguments.Any(a => a.FullName?.Contains("Otlp", StringComparison.Ordinal) == true) == true);
    }

    [Fact]
    public void Forwarded_headers_believe_only_the_configured_proxies()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
            ["ForwardedHeaders:KnownNetworks:0"] = "192.168.10.0/24",
        }).Build();
        var options = new Microsoft.AspNetCore.Builder.ForwardedHeadersOptions();

        WebOperations.ConfigureForwardedHeaders(options, configuration.GetSection("ForwardedHeaders"));

        Assert.Equal([IPAddress.Parse("10.0.0.5")], options.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("192.168.10.0/24")], options.KnownIPNetworks);
        Assert.Equal(Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
            options.ForwardedHeaders);

        var bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "proxy.local" }).Build();
        Assert.Throws<InvalidOperationException>(() => WebOperations.ConfigureForwardedHeaders(new ForwardedHeadersOptions(), bad.GetSection("ForwardedHeaders")));
    }

    private static async Task<List<ServiceDescriptor>> ServicesAsync(string? endpoint)
    {
        var captured = new List<ServiceDescriptor>();
        var file = Path.Combine(Path.GetTempPath(), $"mokuhyo-otel-{Guid.NewGuid():N}.db");
        await using var baseFactory = new MokuhyoFactory(DatabaseProvider.Sqlite, $"Data Source={file}");
        await using var factory = baseFactory.WithWebHostBuilder(b =>
        {
            b.UseSetting(WebOperations.OtlpEndpointKey, endpoint ?? "");
            b.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", "");
            b.ConfigureTestServices(services => captured.AddRange(services));
        });
        _ = factory.Server;
        await factory.DisposeAsync();
        await baseFactory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }

        return captured;
    }
}
