using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data;

namespace Mokuhyo.Web.Tests.Operations;

/// <summary>
/// The built web app run as its own process (`dotnet Mokuhyo.Web.dll`) on a free port of 127.0.0.1,
/// as an operator runs it: for tests that need several nodes or a real crash.
/// </summary>
public sealed class WebNode : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    private WebNode(Process process, Uri address)
    {
        this.process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public int ProcessId => process.Id;

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>The web project's own build output, next to this test project's configuration.</summary>
    public static string WebDll
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = directory.Parent!.Name; // bin/<Configuration>/net10.0
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Mokuhyo.slnx")))
            {
                directory = directory.Parent;
            }

            var dll = Path.Combine(directory!.FullName, "src", "Mokuhyo.Web", "bin", configuration, "net10.0", "Mokuhyo.Web.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"The web app is not built: {dll}");
        }
    }

    /// <summary>Starts a node and waits until /readyz answers 200.</summary>
    public static async Task<WebNode> StartAsync(DatabaseProvider provider, string connectionString, bool migrate, bool seed = true)
    {
        var port = FreePort();
        var dll = WebDll;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");

        // Staging: production's code paths without production's HTTPS-only cookies, so plain HTTP on 127.0.0.1 works.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Database__MigrateOnStart"] = migrate ? "true" : "false";
        start.Environment["Database__SeedDemoData"] = seed ? "true" : "false";
        // The seed city alone: these tests write to its goals by number, and start faster without the example cities.
        start.Environment["Database__SeedExampleData"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");

        var node = new WebNode(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"));
        using var client = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (node.process.HasExited)
            {
                throw new InvalidOperationException($"The web node exited with code {node.process.ExitCode}:\n{node.Log}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return node;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }

            await Task.Delay(200);
        }

        await node.DisposeAsync();
        throw new TimeoutException($"The web node did not get ready:\n{node.Log}");
    }

    /// <summary>SIGKILL: no shutdown, no flush, as when the power goes.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    public static MokuhyoDbContext Context(DatabaseProvider provider, string connectionString) => provider == DatabaseProvider.Postgres
        ? new PostgresMokuhyoDbContext(new DbContextOptionsBuilder<PostgresMokuhyoDbContext>().UseNpgsql(connectionString).Options)
        : new SqliteMokuhyoDbContext(new DbContextOptionsBuilder<SqliteMokuhyoDbContext>().UseSqlite(connectionString).Options);

    public static string NewSqliteConnectionString() =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(Path.GetTempPath(), $"mokuhyo-node-{Guid.NewGuid():N}.db") }.ConnectionString;

    public static void DeleteSqlite(string connectionString)
    {
        SqliteConnection.ClearAllPools();
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        }
    }
}
