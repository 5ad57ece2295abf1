using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Mokuhyo.Data.DemoData;

namespace Mokuhyo.Data;

/// <summary>Brings a database up to date at start: migrations, SQLite's write-ahead log, and the demo data.</summary>
public sealed class DatabaseInitializer(MokuhyoDbContext db, DatabaseOptions options, DepartmentFileLoader loader, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            var directory = DataServiceCollectionExtensions.SqliteDirectory(db.Database.GetConnectionString()!);
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }
        }

        if (options.MigrateOnStart)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while a writer commits; it is a property of the file, kept once set.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (options.SeedDemoData)
        {
            var loaded = await loader.LoadDemoDataAsync(cancellationToken);
            logger.LogInformation("Demo data: {Count} file(s) loaded", loaded);
            if (options.SeedExampleData)
            {
                var examples = await loader.LoadExampleDataAsync(cancellationToken);
                logger.LogInformation("Example formats: {Count} sample municipality file(s) loaded", examples);
            }
        }
    }
}
