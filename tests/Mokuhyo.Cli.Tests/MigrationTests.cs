using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using Mokuhyo.Data.Operations;

namespace Mokuhyo.Cli.Tests;

public class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_node_that_must_not_migrate_refuses_an_unmigrated_database_until_migrate_has_run(DatabaseProvider provider)
    {
        await using var database = await Database.CreateAsync(provider);
        await using var services = database.Services(); // Database:MigrateOnStart=false, as in Production

        await using (var scope = services.CreateAsyncScope())
        {
            var error = await Assert.ThrowsAsync<DatabaseNotMigratedException>(() =>
                scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(TestContext.Current.CancellationToken));
            Assert.NotEmpty(error.Pending);
            Assert.Contains("migrate", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(OperatorCommands.Failed, (await database.RunAsync("status")).Code);
        var migrated = await database.RunAsync("migrate");
        Assert.True(migrated.Code == 0, migrated.Error);
        Assert.Equal(0, (await database.RunAsync("status")).Code);

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(TestContext.Current.CancellationToken);
        }
    }
}
