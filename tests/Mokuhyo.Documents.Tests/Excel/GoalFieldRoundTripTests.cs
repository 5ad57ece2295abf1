using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data;
using Mokuhyo.Documents.Excel;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Tests.Common;

namespace Mokuhyo.Documents.Tests.Excel;

/// <summary>The format's own goal fields go out on the sheet 様式の項目 and come back exactly, for every example format and phase.</summary>
public sealed class GoalFieldRoundTripTests
{
    private const string Marker = "(髙﨑𠮷)";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> ExamplePhases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, phase) in AllExamplePhases())
        {
            data.Add(name, phase);
        }

        return data;
    }

    private static IEnumerable<(string Name, string Phase)> AllExamplePhases() =>
        ExampleFacts.All.Where(f => f.Format.GoalFields.Count > 0).SelectMany(f => f.Format.Phases.Select(p => (f.Name, p.Key)));

    [Theory]
    [MemberData(nameof(ExamplePhases))]
    public async Task Export_then_import_gives_back_every_field_value_of_the_phase_exactly(string name, string phaseKey)
    {
        var (db, path) = await SeedReport.NewDatabaseAsync(withDemoData: false);
        try
        {
            Assert.Equal(ExampleFacts.All.Count, await SeedReport.Loader(db).LoadExampleDataAsync(Ct));
            await RoundTripAsync(db, ExampleFacts.Named(name), phaseKey);
        }
        finally
        {
            await db.DisposeAsync();
            SeedReport.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task On_postgresql_every_example_phase_round_trips_too()
    {
        TestPostgres.SkipIfUnavailable();
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        try
        {
            var options = new DbContextOptionsBuilder<PostgresMokuhyoDbContext>();
            DataServiceCollectionExtensions.ConfigurePostgres(options, connectionString);
            await using var db = new PostgresMokuhyoDbContext(options.Options);
            await db.Database.MigrateAsync(Ct);
            Assert.Equal(ExampleFacts.All.Count, await SeedReport.Loader(db).LoadExampleDataAsync(Ct));
            foreach (var (name, phase) in AllExamplePhases())
            {
                await RoundTripAsync(db, ExampleFacts.Named(name), phase);
            }
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task RoundTripAsync(MokuhyoDbContext db, ExampleFacts facts, string phaseKey)
    {
        var phase = facts.Format.FindPhase(phaseKey)!;
        var department = await db.OrgUnits.AsNoTracking().Join(db.ReportingYears.Where(y => y.Municipality!.Slug == facts.Slug && y.Year == facts.Year),
            u => u.ReportingYearId, y => y.Id, (u, _) => u).SingleAsync(u => u.Code == facts.Department.Unit, Ct);

        // Text fields carry characters that must never be normalised, so a value read back is the value written.
        var values = await db.GoalFieldValues.Where(v => db.Goals.Any(g => g.Id == v.GoalId && g.DepartmentId == department.Id)).ToListAsync(Ct);
        foreach (var value in values.Where(v => facts.Format.FindGoalField(v.FieldKey)!.Kind is GoalFieldKind.Text or GoalFieldKind.Paragraph or GoalFieldKind.List))
        {
            value.Value += Marker;
        }

        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();
        var expected = await FieldValuesAsync(db, department.Id);
        var edited = GoalFieldRules.EditedIn(facts.Format, phase).Where(f => f.ShowsIn(FormatOutput.Excel)).Select(f => f.Key).ToList();
        var read = expected.Where(v => edited.Contains(v.FieldKey) && v.PhaseKey == GoalFieldRules.PhaseKeyOf(facts.Format.FindGoalField(v.FieldKey)!, facts.Format, phase)).ToList();

        using var workbook = new MemoryStream();
        WorkbookExporter.Write([await DraftReports.BuildAsync(db, department.Id, phaseKey, TimeProvider.System, Ct)], workbook);

        // Emptied before the import, so that what is there afterwards can only have come from the workbook.
        var emptied = await db.GoalFieldValues.Where(v => db.Goals.Any(g => g.Id == v.GoalId && g.DepartmentId == department.Id)).ToListAsync(Ct);
        db.GoalFieldValues.RemoveRange(emptied.Where(v => read.Any(r => r.FieldKey == v.FieldKey && r.PhaseKey == v.PhaseKey)));
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();

        workbook.Position = 0;
        var result = await WorkbookImporter.ImportAsync(workbook, db, facts.Slug, facts.Year, phaseKey, Ct);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Text)));
        Assert.Equal(expected, await FieldValuesAsync(db, department.Id));
        Assert.All(read, v => Assert.True(v.Value.Contains(Marker, StringComparison.Ordinal)
            || facts.Format.FindGoalField(v.FieldKey)!.Kind is GoalFieldKind.Date or GoalFieldKind.Rating, v.Value));
    }

    [Fact]
    public async Task A_field_value_too_long_or_an_unknown_level_is_refused_at_its_cell_and_nothing_is_written()
    {
        var facts = ExampleFacts.All.Single(f => f.Format.GoalFields.Any(g => g.Kind == GoalFieldKind.Rating));
        var phase = facts.Format.Phases[^1];
        var (db, path) = await SeedReport.NewDatabaseAsync(withDemoData: false);
        try
        {
            await SeedReport.Loader(db).LoadExampleDataAsync(Ct);
            var department = await db.OrgUnits.AsNoTracking().Join(db.ReportingYears.Where(y => y.Municipality!.Slug == facts.Slug && y.Year == facts.Year),
                u => u.ReportingYearId, y => y.Id, (u, _) => u).SingleAsync(u => u.Code == facts.Department.Unit, Ct);
            using var exported = new MemoryStream();
            WorkbookExporter.Write([await DraftReports.BuildAsync(db, department.Id, phase.Key, TimeProvider.System, Ct)], exported);
            var cells = WorkbookCells.Read(exported.ToArray())[WorkbookTemplate.FieldSheet];
            var rating = facts.Format.GoalFields.First(f => f.Kind == GoalFieldKind.Rating && f.Column == GoalFieldColumn.Result);
            var paragraph = facts.Format.GoalFields.First(f => f.Kind == GoalFieldKind.Paragraph && f.Column == GoalFieldColumn.Result);
            int RowOf(string key) => cells.First(c => c.Column == "C" && c.Value == key).Row;
            var edited = WorkbookEditor.EditSheet(exported.ToArray(), WorkbookTemplate.FieldSheet, sheet =>
            {
                WorkbookEditor.SetText(sheet, $"F{RowOf(rating.Key)}", "Z");
                WorkbookEditor.SetText(sheet, $"F{RowOf(paragraph.Key)}", new string('髙', 4001));
            });
            var before = await FieldValuesAsync(db, department.Id);

            var result = await WorkbookImporter.ImportAsync(new MemoryStream(edited), db, facts.Slug, facts.Year, phase.Key, Ct);

            Assert.False(result.Succeeded);
            var texts = result.Errors.Select(e => e.Text).ToList();
            Assert.Contains(texts, t => t.Contains($"「様式の項目」シート {RowOf(rating.Key)}行目 F列", StringComparison.Ordinal) && t.Contains(rating.Label, StringComparison.Ordinal));
            Assert.Contains(texts, t => t.Contains($"「様式の項目」シート {RowOf(paragraph.Key)}行目 F列", StringComparison.Ordinal)
                && t.Contains($"{paragraph.Label}は4000文字以内", StringComparison.Ordinal));
            Assert.Equal(before, await FieldValuesAsync(db, department.Id));
        }
        finally
        {
            await db.DisposeAsync();
            SeedReport.DeleteDatabase(path);
        }
    }

    private static Task<List<(int Goal, string PhaseKey, string FieldKey, string Value)>> FieldValuesAsync(MokuhyoDbContext db, Guid departmentId) =>
        db.GoalFieldValues.AsNoTracking()
            .Join(db.Goals.Where(g => g.DepartmentId == departmentId), v => v.GoalId, g => g.Id, (v, g) => new { g.Number, v.PhaseKey, v.FieldKey, v.Value })
            .ToListAsync(Ct)
            .ContinueWith(t => t.Result.Select(v => (v.Number, v.PhaseKey, v.FieldKey, v.Value)).OrderBy(v => v.Number).ThenBy(v => v.PhaseKey, StringComparer.Ordinal)
                .ThenBy(v => v.FieldKey, StringComparer.Ordinal).ToList(), TaskScheduler.Default);
}
