using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Audit;
using Mokuhyo.Data.Cycle;
using Mokuhyo.Data.DemoData;
using Mokuhyo.Data.Workflow;
using Mokuhyo.Domain.Audit;

namespace Mokuhyo.Data;

/// <summary>The supported databases.</summary>
public enum DatabaseProvider
{
    Sqlite = 0,
    Postgres = 1,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the web app starts (the embedded default; production uses the CLI).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Load the demo data into a database that does not have it yet.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>
    /// With the demo data, also load the sample municipalities that show other formats (three steps, five
    /// steps, self-rating), so a new user sees several formats side by side.
    /// </summary>
    public bool SeedExampleData { get; set; } = true;

    /// <summary>Reads the section, refusing values it does not know rather than guessing.</summary>
    public static DatabaseOptions From(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var options = new DatabaseOptions();
        if (section["Provider"] is { Length: > 0 } provider)
        {
            options.Provider = Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var p) && Enum.IsDefined(p)
                ? p
                : throw new InvalidOperationException($"Database:Provider '{provider}' is not supported: use Sqlite or Postgres.");
        }

        options.MigrateOnStart = ReadBool(section, nameof(MigrateOnStart), options.MigrateOnStart);
        options.SeedDemoData = ReadBool(section, nameof(SeedDemoData), options.SeedDemoData);
        options.SeedExampleData = ReadBool(section, nameof(SeedExampleData), options.SeedExampleData);
        return options;
    }

    private static bool ReadBool(IConfigurationSection section, string key, bool fallback) => section[key] switch
    {
        null or "" => fallback,
        var text when bool.TryParse(text, out var value) => value,
        var text => throw new InvalidOperationException($"Database:{key} '{text}' is not true or false."),
    };
}

public static class DataServiceCollectionExtensions
{
    /// <summary>The embedded default: a SQLite file under data/ in the application's content root.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/mokuhyo.db";

    /// <param name="services">The application's services.</param>
    /// <param name="configuration">Holds the Database section and ConnectionStrings:Default.</param>
    /// <param name="baseDirectory">Where a relative SQLite file name is resolved, so the file does not move with the working directory.</param>
    public static IServiceCollection AddMokuhyoData(this IServiceCollection services, IConfiguration configuration, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = DatabaseOptions.From(configuration.GetSection(DatabaseOptions.Section));
        var connectionString = configuration.GetConnectionString("Default");
        services.AddSingleton(options);
        services.TryAddTimeProvider();

        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Default is not set.");
                }

                services.AddDbContext<MokuhyoDbContext, PostgresMokuhyoDbContext>((sp, o) =>
                    ConfigurePostgres(o, connectionString).AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
                services.AddSingleton(new PublicationStamp(options.Provider, connectionString));
                break;
            default:
                var sqlite = ResolveSqlitePath(string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnectionString : connectionString, baseDirectory);
                services.AddDbContext<MokuhyoDbContext, SqliteMokuhyoDbContext>((sp, o) =>
                    ConfigureSqlite(o, sqlite).AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
                services.AddSingleton(new PublicationStamp(DatabaseProvider.Sqlite, sqlite));
                break;
        }

        services.TryAddScoped<ICurrentActor>(_ => SystemActor.Instance);
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<AccessPolicy>();
        services.AddScoped<ReportWorkflowService>();
        services.AddScoped<ReportPublisher>();
        services.AddScoped<DraftReports>();
        services.AddScoped<PublicCatalog>();
        services.AddScoped<DepartmentFileLoader>();
        services.AddScoped<DatabaseInitializer>();
        services.AddCycleData();
        return services;
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseSqlite(connectionString);
    }

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure());
    }

    /// <summary>Makes a relative SQLite file name absolute against a base directory.</summary>
    public static string ResolveSqlitePath(string connectionString, string baseDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(baseDirectory, builder.DataSource));
        }

        return builder.ConnectionString;
    }

    /// <summary>The directory a SQLite connection string points into, so it can be created before first use.</summary>
    public static string? SqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" ? null : Path.GetDirectoryName(Path.GetFullPath(dataSource));
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(s => s.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
