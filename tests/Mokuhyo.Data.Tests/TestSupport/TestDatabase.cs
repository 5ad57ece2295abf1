using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Mokuhyo.Tests.Common;
using Npgsql;

namespace Mokuhyo.Data.Tests.TestSupport;

/// <summary>
/// A fresh database of its own for one test, migrated with the real migrations of its provider:
/// a temporary SQLite file in WAL mode, or a uniquely named database on the PostgreSQL server that
/// scripts/test.sh starts (see <see cref="TestPostgres"/>; without it the PostgreSQL cases are skipped).
/// Disposing it deletes the file or drops the database.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? sqlitePath;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqlitePath)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqlitePath = sqlitePath;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Creates an empty database and, unless told otherwise, applies every migration of the provider.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        var database = provider switch
        {
            DatabaseProvider.Sqlite => CreateSqlite(),
            DatabaseProvider.Postgres => await CreatePostgresAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider."),
        };

        if (migrate)
        {
            try
            {
                await database.MigrateAsync();
            }
            catch
            {
                await database.DisposeAsync();
                throw;
            }
        }

        return database;
    }

    /// <summary>A migrated database with the shipped demo data loaded (and so its year-end report published).</summary>
    public static async Task<TestDatabase> CreateWithDemoDataAsync(DatabaseProvider provider)
    {
        var database = await CreateAsync(provider);
        try
        {
            await using var db = database.NewContext();
            var loaded = await new DataServices(db).Loader.LoadDemoDataAsync(TestContext.Current.CancellationToken);
            Assert.Equal(1, loaded);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Applies the migrations as the application does, and on SQLite turns on the write-ahead log as DatabaseInitializer does.</summary>
    public async Task MigrateAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        if (Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A new context of the provider's own type, configured exactly as the application configures it.</summary>
    public MokuhyoDbContext NewContext(params IInterceptor[] interceptors)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
            {
                var builder = new DbContextOptionsBuilder<SqliteMokuhyoDbContext>();
                DataServiceCollectionExtensions.ConfigureSqlite(builder, ConnectionString);
                builder.AddInterceptors(interceptors);
                return new SqliteMokuhyoDbContext(builder.Options);
            }

            default:
            {
                var builder = new DbContextOptionsBuilder<PostgresMokuhyoDbContext>();
                DataServiceCollectionExtensions.ConfigurePostgres(builder, ConnectionString);
                builder.AddInterceptors(interceptors);
                return new PostgresMokuhyoDbContext(builder.Options);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (sqlitePath is not null)
        {
            // Pooled connections keep the file (and its -wal/-shm) open; release this file's before deleting.
            // (ClearPool rather than ClearAllPools, so the tests running alongside keep their connections.)
            using (var connection = new SqliteConnection(ConnectionString))
            {
                SqliteConnection.ClearPool(connection);
            }

            foreach (var path in new[] { sqlitePath, sqlitePath + "-wal", sqlitePath + "-shm", sqlitePath + "-journal" })
            {
                File.Delete(path);
            }
        }

        if (Provider == DatabaseProvider.Postgres)
        {
            using (var connection = new NpgsqlConnection(ConnectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }

            await TestPostgres.DropDatabaseAsync(ConnectionString);
        }
    }

    private static TestDatabase CreateSqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mokuhyo-test-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        return new TestDatabase(DatabaseProvider.Sqlite, connectionString, path);
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        // Skips the test, with the reason, when scripts/test.sh has not provided a server.
        TestPostgres.SkipIfUnavailable();

        // Pooled, as the application's connections are: EF Core opens a connection for every query.
        var connectionString = new NpgsqlConnectionStringBuilder(await TestPostgres.CreateDatabaseAsync()) { Pooling = true }.ConnectionString;
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, null);
    }
}
