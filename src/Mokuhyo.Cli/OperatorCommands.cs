using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mokuhyo.Data;
using Mokuhyo.Data.Operations;

namespace Mokuhyo.Cli;

/// <summary>
/// The operator's commands. The database is named the way the web app names it (appsettings.json,
/// appsettings.{Environment}.json and environment variables such as Database__Provider and
/// ConnectionStrings__Default, under --content-root), and --provider / --connection override it.
/// </summary>
public static class OperatorCommands
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The command line itself was wrong (System.CommandLine's own exit code).</summary>
    public const int UsageError = 1;

    /// <summary>The operation was refused or failed; nothing was half-done.</summary>
    public const int Failed = 2;

    /// <summary>The configuration does not name a usable database.</summary>
    public const int ConfigurationError = 3;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var provider = new Option<string?>("--provider") { Description = CliText.Get("Opt.Provider"), Recursive = true };
        var connection = new Option<string?>("--connection") { Description = CliText.Get("Opt.Connection"), Recursive = true };
        var contentRoot = new Option<DirectoryInfo?>("--content-root") { Description = CliText.Get("Opt.ContentRoot"), Recursive = true };
        var root = new RootCommand(CliText.Get("Root")) { provider, connection, contentRoot };

        Option<FileInfo> FileOption(string name) => new(name) { Description = CliText.Get("Opt.File"), Required = true };

        DatabaseTarget Source(ParseResult r) => DatabaseTarget.From(r.GetValue(contentRoot)?.FullName, r.GetValue(provider), r.GetValue(connection));

        var migrate = new Command("migrate", CliText.Get("Cmd.Migrate"));
        migrate.SetAction((r, ct) => Guard(error, async () =>
        {
            await using var db = Source(r).Open();
            await EnsureDirectoryAsync(db);
            var pending = (await db.Context.Database.GetPendingMigrationsAsync(ct)).Count();
            await db.Context.Database.MigrateAsync(ct);
            await output.WriteLineAsync(CliText.Format("Msg.Migrated", pending));
            return Ok;
        }));

        var status = new Command("status", CliText.Get("Cmd.Status"));
        status.SetAction((r, ct) => Guard(error, async () =>
        {
            await using var db = Source(r).Open();
            var state = await MigrationStatus.ReadAsync(db.Context, ct);
            foreach (var name in state.Applied)
            {
                await output.WriteLineAsync(CliText.Format("Msg.Applied", name));
            }

            foreach (var name in state.Pending)
            {
                await output.WriteLineAsync(CliText.Format("Msg.Pending", name));
            }

            await output.WriteLineAsync(CliText.Get(state.IsCurrent ? "Msg.Current" : "Msg.NotCurrent"));
            return state.IsCurrent ? Ok : Failed;
        }));

        var backupFile = FileOption("--output");
        var backup = new Command("backup", CliText.Get("Cmd.Backup")) { backupFile };
        backup.SetAction((r, ct) => Guard(error, async () =>
        {
            var file = r.GetValue(backupFile)!;
            if (file.Exists)
            {
                await error.WriteLineAsync(CliText.Format("Err.FileExists", file.FullName));
                return Failed;
            }

            var target = Source(r);
            await DatabaseBackup.BackupAsync(target.Provider, target.ConnectionString, file.FullName, ct);
            await output.WriteLineAsync(CliText.Format("Msg.BackedUp", file.FullName));
            return Ok;
        }));

        var restoreFile = FileOption("--input");
        var restore = new Command("restore", CliText.Get("Cmd.Restore")) { restoreFile };
        restore.SetAction((r, ct) => Guard(error, async () =>
        {
            var file = r.GetValue(restoreFile)!;
            if (!file.Exists)
            {
                await error.WriteLineAsync(CliText.Format("Err.NoFile", file.FullName));
                return Failed;
            }

            var target = Source(r);
            await DatabaseBackup.RestoreAsync(target.Provider, target.ConnectionString, file.FullName, ct);
            await output.WriteLineAsync(CliText.Format("Msg.Restored", file.FullName));
            return Ok;
        }));

        var exportFile = FileOption("--output");
        var export = new Command("export", CliText.Get("Cmd.Export")) { exportFile };
        export.SetAction((r, ct) => Guard(error, async () =>
        {
            var file = r.GetValue(exportFile)!;
            if (file.Exists)
            {
                await error.WriteLineAsync(CliText.Format("Err.FileExists", file.FullName));
                return Failed;
            }

            await using var db = Source(r).Open();
            var partial = file.FullName + ".partial";
            IReadOnlyDictionary<string, int> counts;
            await using (var stream = File.Create(partial))
            {
                counts = await DataTransfer.ExportAsync(db.Context, stream, TimeProvider.System, ct);
            }

            File.Move(partial, file.FullName);
            await output.WriteLineAsync(CliText.Format("Msg.Exported", counts.Values.Sum(), counts.Count, file.FullName));
            return Ok;
        }));

        var importFile = FileOption("--input");
        var import = new Command("import", CliText.Get("Cmd.Import")) { importFile };
        import.SetAction((r, ct) => Guard(error, async () =>
        {
            var file = r.GetValue(importFile)!;
            if (!file.Exists)
            {
                await error.WriteLineAsync(CliText.Format("Err.NoFile", file.FullName));
                return Failed;
            }

            await using var db = Source(r).Open();
            await using var stream = file.OpenRead();
            await ReportImportAsync(output, await DataTransfer.ImportAsync(db.Context, stream, ct));
            return Ok;
        }));

        var toProvider = new Option<string>("--to-provider") { Description = CliText.Get("Opt.ToProvider"), Required = true };
        var toConnection = new Option<string>("--to-connection") { Description = CliText.Get("Opt.ToConnection"), Required = true };
        var copy = new Command("copy", CliText.Get("Cmd.Copy")) { toProvider, toConnection };
        copy.SetAction((r, ct) => Guard(error, async () =>
        {
            var sourceTarget = Source(r);
            var destination = DatabaseTarget.From(r.GetValue(contentRoot)?.FullName, r.GetValue(toProvider), r.GetValue(toConnection));
            using var buffer = new MemoryStream();
            await using (var from = sourceTarget.Open())
            {
                await DataTransfer.ExportAsync(from.Context, buffer, TimeProvider.System, ct);
            }

            buffer.Position = 0;
            await using var to = destination.Open();
            await EnsureDirectoryAsync(to);
            await to.Context.Database.MigrateAsync(ct);
            await ReportImportAsync(output, await DataTransfer.ImportAsync(to.Context, buffer, ct));
            return Ok;
        }));

        root.Subcommands.Add(migrate);
        root.Subcommands.Add(status);
        root.Subcommands.Add(backup);
        root.Subcommands.Add(restore);
        root.Subcommands.Add(export);
        root.Subcommands.Add(import);
        root.Subcommands.Add(copy);

        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }

    private static async Task ReportImportAsync(TextWriter output, IReadOnlyDictionary<string, int> counts)
    {
        await output.WriteLineAsync(CliText.Format("Msg.Imported", counts.Values.Sum(), counts.Count));
        foreach (var (table, count) in counts.Where(c => c.Value > 0))
        {
            await output.WriteLineAsync(CliText.Format("Msg.Table", table, count));
        }
    }

    private static Task EnsureDirectoryAsync(OpenDatabase db)
    {
        if (db.Context.Database.IsSqlite() && DataServiceCollectionExtensions.SqliteDirectory(db.Context.Database.GetConnectionString()!) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        return Task.CompletedTask;
    }

    // Expected failures become one clear line and a non-zero exit code, never a stack trace.
    private static async Task<int> Guard(TextWriter error, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (InvalidOperationException ex) when (ex is not DatabaseNotMigratedException && ex.Source is "Mokuhyo.Data" or "mokuhyo")
        {
            await error.WriteLineAsync(CliText.Format("Err.Config", ex.Message));
            return ConfigurationError;
        }
        catch (Exception ex) when (ex is DataTransferException or BackupException or DatabaseNotMigratedException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync(CliText.Format("Err.Failed", ex.Message));
            return Failed;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or DbUpdateException or ArgumentException)
        {
            await error.WriteLineAsync(CliText.Format("Err.Database", ex.Message));
            return Failed;
        }
    }
}

/// <summary>A database named by configuration and overrides.</summary>
internal sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString, IConfiguration Configuration, string ContentRoot)
{
    public static DatabaseTarget From(string? contentRoot, string? provider, string? connection)
    {
        var root = contentRoot ?? Directory.GetCurrentDirectory();
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (provider is not null)
        {
            overrides["Database:Provider"] = provider;
        }

        if (connection is not null)
        {
            overrides["ConnectionStrings:Default"] = connection;
        }

        var configuration = new ConfigurationBuilder()
            .SetBasePath(root)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
        var options = DatabaseOptions.From(configuration.GetSection(DatabaseOptions.Section));
        var connectionString = configuration.GetConnectionString("Default") is { Length: > 0 } cs
            ? cs
            : options.Provider == DatabaseProvider.Sqlite ? DataServiceCollectionExtensions.DefaultSqliteConnectionString
            : throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Default is not set.") { Source = "mokuhyo" };
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            connectionString = DataServiceCollectionExtensions.ResolveSqlitePath(connectionString, root);
        }

        return new DatabaseTarget(options.Provider, connectionString, configuration, root);
    }

    public OpenDatabase Open()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        var settings = new ConfigurationBuilder()
            .AddConfiguration(Configuration)
            .AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["Database:Provider"] = Provider.ToString(),
                ["ConnectionStrings:Default"] = ConnectionString,
            })
            .Build();
        services.AddMokuhyoData(settings, ContentRoot);
        var provider = services.BuildServiceProvider();
        var scope = provider.CreateAsyncScope();
        return new OpenDatabase(provider, scope, scope.ServiceProvider.GetRequiredService<MokuhyoDbContext>());
    }
}

/// <summary>A DbContext and the services it came from, disposed together.</summary>
internal sealed class OpenDatabase(ServiceProvider provider, AsyncServiceScope scope, MokuhyoDbContext context) : IAsyncDisposable
{
    public MokuhyoDbContext Context { get; } = context;

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
