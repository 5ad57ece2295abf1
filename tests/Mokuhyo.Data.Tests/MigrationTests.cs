using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Mokuhyo.Data.Tests.TestSupport;

namespace Mokuhyo.Data.Tests;

public class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Migrations_apply_to_an_empty_database_and_leave_nothing_pending(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using (var db = database.NewContext())
        {
            Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync(ct));
            Assert.Empty(await db.Database.GetAppliedMigrationsAsync(ct));
        }

        await database.MigrateAsync();

        await using var migrated = database.NewContext();
        Assert.Empty(await migrated.Database.GetPendingMigrationsAsync(ct));
        Assert.Equal(migrated.Database.GetMigrations(), await migrated.Database.GetAppliedMigrationsAsync(ct));
        Assert.True((await TableCounts.ReadAsync(migrated)).AllEmpty);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Migrating_a_migrated_database_again_changes_nothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);

        await database.MigrateAsync();

        await using var db = database.NewContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(ct));
    }

    // Needs no server: the model is compared with the provider's model snapshot, so this runs everywhere.
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Each_provider_has_a_migration_for_every_model_change(DatabaseProvider provider)
    {
        using var db = UnconnectedContext(provider);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model of {db.GetType().Name} differs from its migrations: add a migration for {provider}.");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Migrations.Sqlite")]
    [InlineData(DatabaseProvider.Postgres, "Migrations.Postgres")]
    public void Each_provider_sees_only_its_own_migrations(DatabaseProvider provider, string expectedNamespace)
    {
        using var db = UnconnectedContext(provider);
        var migrations = db.GetService<IMigrationsAssembly>().Migrations;

        Assert.NotEmpty(migrations);
        Assert.All(migrations.Values, type => Assert.EndsWith(expectedNamespace, type.Namespace, StringComparison.Ordinal));
    }

    private static MokuhyoDbContext UnconnectedContext(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var builder = new DbContextOptionsBuilder<SqliteMokuhyoDbContext>();
            DataServiceCollectionExtensions.ConfigureSqlite(builder, "Data Source=unused.db");
            return new SqliteMokuhyoDbContext(builder.Options);
        }

        var npgsql = new DbContextOptionsBuilder<PostgresMokuhyoDbContext>();
        DataServiceCollectionExtensions.ConfigurePostgres(npgsql, "Host=unused.invalid;Database=unused;Username=unused");
        return new PostgresMokuhyoDbContext(npgsql.Options);
    }
}
