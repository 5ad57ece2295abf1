using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Workflow;
using Mokuhyo.Domain.Workflow;
using Mokuhyo.Tests.Common;

namespace Mokuhyo.Cli.Tests;

/// <summary>A throwaway database of either provider, deleted or dropped at the end.</summary>
public sealed class Database : IAsyncDisposable
{
    /// <summary>Text that must survive every copy exactly: 髙 and 﨑 (compatibility ideographs) and 𠮷 (outside the BMP).</summary>
    public const string ExactText = "髙﨑𠮷の地域づくり(改訂)";

    private Database(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public string[] Args => ["--provider", Provider.ToString(), "--connection", ConnectionString];

    public static async Task<Database> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            TestPostgres.SkipIfUnavailable();
            return new Database(provider, await TestPostgres.CreateDatabaseAsync());
        }

        var file = Path.Combine(Path.GetTempPath(), $"mokuhyo-cli-{Guid.NewGuid():N}.db");
        return new Database(provider, new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString);
    }

    /// <summary>Runs the command line against this database.</summary>
    public async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await OperatorCommands.RunAsync([.. args, .. Args], output, error, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Migrated through the command line, then the demo data and accounts, and a revision made through
    /// the workflow: edited text, submitted, approved and published (states, comments, audit, snapshots).
    /// </summary>
    public async Task FillAsync()
    {
        var migrate = await RunAsync("migrate");
        Assert.True(migrate.Code == 0, migrate.Error);

        await using var services = Services();
        await using (var scope = services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            await sp.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            await DemoAccounts.EnsureRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole<Guid>>>(), sp.GetRequiredService<MokuhyoDbContext>());
            await sp.GetRequiredService<DemoAccounts>().EnsureAsync();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MokuhyoDbContext>();
            var workflow = scope.ServiceProvider.GetRequiredService<ReportWorkflowService>();
            var department = await db.OrgUnits.SingleAsync(u => u.Code == "shimin-seikatsu");
            var began = await workflow.BeginEditAsync(department.Id, "interim", ReportRole.Editor);
            Assert.True(began.Succeeded, began.ToString());
            var goal = await db.Goals.SingleAsync(g => g.DepartmentId == department.Id && g.Number == 1);
            goal.Title = ExactText;
            goal.Body.Add(ExactText);
            await db.SaveChangesAsync();
            foreach (var (action, role) in new[] { (ReportAction.Submit, ReportRole.Editor), (ReportAction.Approve, ReportRole.Approver), (ReportAction.Publish, ReportRole.Planning) })
            {
                var result = await workflow.TransitionAsync(department.Id, "interim", action, role, "確認しました 髙﨑", null);
                Assert.True(result.Succeeded, $"{action}: {result}");
            }
        }
    }

    public ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider.ToString(),
            ["ConnectionStrings:Default"] = ConnectionString,
            ["Database:MigrateOnStart"] = "false",
            ["Database:SeedDemoData"] = "true",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMokuhyoData(configuration, Path.GetTempPath());
        services.AddIdentityCore<StaffUser>().AddRoles<IdentityRole<Guid>>().AddEntityFrameworkStores<MokuhyoDbContext>();
        services.AddScoped<DemoAccounts>();
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await TestPostgres.DropDatabaseAsync(ConnectionString);
            return;
        }

        SqliteConnection.ClearAllPools();
        var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }
}
