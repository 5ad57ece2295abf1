using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using Mokuhyo.Tests.Common;

namespace Mokuhyo.Web.Tests.Admin;

/// <summary>
/// The application on a database of its own, for tests that write: with the demo data and accounts,
/// or empty as a city starts. Each client gets its own address, so the sign-in rate limit of one
/// test does not fall on another.
/// </summary>
public sealed partial class AdminApp : WebApplicationFactory<Program>
{
    private const string ClientHeader = "X-Test-Client";
    private int clients;

    private AdminApp(DatabaseProvider provider, string connectionString, bool demoData, bool exampleData = false)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DemoData = demoData;
        ExampleData = exampleData;
    }

    /// <summary>Whether the sample municipalities of the example formats are loaded beside the demo data.</summary>
    public bool ExampleData { get; }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public bool DemoData { get; }

    public static async Task<AdminApp> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, bool demoData = true, bool exampleData = false)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            TestPostgres.SkipIfUnavailable();
        }

        var connectionString = provider == DatabaseProvider.Postgres
            ? await TestPostgres.CreateDatabaseAsync()
            : $"Data Source={Path.Combine(Path.GetTempPath(), $"mokuhyo-admin-{Guid.NewGuid():N}.db")}";
        var app = new AdminApp(provider, connectionString, demoData, exampleData);
        _ = app.Server; // boot now: migrations, demo data and accounts run at start
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Database:SeedDemoData", DemoData ? "true" : "false");
        builder.UseSetting("Database:SeedExampleData", ExampleData ? "true" : "false");
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddress>());
    }

    /// <summary>A client that keeps cookies and does not follow redirects, as a browser of its own.</summary>
    public HttpClient NewClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ClientHeader, Interlocked.Increment(ref clients).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return client;
    }

    /// <summary>A client signed in with a demo account (or any account and password).</summary>
    public async Task<HttpClient> SignedInAsync(string email, string password = Mokuhyo.Data.Accounts.DemoAccounts.Password)
    {
        var client = NewClient();
        using var response = await SignInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        await PostFormAsync(client, "/account/login", null, [new("Input.Email", email), new("Input.Password", password)]);

    /// <summary>Loads a page for its antiforgery token, then posts a form to it (or to <paramref name="action"/>).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string? action,
        IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await AntiforgeryTokenAsync(client, page);
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(new Uri(action ?? page, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        using var response = await client.GetAsync(new Uri(page, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return TokenInput().Match(html).Groups[1].Value;
    }

    /// <summary>Runs work against the app's own database, in a scope of its own.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<T> WithDbAsync<T>(Func<MokuhyoDbContext, Task<T>> work) =>
        WithServicesAsync(services => work(services.GetRequiredService<MokuhyoDbContext>()));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider == DatabaseProvider.Postgres)
        {
            await TestPostgres.DropDatabaseAsync(ConnectionString);
        }
        else
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    /// <summary>Gives each test client an address of its own, as separate browsers have.</summary>
    private sealed class ClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientHeader, out var id) && int.TryParse(id, out var n))
                {
                    context.Connection.RemoteIpAddress = new IPAddress([10, 0, (byte)(n / 256), (byte)(n % 256)]);
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
