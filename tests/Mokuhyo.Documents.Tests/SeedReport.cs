using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Mokuhyo.Data;
using Mokuhyo.Data.DemoData;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Reports;

[assembly: AssemblyFixture(typeof(Mokuhyo.Documents.Tests.SeedReport))]

namespace Mokuhyo.Documents.Tests;

/// <summary>
/// The seed department's published report, made the way the application makes it: the demo data
/// loaded into a fresh SQLite database and published. Shared by every document test.
/// </summary>
public sealed class SeedReport : IAsyncDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"mokuhyo-docs-{Guid.NewGuid():N}.db");
    private readonly Lazy<Task<DepartmentReport>> report;

    public SeedReport() => report = new(LoadAsync);

    public Task<DepartmentReport> GetAsync() => report.Value;

    /// <summary>A new context on a fresh migrated database (with the demo data), for tests that write.</summary>
    public static async Task<(MokuhyoDbContext Db, string Path)> NewDatabaseAsync(bool withDemoData = true)
    {
        var file = Path.Combine(Path.GetTempPath(), $"mokuhyo-docs-{Guid.NewGuid():N}.db");
        var db = Open(file);
        await db.Database.MigrateAsync();
        if (withDemoData)
        {
            await Loader(db).LoadDemoDataAsync();
        }

        return (db, file);
    }

    public static MokuhyoDbContext Open(string file)
    {
        var options = new DbContextOptionsBuilder<SqliteMokuhyoDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(options, $"Data Source={file}");
        return new SqliteMokuhyoDbContext(options.Options);
    }

    public static void DeleteDatabase(string file)
    {
        SqliteConnection.ClearAllPools();
        foreach (var p in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(p);
        }
    }

    public static DepartmentFileLoader Loader(MokuhyoDbContext db) =>
        new(db, new ReportPublisher(db, TimeProvider.System), TimeProvider.System, NullLogger<DepartmentFileLoader>.Instance);

    private async Task<DepartmentReport> LoadAsync()
    {
        await using var db = Open(path);
        await db.Database.MigrateAsync();
        await Loader(db).LoadDemoDataAsync();
        return await new PublicCatalog(db).FindReportAsync("iruma", new FiscalYear(2022), "shimin-seikatsu")
            ?? throw new InvalidOperationException("The demo data did not publish the seed report.");
    }

    public ValueTask DisposeAsync()
    {
        DeleteDatabase(path);
        return ValueTask.CompletedTask;
    }
}
