using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Mokuhyo.Data;
using Mokuhyo.Data.DemoData;
using Mokuhyo.Domain.Reports;

// Throughput of a department's public report page under a non-default template against the same
// department under the default one: one server, one run, the two pages measured in alternating rounds.
// Usage: Mokuhyo.Bench.Templates <Mokuhyo.Web.dll> <content root> [results.md]
const int Port = 5391;
const int Workers = 8;
const int Rounds = 6;
var roundLength = TimeSpan.FromSeconds(5);
var invariant = CultureInfo.InvariantCulture;

var webDll = args[0];
var contentRoot = args[1];
var output = args.Length > 2 ? args[2] : Path.Combine("bench", "results", "templates.md");
var database = Path.Combine(Path.GetTempPath(), $"mokuhyo-bench-templates-{Guid.NewGuid():N}.db");
var connectionString = $"Data Source={database}";

// The seed department under the default format, and the same department, word for word, under a
// five-step format with two interim checks, figures and goal fields filled for every goal.
var (defaultPage, templatedPage) = await Prepare.DatabaseAsync(connectionString);

var start = new ProcessStartInfo("dotnet", [webDll, "--contentRoot", contentRoot, "--urls", $"http://127.0.0.1:{Port}"])
{
    RedirectStandardOutput = true,
    RedirectStandardError = true,
};
start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
start.Environment["Database__Provider"] = "Sqlite";
start.Environment["ConnectionStrings__Default"] = connectionString;
start.Environment["Database__SeedExampleData"] = "false";
// Production settings leave migrating to `mokuhyo migrate`; the benchmark's fresh database is migrated and seeded at start.
start.Environment["Database__MigrateOnStart"] = "true";
start.Environment["Database__SeedDemoData"] = "true";
start.Environment["Logging__LogLevel__Default"] = "Warning";
using var server = Process.Start(start) ?? throw new InvalidOperationException("The web app did not start.");
server.OutputDataReceived += (_, _) => { };
server.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
server.BeginOutputReadLine();
server.BeginErrorReadLine();

try
{
    using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Workers, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
    using var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };
    await Load.WaitUntilUpAsync(client, defaultPage);
    var defaultBytes = await Load.CheckAsync(client, defaultPage);
    var templatedBytes = await Load.CheckAsync(client, templatedPage);

    // Warm up both pages (JIT, caches) before anything is counted.
    await Load.RunAsync(client, defaultPage, Workers, TimeSpan.FromSeconds(3));
    await Load.RunAsync(client, templatedPage, Workers, TimeSpan.FromSeconds(3));

    var loadBefore = Load.Average();
    var defaults = new List<double>();
    var templated = new List<double>();
    for (var round = 0; round < Rounds; round++)
    {
        // Alternate which page goes first, so a drift in the machine's load falls on both.
        var first = round % 2 == 0;
        var a = await Load.RunAsync(client, first ? defaultPage : templatedPage, Workers, roundLength);
        var b = await Load.RunAsync(client, first ? templatedPage : defaultPage, Workers, roundLength);
        (first ? defaults : templated).Add(a);
        (first ? templated : defaults).Add(b);
        Console.WriteLine(string.Create(invariant, $"round {round + 1}: default {(first ? a : b):0} req/s, template {(first ? b : a):0} req/s"));
    }

    var loadAfter = Load.Average();
    var defaultMedian = Load.Median(defaults);
    var templatedMedian = Load.Median(templated);
    var ratio = templatedMedian / defaultMedian;
    var within = ratio >= 0.9;
    string Row(string name, string path, List<double> values, double median, long bytes) =>
        string.Create(invariant, $"| {name} | `{path}` | {bytes / 1024.0:0.0} KiB | {string.Join(", ", values.Select(v => v.ToString("0", invariant)))} | {median:0} |");

    var lines = new List<string>
    {
        "# Report page throughput under a non-default template",
        string.Empty,
        "Measured by `bench/templates/run.sh` (Release build): one Kestrel server on loopback over one SQLite database,",
        string.Create(invariant, $"{Workers} concurrent HTTP clients, {Rounds} rounds of {roundLength.TotalSeconds:0} s per page, the two pages alternating (which goes"),
        "first alternates too). Both pages show the seed department (市民生活部, 9 goals) word for word; the non-default one",
        "is published under a five-step format with two interim checks, 経営資源 figures and two goal fields filled for",
        "every goal, so it renders more than the default page.",
        string.Empty,
        "| | |",
        "|---|---|",
        string.Create(invariant, $"| date (UTC) | {DateTime.UtcNow:yyyy-MM-dd HH:mm} |"),
        string.Create(invariant, $"| processors (nproc) | {Environment.ProcessorCount} |"),
        $"| .NET | {RuntimeInformation.FrameworkDescription} |",
        $"| OS | {RuntimeInformation.OSDescription} |",
        $"| load average (1, 5, 15 min) before / after | {loadBefore} / {loadAfter} |",
        string.Empty,
        "| page | path | size | requests per second, by round | median |",
        "|---|---|---:|---|---:|",
        Row("default template", defaultPage, defaults, defaultMedian, defaultBytes),
        Row("five-step template with fields", templatedPage, templated, templatedMedian, templatedBytes),
        string.Empty,
        string.Create(invariant, $"Non-default against default: **{ratio * 100:0.0} %** of the throughput ({(within ? "within" : "NOT within")} 10 %)."),
        string.Empty,
        "The machine is shared with other work (see the load average), so single rounds vary; the medians of",
        "alternating rounds are what is compared.",
    };
    await File.WriteAllLinesAsync(output, lines);
    Console.WriteLine(string.Join(Environment.NewLine, lines));
    return within ? 0 : 1;
}
finally
{
    server.Kill(entireProcessTree: true);
    await server.WaitForExitAsync();
    SqliteConnection.ClearAllPools();
    foreach (var path in new[] { database, database + "-wal", database + "-shm" })
    {
        File.Delete(path);
    }
}

internal static class Prepare
{
    public static async Task<(string Default, string Templated)> DatabaseAsync(string connectionString)
    {
        var options = new DbContextOptionsBuilder<SqliteMokuhyoDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(options, connectionString);
        await using var db = new SqliteMokuhyoDbContext(options.Options);
        await db.Database.MigrateAsync();
        var loader = new DepartmentFileLoader(db, new ReportPublisher(db, TimeProvider.System), TimeProvider.System,
            NullLogger<DepartmentFileLoader>.Instance);
        await loader.LoadDemoDataAsync();

        // The seed file moved to another (real, valid) code and slug, under the five-step example format.
        var (name, json) = EmbeddedFiles.DemoDataFiles().Single(f => !EmbeddedFiles.IsExampleFile(f.Name));
        var file = JsonNode.Parse(json)!;
        file["municipality"]!["code"] = "202037";
        file["municipality"]!["slug"] = "bench-five-step";
        file["municipality"]!["name"] = "上田市(ベンチマーク)";
        file["format"] = "example-five-step-two-checks";
        var department = file["departments"]![0]!;
        var plan = department["plan"]!.AsObject();
        var items = new JsonArray([.. plan["basic-direction"]!.AsArray().Concat(plan["priority-policy"]!.AsArray()).Select(n => n!.DeepClone())]);
        plan.Clear();
        plan["priority-policy"] = items;
        department["figures"] = JsonNode.Parse("""{ "resources": { "staff": 120, "budget": 2345678 } }""");
        foreach (var goal in department["goals"]!.AsArray())
        {
            var title = goal!["title"]!.GetValue<string>();
            goal["fields"] = new JsonObject
            {
                ["plan"] = new JsonObject { ["current"] = $"{title}について、前年度の取組を引き継いでいます。" },
                ["year-end"] = new JsonObject { ["progress-note"] = $"{title}の進捗を、四半期ごとに確認しました。" },
            };
        }

        var bench = DepartmentFileLoader.Parse(name, file.ToJsonString(new JsonSerializerOptions(ReportJson.Options)));
        if (!await loader.LoadAsync(bench))
        {
            throw new InvalidOperationException("The benchmark department was not loaded.");
        }

        return ("/iruma/2022/shimin-seikatsu", "/bench-five-step/2022/shimin-seikatsu");
    }
}

internal static class Load
{
    public static async Task WaitUntilUpAsync(HttpClient client, string path)
    {
        var until = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < until)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The web app did not answer within two minutes.");
    }

    public static async Task<long> CheckAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).LongLength;
    }

    /// <summary>Requests per second completed by <paramref name="workers"/> clients asking for one page for a while.</summary>
    public static async Task<double> RunAsync(HttpClient client, string path, int workers, TimeSpan length)
    {
        var uri = new Uri(path, UriKind.Relative);
        var stopwatch = Stopwatch.StartNew();
        var count = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (stopwatch.Elapsed < length)
            {
                using var response = await client.GetAsync(uri);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
                }

                await response.Content.CopyToAsync(Stream.Null);
                Interlocked.Increment(ref count);
            }
        }));
        return count / stopwatch.Elapsed.TotalSeconds;
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static string Average() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
