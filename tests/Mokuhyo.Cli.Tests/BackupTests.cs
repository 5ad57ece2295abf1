using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using Mokuhyo.Data.Operations;

namespace Mokuhyo.Cli.Tests;

public class BackupTests
{
    [Fact]
    public async Task A_SQLite_backup_restored_over_the_database_brings_back_what_was_there()
    {
        await using var database = await Database.CreateAsync(DatabaseProvider.Sqlite);
        await database.FillAsync();
        var file = Path.Combine(Path.GetTempPath(), $"mokuhyo-backup-{Guid.NewGuid():N}.db");
        try
        {
            var backup = await database.RunAsync("backup", "--output", file);
            Assert.True(backup.Code == 0, backup.Error);
            Assert.Equal(OperatorCommands.Failed, (await database.RunAsync("backup", "--output", file)).Code);

            await SetFirstGoalTitleAsync(database, "消える変更");
            var restore = await database.RunAsync("restore", "--input", file);
            Assert.True(restore.Code == 0, restore.Error);

            Assert.Equal(Database.ExactText, await FirstGoalTitleAsync(database));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_PostgreSQL_backup_restores_into_a_new_database_with_everything()
    {
        await using var database = await Database.CreateAsync(DatabaseProvider.Postgres);
        await using var restored = await Database.CreateAsync(DatabaseProvider.Postgres);
        await database.FillAsync();
        var file = Path.Combine(Path.GetTempPath(), $"mokuhyo-backup-{Guid.NewGuid():N}.dump");
        try
        {
            var backup = await database.RunAsync("backup", "--output", file);
            Assert.True(backup.Code == 0, backup.Error);

            var restore = await restored.RunAsync("restore", "--input", file);
            Assert.True(restore.Code == 0, restore.Error);

            Assert.Equal(Database.ExactText, await FirstGoalTitleAsync(restored));
            Assert.Equal(0, (await restored.RunAsync("status")).Code);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Missing_PostgreSQL_tools_are_reported_by_name()
    {
        var error = Assert.Throws<BackupException>(() => DatabaseBackup.FindTool("pg_no_such_tool"));
        Assert.Contains("pg_no_such_tool", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_and_configuration_errors_end_with_a_message_and_a_non_zero_code()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(OperatorCommands.UsageError, await OperatorCommands.RunAsync(["backup"], output, error, TestContext.Current.CancellationToken));
        Assert.Contains("--output", error.ToString(), StringComparison.Ordinal);

        using var error2 = new StringWriter();
        var code = await OperatorCommands.RunAsync(["status", "--provider", "Oracle"], output, error2, TestContext.Current.CancellationToken);
        Assert.Equal(OperatorCommands.ConfigurationError, code);
        Assert.Contains("Oracle", error2.ToString(), StringComparison.Ordinal);
    }

    private static async Task SetFirstGoalTitleAsync(Database database, string title)
    {
        await using var services = database.Services();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MokuhyoDbContext>();
        var goal = await SeedGoal(db).SingleAsync(TestContext.Current.CancellationToken);
        goal.Title = title;
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<string> FirstGoalTitleAsync(Database database)
    {
        await using var services = database.Services();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MokuhyoDbContext>();
        return (await SeedGoal(db).SingleAsync(TestContext.Current.CancellationToken)).Title;
    }

    // The seed's goal 1 of 市民生活部: other demo municipalities have goals numbered 1 too.
    private static IQueryable<Mokuhyo.Domain.Goals.Goal> SeedGoal(MokuhyoDbContext db) =>
        from g in db.Goals
        join u in db.OrgUnits on g.DepartmentId equals u.Id
        where u.Code == "shimin-seikatsu" && g.Number == 1
        select g;
}
