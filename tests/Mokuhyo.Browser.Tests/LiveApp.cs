using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Mokuhyo.Browser.Tests;

/// <summary>
/// The application served by Kestrel on 127.0.0.1 and a free port, on a fresh SQLite database that
/// receives the demo data and its accounts at start; the database file is deleted on dispose.
/// </summary>
public sealed class LiveApp : WebApplicationFactory<Program>
{
    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"mokuhyo-browser-{Guid.NewGuid():N}.db");

    private readonly Action<IWebHostBuilder>? configure;

    private LiveApp(Action<IWebHostBuilder>? configure)
    {
        this.configure = configure;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The root address of the running app, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>
    /// Boots the app (migrations and demo data run now) and returns once it listens. <paramref name="configure"/>
    /// adds to the host, e.g. a clock the test moves or settings of its own.
    /// </summary>
    public static LiveApp Start(Action<IWebHostBuilder>? configure = null)
    {
        var app = new LiveApp(configure);
        try
        {
            app.StartServer();
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                ?? throw new InvalidOperationException("Kestrel reported no address.");
            var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"Kestrel listens on no http address: {string.Join(", ", addresses)}");
            app.BaseAddress = new Uri(address);
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={databaseFile}");
        builder.UseSetting("Database:SeedDemoData", "true");
        configure?.Invoke(builder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
        {
            File.Delete(path);
        }
    }
}
