using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data;
using Mokuhyo.Documents.Excel;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Reports;

// Imports a generated workbook of 20 departments × 100 goals into a fresh SQLite database and writes
// the measured speed and memory to a Markdown file. Usage: Mokuhyo.Bench.Import [results.md]
const int Departments = 20;
const int GoalsPerDepartment = 100;
const string Slug = "bench";
const int Year = 2022;
const string Phase = "year-end";

var output = args.Length > 0 ? args[0] : Path.Combine("bench", "results", "excel-import.md");
var invariant = CultureInfo.InvariantCulture;

var loadBefore = Bench.LoadAverage();
var generate = Stopwatch.StartNew();
var created = Workbook.Generate(Departments, GoalsPerDepartment, revision: 1);
var updated = Workbook.Generate(Departments, GoalsPerDepartment, revision: 2);
generate.Stop();
Console.WriteLine(string.Create(invariant, $"workbook: {created.Length / 1024.0:0} KiB, generated in {generate.Elapsed.TotalSeconds:0.00} s"));

// The first import of the process pays for JIT compilation and EF Core's model building: measured apart.
var cold = await Bench.ImportIntoFreshDatabaseAsync(created, Departments, Slug, Year, Phase, updateWith: null);
var warm = await Bench.ImportIntoFreshDatabaseAsync(created, Departments, Slug, Year, Phase, updateWith: updated);

var goals = Departments * GoalsPerDepartment;
var loadAfter = Bench.LoadAverage();
var peakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64;
var vmHwm = Bench.VmHwmKiB();
var lines = new List<string>
{
    "# Excel import benchmark",
    string.Empty,
    "Measured by `bench/excel/run.sh` (Release build). Each import reads, checks and writes the whole workbook",
    "in one transaction into a fresh SQLite file database whose units were created beforehand.",
    string.Empty,
    "| | |",
    "|---|---|",
    string.Create(invariant, $"| date (UTC) | {DateTime.UtcNow:yyyy-MM-dd HH:mm} |"),
    string.Create(invariant, $"| processors (nproc) | {Environment.ProcessorCount} |"),
    $"| .NET | {RuntimeInformation.FrameworkDescription} |",
    $"| OS | {RuntimeInformation.OSDescription} |",
    $"| load average (1, 5, 15 min) before / after | {loadBefore} / {loadAfter} |",
    string.Create(invariant, $"| workbook | {Departments} departments × {GoalsPerDepartment} goals = {goals} goals, {goals * 2} indicators, {goals * 2} result blocks, {Departments * 6} plan items; {created.Length / 1024.0:0} KiB |"),
    string.Empty,
    "| run | wall seconds | goals per second | process CPU seconds |",
    "|---|---:|---:|---:|",
    Row("first import in the process (cold: JIT, EF model)", cold.Create, goals),
    Row("import into empty drafts (create)", warm.Create, goals),
    Row("import of the edited workbook over them (update every goal)", warm.Update!.Value, goals),
    string.Empty,
    "| memory | MiB |",
    "|---|---:|",
    string.Create(invariant, $"| peak working set (Process.PeakWorkingSet64) | {peakWorkingSet / 1048576.0:0} |"),
    vmHwm is { } hwm ? string.Create(invariant, $"| peak resident set (/proc/self/status VmHWM) | {hwm / 1024.0:0} |") : "| peak resident set (VmHWM) | not available |",
    string.Empty,
    "Target: at least 1,000 goals per second on the 2-core machine. Goals per second are by wall time; the",
    "CPU seconds (all threads of the process during the import) show the cost when other work shares the",
    "machine, as the load average tells. The peak memory is the whole process's (both workbooks generated",
    "in memory, three imports).",
};

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllLinesAsync(output, lines);
foreach (var line in lines)
{
    Console.WriteLine(line);
}

static string Row(string name, Measured run, int goals) =>
    string.Create(CultureInfo.InvariantCulture, $"| {name} | {run.Wall.TotalSeconds:0.000} | {goals / run.Wall.TotalSeconds:#,0} | {run.Cpu.TotalSeconds:0.000} |");

internal readonly record struct Measured(TimeSpan Wall, TimeSpan Cpu);

internal static class Bench
{
    public static async Task<(Measured Create, Measured? Update)> ImportIntoFreshDatabaseAsync(byte[] workbook, int departments,
        string slug, int year, string phase, byte[]? updateWith)
    {
        var file = Path.Combine(Path.GetTempPath(), $"mokuhyo-bench-{Guid.NewGuid():N}.db");
        try
        {
            await using (var setup = Open(file))
            {
                await setup.Database.MigrateAsync();
                await Workbook.CreateUnitsAsync(setup, departments, slug, year);
            }

            Measured create;
            await using (var db = Open(file))
            {
                create = await TimeImportAsync(db, workbook, slug, year, phase);
            }

            Measured? update = null;
            if (updateWith is not null)
            {
                await using var db = Open(file);
                update = await TimeImportAsync(db, updateWith, slug, year, phase);
            }

            return (create, update);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    private static async Task<Measured> TimeImportAsync(MokuhyoDbContext db, byte[] workbook, string slug, int year, string phase)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = await WorkbookImporter.ImportAsync(new MemoryStream(workbook), db, slug, year, phase);
        watch.Stop();
        process.Refresh();
        cpu = process.TotalProcessorTime - cpu;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors.Take(10).Select(e => e.Text)));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import: {watch.Elapsed.TotalSeconds:0.000} s (CPU {cpu.TotalSeconds:0.000} s), created {result.GoalsCreated}, updated {result.GoalsUpdated}, deleted {result.DeletedGoals.Count}"));
        return new Measured(watch.Elapsed, cpu);
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "not available";

    private static SqliteMokuhyoDbContext Open(string file)
    {
        var options = new DbContextOptionsBuilder<SqliteMokuhyoDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(options, $"Data Source={file}");
        return new SqliteMokuhyoDbContext(options.Options);
    }

    public static long? VmHwmKiB()
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path))
        {
            return null;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line["VmHWM:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
    }
}

/// <summary>The generated year: its units (written to the database before import) and its reports (exported to a workbook).</summary>
internal static class Workbook
{
    private const int DivisionsPerDepartment = 5;

    public static string DepartmentCode(int d) => string.Create(CultureInfo.InvariantCulture, $"dept-{d:00}");

    public static string DivisionCode(int d, int k) => string.Create(CultureInfo.InvariantCulture, $"dept-{d:00}-div-{k}");

    public static Municipality Municipality(string slug) => new() { Code = "112259", Slug = slug, Name = "ベンチ市" };

    public static async Task CreateUnitsAsync(MokuhyoDbContext db, int departments, string slug, int year)
    {
        var municipality = Municipality(slug);
        var format = new FormatVersion { MunicipalityId = municipality.Id, Number = 1, Json = EmbeddedFiles.ReadTemplateJson("default"), CreatedAt = DateTimeOffset.UtcNow };
        var reportingYear = new ReportingYear { MunicipalityId = municipality.Id, Year = year, FormatVersionId = format.Id };
        db.AddRange(municipality, format, reportingYear);
        db.OrgUnits.AddRange(Units(departments, reportingYear.Id).Values.SelectMany(u => u));
        await db.SaveChangesAsync();
    }

    private static Dictionary<int, List<OrgUnit>> Units(int departments, Guid yearId)
    {
        var units = new Dictionary<int, List<OrgUnit>>();
        var order = 0;
        for (var d = 1; d <= departments; d++)
        {
            var department = new OrgUnit
            {
                ReportingYearId = yearId,
                Code = DepartmentCode(d),
                Name = string.Create(CultureInfo.InvariantCulture, $"第{d}部"),
                Kind = "部",
                IsReportingUnit = true,
                SortOrder = order++,
                HeadTitle = string.Create(CultureInfo.InvariantCulture, $"第{d}部長"),
                HeadName = "入間 太郎",
            };
            units[d] = [department];
            for (var k = 1; k <= DivisionsPerDepartment; k++)
            {
                units[d].Add(new OrgUnit
                {
                    ReportingYearId = yearId,
                    ParentId = department.Id,
                    Code = DivisionCode(d, k),
                    Name = string.Create(CultureInfo.InvariantCulture, $"第{d}部第{k}課"),
                    Kind = "課",
                    SortOrder = order++,
                });
            }
        }

        return units;
    }

    /// <summary>The workbook of the year; revision 2 changes every goal's title and actuals.</summary>
    public static byte[] Generate(int departments, int goalsPerDepartment, int revision)
    {
        var format = FormatJson.Parse(EmbeddedFiles.ReadTemplateJson("default")).Format!;
        var municipality = Municipality("bench");
        var year = new FiscalYear(2022);
        var units = Units(departments, Guid.NewGuid());
        var all = units.Values.SelectMany(u => u).ToList();
        var reports = new List<DepartmentReport>();
        for (var d = 1; d <= departments; d++)
        {
            var department = units[d][0];
            var plan = new List<PlanItem>();
            foreach (var section in format.PlanSections)
            {
                for (var i = 1; i <= 3; i++)
                {
                    plan.Add(new PlanItem { OrgUnitId = department.Id, SectionKey = section.Key, Ordinal = i, Text = $"{section.Title}の{i}番目の項目です。市民が安心してくらせるまちづくりを進めます。" });
                }
            }

            var goals = Enumerable.Range(1, goalsPerDepartment).Select(n => Goal(department, units[d], n, revision)).ToList();
            reports.Add(DepartmentReportBuilder.Build(new DepartmentReportSource
            {
                Municipality = municipality,
                FiscalYear = year,
                Format = format,
                Phase = format.FindPhase("year-end")!,
                Department = department,
                Units = all,
                PlanItems = plan,
                Goals = goals,
                Revision = 1,
                PublishedAt = DateTimeOffset.UtcNow,
                EvaluatedOn = year.LastDay,
            }));
        }

        using var stream = new MemoryStream();
        WorkbookExporter.Write(reports, stream);
        return stream.ToArray();
    }

    private static Goal Goal(OrgUnit department, List<OrgUnit> units, int n, int revision)
    {
        var inv = CultureInfo.InvariantCulture;
        var lead = units[1 + (n % DivisionsPerDepartment)];
        var co = units[1 + ((n + 1) % DivisionsPerDepartment)];
        var goal = new Goal
        {
            DepartmentId = department.Id,
            Number = n,
            Title = string.Create(inv, $"目標{n}: 地域コミュニティの活性化と多文化共生の推進{(revision > 1 ? "(改訂)" : string.Empty)}"),
            Body =
            [
                "地域コミュニティの中核を担う区・自治会との連携により、継続した自治会活動の支援、地区センター設置を見据えた地域コミュニティの維持・発展・再構築と自治会加入促進の充実に努めます。",
                "多文化共生社会の実現に向けて、地域社会でともに助け合うため、市国際交流協会と連携し、「やさしい日本語」の普及を図ります。",
            ],
            PlannedActions = ["市民、職員向けに研修や講座の実施", "外国人向けに市公式ホームページで発信", "広報いるまで記事の掲載"],
            PlanReferences = ["第6次入間市総合計画"],
            LeadUnitId = lead.Id,
        };
        goal.CoUnits.Add(new GoalCoUnit { GoalId = goal.Id, OrgUnitId = co.Id, Ordinal = 1 });
        var numeric = new Indicator
        {
            GoalId = goal.Id,
            Ordinal = 1,
            Name = "講座、講演会の定員数に対する参加者数の割合",
            Kind = IndicatorKind.Numeric,
            Unit = "%",
            TargetValue = 70,
            Direction = TargetDirection.AtLeast,
            BaselineValue = 55.5m,
            BaselineAsOf = new DateOnly(2022, 3, 31),
        };
        numeric.Actuals.Add(new IndicatorActual { IndicatorId = numeric.Id, PhaseKey = "year-end", Value = 50 + (n % 40) + revision, AsOf = new DateOnly(2023, 3, 31) });
        var output = new Indicator { GoalId = goal.Id, Ordinal = 2, Name = "自治会加入世帯数", Kind = IndicatorKind.Output, Unit = "世帯" };
        output.Actuals.Add(new IndicatorActual { IndicatorId = output.Id, PhaseKey = "year-end", Value = 40000 + n + revision, AsOf = new DateOnly(2022, 10, 1) });
        goal.Indicators.AddRange([numeric, output]);
        var result = new GoalResult { GoalId = goal.Id, PhaseKey = "year-end" };
        result.Blocks.Add(new ResultBlock
        {
            Ordinal = 1,
            Kind = ResultBlockKind.Paragraph,
            Text = "自治会活動の維持・発展を図るため、外部人材による地域づくりコーディネーターを登用し、入間市連合区長会と連携して自治会活性化、地域課題解決の支援に取り組みました。",
        });
        result.Blocks.Add(new ResultBlock
        {
            Ordinal = 2,
            Kind = ResultBlockKind.BulletList,
            Heading = "実施した講座",
            Items = ["男女共同参画セミナー(性教育講座)", "魅力アップセミナー", "女性応援講座(アサーショントレーニング)"],
        });
        goal.Results.Add(result);
        return goal;
    }
}
