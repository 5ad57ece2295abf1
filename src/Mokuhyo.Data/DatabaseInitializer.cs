using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Mokuhyo.Data.DemoData;
using Mokuhyo.Data.Operations;

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
        else
        {
            // Production migrates with the command line, once, not from each web node racing the others.
            var status = await MigrationStatus.ReadAsync(db, cancellationToken);
            if (!status.IsCurrent)
            {
                var error = new DatabaseNotMigratedException(status.Pending);
                logger.LogCritical("Refusing to start: {Reason}", error.Message);
                throw error;
            }
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
