using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Mokuhyo.Data;
using Mokuhyo.Tests.Common;

[assembly: AssemblyFixture(typeof(Mokuhyo.Web.Tests.WebApps))]

namespace Mokuhyo.Web.Tests;

/// <summary>The application booted once per database for the whole test run, each on a fresh database with the demo data.</summary>
public sealed class WebApps : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<DatabaseProvider, MokuhyoFactory> factories = [];

    /// <summary>A client of the app on the given database; PostgreSQL tests are skipped when no server is available.</summary>
    public async Task<HttpClient> ClientAsync(DatabaseProvider provider)
    {
        var factory = await FactoryAsync(provider);
        return factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public async Task<MokuhyoFactory> FactoryAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            TestPostgres.SkipIfUnavailable();
        }

        await gate.WaitAsync();
        try
        {
            if (!factories.TryGetValue(provider, out var factory))
            {
                var connectionString = provider == DatabaseProvider.Postgres
                    ? await TestPostgres.CreateDatabaseAsync()
                    : $"Data Source={Path.Combine(Path.GetTempPath(), $"mokuhyo-web-{Guid.NewGuid():N}.db")}";
                factory = new MokuhyoFactory(provider, connectionString);
                _ = factory.Server; // boot now: migrations and demo data run at start
                factories[provider] = factory;
            }

            return factory;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var factory in factories.Values)
        {
            await factory.DisposeAsync();
            if (factory.Provider == DatabaseProvider.Postgres)
            {
                await TestPostgres.DropDatabaseAsync(factory.ConnectionString);
            }
            else
            {
                SqliteConnection.ClearAllPools();
                var file = new SqliteConnectionStringBuilder(factory.ConnectionString).DataSource;
                foreach (var path in new[] { file, file + "-wal", file + "-shm" })
                {
                    File.Delete(path);
                }
            }
        }

        gate.Dispose();
    }
}

public sealed class MokuhyoFactory(DatabaseProvider provider, string connectionString) : WebApplicationFactory<Program>
{
    public DatabaseProvider Provider { get; } = provider;

    public string ConnectionString { get; } = connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
    }
}
