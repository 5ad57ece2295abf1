using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;

// Readers and editors together against one running node for a while: server errors, latency per kind of
// request and the server's peak resident memory, written as Markdown.
// Usage: Mokuhyo.Bench.Load <base url> <server pid> <sqlite connection string> <seconds> <readers> <editors> <output.md>
if (args.Length != 7)
{
    Console.Error.WriteLine("usage: Mokuhyo.Bench.Load <base url> <server pid> <sqlite connection string> <seconds> <readers> <editors> <output.md>");
    return 2;
}

var baseUrl = new Uri(args[0]);
var pid = int.Parse(args[1], CultureInfo.InvariantCulture);
var connectionString = args[2];
var seconds = int.Parse(args[3], CultureInfo.InvariantCulture);
var readers = int.Parse(args[4], CultureInfo.InvariantCulture);
var editors = int.Parse(args[5], CultureInfo.InvariantCulture);
var output = args[6];

string token;
await using (var db = new SqliteMokuhyoDbContext(new DbContextOptionsBuilder<SqliteMokuhyoDbContext>().UseSqlite(connectionString).Options))
{
    var editor = await db.Users.SingleAsync(u => u.Email == "shimin-seikatsu@iruma.example.jp");
    token = (await new AccessTokens(db, TimeProvider.System).CreateAsync(editor.Id, "load bench", TokenScope.Write, null)).Text;
}

string[] readPaths =
[
    "/", "/iruma", "/iruma/2022", "/iruma/2022/shimin-seikatsu", "/sitemap.xml",
    "/api/v1/municipalities/iruma/years/2022/departments/shimin-seikatsu/report",
    "/api/v1/municipalities/iruma/years/2022/goals",
    "/iruma/2022/shimin-seikatsu/report.pdf",
];
(int Goal, int Indicator)[] targets = [(1, 1), (4, 1), (6, 1), (6, 2), (9, 1)];

var samples = new ConcurrentDictionary<string, ConcurrentBag<double>>(StringComparer.Ordinal);
var statuses = new ConcurrentDictionary<int, int>();
var serverErrors = new ConcurrentBag<string>();
var transportErrors = 0;
var conflicts = 0;
var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
long peakRssKiB = 0;
var loadBefore = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg")[..14] : "";

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = readers + editors + 2 }) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };

void Record(string kind, double ms, HttpStatusCode status, string path)
{
    samples.GetOrAdd(kind, _ => []).Add(ms);
    statuses.AddOrUpdate((int)status, 1, (_, n) => n + 1);
    if ((int)status >= 500)
    {
        serverErrors.Add($"{(int)status} {path}");
    }
}

async Task ReaderAsync(int seed)
{
    var random = new Random(seed);
    while (!stop.IsCancellationRequested)
    {
        var path = readPaths[random.Next(readPaths.Length)];
        var kind = path.EndsWith(".pdf", StringComparison.Ordinal) ? "read: PDF" : path.StartsWith("/api/", StringComparison.Ordinal) ? "read: API" : "read: page";
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead, CancellationToken.None);
            await response.Content.ReadAsByteArrayAsync();
            Record(kind, watch.Elapsed.TotalMilliseconds, response.StatusCode, path);
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref transportErrors);
        }
    }
}

async Task EditorAsync(int index)
{
    var (goal, indicator) = targets[index % targets.Length];
    var path = $"/api/v1/staff/years/2022/departments/shimin-seikatsu/goals/{goal}/indicators/{indicator}/actuals/interim";
    long version = 0;
    var n = 0;
    while (!stop.IsCancellationRequested)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(path, UriKind.Relative))
        {
            Content = JsonContent.Create(new { value = 1000 + (++n), asOf = "2022-10-01", version }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, CancellationToken.None);
            var body = await response.Content.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>();
            Record("edit: staff API save", watch.Elapsed.TotalMilliseconds, response.StatusCode, path);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                version = body!["version"].GetInt64();
            }
            else if (response.StatusCode == HttpStatusCode.Conflict)
            {
                // Two editors on one indicator: the second reloads, as a person would.
                Interlocked.Increment(ref conflicts);
                version = body!["currentVersion"].GetInt64();
            }
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref transportErrors);
        }
    }
}

async Task SampleMemoryAsync()
{
    while (!stop.IsCancellationRequested)
    {
        peakRssKiB = Math.Max(peakRssKiB, ReadStatus(pid, "VmRSS:"));
        await Task.Delay(250, CancellationToken.None);
    }
}

static long ReadStatus(int pid, string field)
{
    try
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
    catch (IOException)
    {
        return 0;
    }
}

var readyRssKiB = ReadStatus(pid, "VmRSS:");
var started = DateTime.UtcNow;
var cpuBefore = ProcessCpu(pid);
await Task.WhenAll([
    .. Enumerable.Range(0, readers).Select(i => ReaderAsync(i)),
    .. Enumerable.Range(0, editors).Select(EditorAsync),
    SampleMemoryAsync(),
]);
var elapsed = DateTime.UtcNow - started;
var hwm = ReadStatus(pid, "VmHWM:");
var cpuAfter = ProcessCpu(pid);

static double ProcessCpu(int pid)
{
    // utime + stime in clock ticks (fields 14 and 15 of /proc/<pid>/stat), 100 per second on Linux.
    var stat = File.ReadAllText($"/proc/{pid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
}

static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

var report = new StringBuilder();
var inv = CultureInfo.InvariantCulture;
report.AppendLine("# Load: readers and editors against one node");
report.AppendLine();
report.AppendLine("Measured by `bench/load/run.sh` (Release build, SQLite with the demo data, one web process on 127.0.0.1).");
report.AppendLine("Readers fetch public pages, the sitemap, the JSON API and the report PDF at random; editors save");
report.AppendLine("indicator actuals through the staff API with a personal access token (several editors share an");
report.AppendLine("indicator, so some saves are refused with 409 and retried, as a person would reload).");
report.AppendLine();
report.AppendLine("| | |");
report.AppendLine("|---|---|");
report.AppendLine(inv, $"| date (UTC) | {started:yyyy-MM-dd HH:mm} |");
report.AppendLine(inv, $"| processors (nproc) | {Environment.ProcessorCount} |");
report.AppendLine(inv, $"| duration | {elapsed.TotalSeconds:0} s |");
report.AppendLine(inv, $"| concurrent readers / editors | {readers} / {editors} |");
report.AppendLine(inv, $"| load average before / after | {loadBefore} / {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg")[..14] : "")} |");
report.AppendLine(inv, $"| requests | {samples.Values.Sum(s => s.Count):N0} ({samples.Values.Sum(s => s.Count) / elapsed.TotalSeconds:0.0} per second) |");
report.AppendLine(inv, $"| server CPU seconds | {cpuAfter - cpuBefore:0.0} |");
report.AppendLine(inv, $"| responses by status | {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value:N0}"))} |");
report.AppendLine(inv, $"| **server errors (5xx)** | **{serverErrors.Count}** |");
report.AppendLine(inv, $"| connection errors | {transportErrors} |");
report.AppendLine(inv, $"| edit conflicts (409, retried) | {conflicts:N0} |");
report.AppendLine();
report.AppendLine("| kind | requests | p50 ms | p99 ms | max ms |");
report.AppendLine("|---|---:|---:|---:|---:|");
foreach (var (kind, bag) in samples.OrderBy(s => s.Key, StringComparer.Ordinal))
{
    var sorted = bag.Order().ToList();
    report.AppendLine(inv, $"| {kind} | {sorted.Count:N0} | {Percentile(sorted, 0.50):0.0} | {Percentile(sorted, 0.99):0.0} | {sorted[^1]:0.0} |");
}

report.AppendLine();
report.AppendLine("| server memory | MiB |");
report.AppendLine("|---|---:|");
report.AppendLine(inv, $"| resident set when ready, before the load (VmRSS) | {readyRssKiB / 1024.0:0} |");
report.AppendLine(inv, $"| peak resident set (/proc/<pid>/status VmHWM) | {hwm / 1024.0:0} ({hwm * 1024 / 1_000_000.0:0} MB) |");
report.AppendLine(inv, $"| highest sampled VmRSS (every 250 ms) | {peakRssKiB / 1024.0:0} |");
report.AppendLine();
report.AppendLine("Target: no server error, and the server's peak resident set under 300 MiB (as /proc counts, in KiB) with the demo data.");
if (!serverErrors.IsEmpty)
{
    report.AppendLine();
    report.AppendLine("Server errors: " + string.Join(", ", serverErrors.Distinct().Take(10)));
}

await File.WriteAllTextAsync(output, report.ToString());
Console.Write(report);
// VmHWM is in KiB: the limit is 300 MiB.
return serverErrors.IsEmpty && hwm < 300 * 1024 ? 0 : 1;
