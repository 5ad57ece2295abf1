using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mokuhyo.Data.Operations;

/// <summary>
/// Copies of the whole database in the provider's own format: SQLite's online backup (a consistent
/// copy while the app keeps running) and PostgreSQL's custom-format pg_dump, restored by pg_restore.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>The directories searched for pg_dump and pg_restore after PG_BIN and the PATH.</summary>
    private const string PostgresLibDirectory = "/usr/lib/postgresql";

    public static async Task BackupAsync(DatabaseProvider provider, string connectionString, string file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (provider == DatabaseProvider.Sqlite)
        {
            if (!File.Exists(new SqliteConnectionStringBuilder(connectionString).DataSource))
            {
                throw new BackupException($"The SQLite database {new SqliteConnectionStringBuilder(connectionString).DataSource} does not exist.");
            }

            var target = Path.GetFullPath(file);
            var temporary = target + ".partial";
            File.Delete(temporary);
            await using (var source = new SqliteConnection(connectionString))
            await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ConnectionString))
            {
                await source.OpenAsync(cancellationToken);
                await destination.OpenAsync(cancellationToken);
                source.BackupDatabase(destination);
                await using var command = destination.CreateCommand();

                // A single file, readable without its -wal beside it.
                command.CommandText = "PRAGMA journal_mode=DELETE;";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            File.Move(temporary, target, overwrite: true);
            return;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        await RunAsync(FindTool("pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", "--file", file, .. ConnectionArguments(builder)], builder, cancellationToken);
    }

    /// <summary>
    /// Restores a backup over the database. SQLite: the file is replaced by the backup's content through
    /// the backup API, so open connections see the restored database. PostgreSQL: the target must be an
    /// empty database (create it first); pg_restore runs in one transaction.
    /// </summary>
    public static async Task RestoreAsync(DatabaseProvider provider, string connectionString, string file, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(file))
        {
            throw new BackupException($"The backup file {file} does not exist.");
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString))
            {
                await source.OpenAsync(cancellationToken);
                await using var check = source.CreateCommand();
                check.CommandText = "PRAGMA integrity_check;";
                if (await check.ExecuteScalarAsync(cancellationToken) is not "ok")
                {
                    throw new BackupException($"The backup {file} is not an intact SQLite database.");
                }

                var directory = DataServiceCollectionExtensions.SqliteDirectory(connectionString);
                if (directory is not null)
                {
                    Directory.CreateDirectory(directory);
                }

                await using var destination = new SqliteConnection(connectionString);
                await destination.OpenAsync(cancellationToken);
                source.BackupDatabase(destination);
            }

            SqliteConnection.ClearAllPools();
            return;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        await RunAsync(FindTool("pg_restore"), ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", .. ConnectionArguments(builder), file], builder, cancellationToken);
    }

    /// <summary>pg_dump or pg_restore: PG_BIN, then the PATH, then the newest /usr/lib/postgresql/*/bin.</summary>
    public static string FindTool(string name)
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } pgBin)
        {
            candidates.Add(Path.Combine(pgBin, name));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, name)));
        if (Directory.Exists(PostgresLibDirectory))
        {
            candidates.AddRange(Directory.GetDirectories(PostgresLibDirectory)
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin", name)));
        }

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new BackupException($"{name} was not found (PG_BIN, PATH, {PostgresLibDirectory}/*/bin): install the PostgreSQL client (postgresql-client) of the server's version or newer.");
    }

    private static IEnumerable<string> ConnectionArguments(NpgsqlConnectionStringBuilder builder) =>
    [
        "--host", builder.Host ?? "localhost",
        "--port", builder.Port.ToString(CultureInfo.InvariantCulture),
        "--username", builder.Username ?? Environment.UserName,
        "--dbname", builder.Database ?? throw new BackupException("The PostgreSQL connection string names no Database."),
    ];

    private static async Task RunAsync(string tool, IEnumerable<string> arguments, NpgsqlConnectionStringBuilder builder, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The password goes through the environment, never the command line (visible in ps).
        if (!string.IsNullOrEmpty(builder.Password))
        {
            start.Environment["PGPASSWORD"] = builder.Password;
        }

        start.Environment["PGCONNECT_TIMEOUT"] = "10";
        using var process = Process.Start(start) ?? throw new BackupException($"{tool} could not be started.");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new BackupException($"{Path.GetFileName(tool)} failed (exit code {process.ExitCode}): {(await stderr).Trim()} {(await stdout).Trim()}".Trim());
        }
    }
}

/// <summary>A backup or restore that could not be made; the message says why, for the operator.</summary>
public sealed class BackupException(string message) : Exception(message);
