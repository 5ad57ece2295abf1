using System.Diagnostics;
using System.Globalization;
using Mokuhyo.Documents.Pdf;
using Mokuhyo.Domain.Reports;

// Measures the PDF writer on the published report the web app serves (its JSON API), so that
// bench/pdf/run.sh compares PDFsharp and headless Chromium on the same report.
//
//   Mokuhyo.Bench.Pdf --report-url URL [--iterations 20] [--warmup 3] [--departments 20] [--out DIR] [--once]
//
// Prints "key value" lines (times in ms, memory in KiB). --once writes one department PDF and exits,
// for timing a whole process from start to finish.
var options = Options.Parse(args);
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
var json = await http.GetStringAsync(new Uri(options.ReportUrl));
var report = ReportJson.Deserialize(json);
var writer = new ReportPdfWriter();
Directory.CreateDirectory(options.Out);

if (options.Once)
{
    await using var file = File.Create(Path.Combine(options.Out, "pdfsharp-once.pdf"));
    writer.WriteDepartment(report, file);
    return 0;
}

var departments = Enumerable.Range(1, options.Departments)
    .Select(n => report with
    {
        Department = report.Department with
        {
            Code = string.Create(CultureInfo.InvariantCulture, $"bench-{n}"),
            Name = string.Create(CultureInfo.InvariantCulture, $"第{n}部"),
        },
    })
    .ToList();

void Department(Stream output) => writer.WriteDepartment(report, output);
void Compendium(Stream output) => writer.WriteCompendium(report.Municipality.Name, report.FiscalYearLabel, departments, output);

Emit("rss_start_kib", PeakRssKib());
Measure("department", Department, options);
Emit("rss_after_department_kib", PeakRssKib());
Measure("compendium", Compendium, options);
Emit("rss_after_compendium_kib", PeakRssKib());
Emit("compendium_departments", options.Departments);

foreach (var (name, write) in new[] { ("pdfsharp-department.pdf", (Action<Stream>)Department), ("pdfsharp-compendium.pdf", Compendium) })
{
    await using var file = File.Create(Path.Combine(options.Out, name));
    write(file);
}

return 0;

static void Measure(string name, Action<Stream> write, Options options)
{
    for (var k = 0; k < options.Warmup; k++)
    {
        write(Stream.Null);
    }

    var times = new List<double>(options.Iterations);
    long bytes = 0;
    for (var k = 0; k < options.Iterations; k++)
    {
        using var output = new MemoryStream();
        var watch = Stopwatch.StartNew();
        write(output);
        times.Add(watch.Elapsed.TotalMilliseconds);
        bytes = output.Length;
    }

    times.Sort();
    var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
    Emit($"{name}_iterations", options.Iterations);
    Emit($"{name}_mean_ms", times.Average());
    Emit($"{name}_median_ms", median);
    Emit($"{name}_min_ms", times[0]);
    Emit($"{name}_max_ms", times[^1]);
    Emit($"{name}_bytes", bytes);
}

// VmHWM: the most memory the process has held resident, which is what a server must provision.
static long PeakRssKib()
{
    var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return line is null ? -1 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
}

static void Emit(string key, double value) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key} {value:0.###}"));

internal sealed record Options(string ReportUrl, int Iterations, int Warmup, int Departments, string Out, bool Once)
{
    public static Options Parse(string[] args)
    {
        string? url = null;
        int iterations = 20, warmup = 3, departments = 20;
        var output = ".";
        var once = false;
        for (var k = 0; k < args.Length; k++)
        {
            switch (args[k])
            {
                case "--report-url": url = args[++k]; break;
                case "--iterations": iterations = int.Parse(args[++k], CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(args[++k], CultureInfo.InvariantCulture); break;
                case "--departments": departments = int.Parse(args[++k], CultureInfo.InvariantCulture); break;
                case "--out": output = args[++k]; break;
                case "--once": once = true; break;
                default: throw new ArgumentException($"unknown argument {args[k]}");
            }
        }

        return new Options(url ?? throw new ArgumentException("--report-url is required"), iterations, warmup, departments, output, once);
    }
}
