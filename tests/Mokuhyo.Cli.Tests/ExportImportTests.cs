using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using Mokuhyo.Data.Operations;

namespace Mokuhyo.Cli.Tests;

public class ExportImportTests
{
    [Fact]
    public void The_export_covers_every_table_and_column_of_the_model()
    {
        var options = new DbContextOptionsBuilder<SqliteMokuhyoDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new SqliteMokuhyoDbContext(options);
        var tables = DataTransfer.Tables(db.Model).ToDictionary(t => t.Name, StringComparer.Ordinal);

        var missing = new List<string>();
        foreach (var entityType in db.Model.GetEntityTypes().Where(e => !DerivedData.IsDerived(e)))
        {
            var table = entityType.GetTableName();
            Assert.True(table is not null, $"{entityType.DisplayName()} is mapped to no table: the export would not see it.");
            var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
            if (!tables.TryGetValue(table, out var exported))
            {
                missing.Add($"{entityType.DisplayName()} (table {table})");
                continue;
            }

            foreach (var property in entityType.GetProperties())
            {
                var column = property.GetColumnName(store);
                if (column is not null && exported.Columns.All(c => c.Name != column))
                {
                    missing.Add($"{entityType.DisplayName()}.{property.Name} (column {table}.{column})");
                }
            }
        }

        Assert.Empty(missing);
        Assert.Contains("AspNetUsers", tables.Keys);
        Assert.Contains("DataProtectionKeys", tables.Keys);
        Assert.Contains("ResultBlock", tables.Keys);
        Assert.Contains("GoalCoUnit", tables.Keys);

        // Principals come before their dependents, so the import never breaks a foreign key.
        var order = DataTransfer.Tables(db.Model).Select((t, i) => (t.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        foreach (var fk in db.Model.GetRelationalModel().Tables.SelectMany(t => t.ForeignKeyConstraints).Where(f => f.PrincipalTable != f.Table))
        {
            Assert.True(order[fk.PrincipalTable.Name] < order[fk.Table.Name], $"{fk.PrincipalTable.Name} must come before {fk.Table.Name}");
        }
    }

    [Fact]
    public async Task A_SQLite_export_imported_into_a_new_SQLite_database_exports_the_same_fields()
    {
        await using var source = await Database.CreateAsync(DatabaseProvider.Sqlite);
        await using var target = await Database.CreateAsync(DatabaseProvider.Sqlite);
        await source.FillAsync();

        var first = await ExportAsync(source);
        Assert.Equal(0, (await target.RunAsync("migrate")).Code);
        var imported = await target.RunAsync("import", "--input", first);
        Assert.True(imported.Code == 0, imported.Error);
        var second = await ExportAsync(target);

        AssertSameData(first, second);
        await AssertCountsMatchAsync(source, first);
    }

    [Fact]
    public async Task Moving_from_SQLite_to_PostgreSQL_with_one_command_keeps_every_field()
    {
        await using var target = await Database.CreateAsync(DatabaseProvider.Postgres);
        await using var source = await Database.CreateAsync(DatabaseProvider.Sqlite);
        await source.FillAsync();
        var first = await ExportAsync(source);

        var copied = await source.RunAsync("copy", "--to-provider", "Postgres", "--to-connection", target.ConnectionString);
        Assert.True(copied.Code == 0, copied.Error);
        var second = await ExportAsync(target);

        AssertSameData(first, second);
        using (var exported = JsonDocument.Parse(await File.ReadAllTextAsync(second, TestContext.Current.CancellationToken)))
        {
            var goals = exported.RootElement.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Goals");
            Assert.Contains(goals.GetProperty("rows").EnumerateArray().SelectMany(r => r.EnumerateArray()),
                v => v.ValueKind == JsonValueKind.String && v.GetString() == Database.ExactText);
        }

        // The sequences were moved past the imported rows: the next audit entry gets a new id.
        await using var services = target.Services();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MokuhyoDbContext>();
        var goal = await db.Goals.OrderBy(g => g.Number).FirstAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Database.ExactText, goal.Title);
        var before = await db.AuditEntries.CountAsync(TestContext.Current.CancellationToken);
        goal.Title = Database.ExactText + "2";
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        Assert.True(await db.AuditEntries.CountAsync(TestContext.Current.CancellationToken) > before);
    }

    [Fact]
    public async Task An_import_into_a_database_that_has_data_is_refused_and_writes_nothing()
    {
        await using var source = await Database.CreateAsync(DatabaseProvider.Sqlite);
        await source.FillAsync();
        var file = await ExportAsync(source);
        var before = await ExportAsync(source);

        var result = await source.RunAsync("import", "--input", file);

        Assert.Equal(OperatorCommands.Failed, result.Code);
        Assert.Contains("not empty", result.Error, StringComparison.Ordinal);
        AssertSameData(before, await ExportAsync(source));
    }

    [Fact]
    public async Task A_broken_export_file_is_refused_with_a_reason_and_nothing_is_written()
    {
        await using var target = await Database.CreateAsync(DatabaseProvider.Sqlite);
        Assert.Equal(0, (await target.RunAsync("migrate")).Code);
        var file = Path.Combine(Path.GetTempPath(), $"mokuhyo-broken-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"format":"mokuhyo-export","version":1,"tables":[{"name":"Municipalities","columns":["Id"],"rows":[["x"]]}]}""", TestContext.Current.CancellationToken);
        try
        {
            var result = await target.RunAsync("import", "--input", file);

            Assert.Equal(OperatorCommands.Failed, result.Code);
            Assert.Contains("Municipalities", result.Error, StringComparison.Ordinal);
            await using var connection = new SqliteConnection(target.ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM Municipalities";
            Assert.Equal(0L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> ExportAsync(Database database)
    {
        var file = Path.Combine(Path.GetTempPath(), $"mokuhyo-export-{Guid.NewGuid():N}.json");
        var result = await database.RunAsync("export", "--output", file);
        Assert.True(result.Code == 0, result.Error);
        return file;
    }

    private static async Task AssertCountsMatchAsync(Database database, string file)
    {
        await using var services = database.Services();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MokuhyoDbContext>();
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        var rows = document.RootElement.GetProperty("tables").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("rows").GetArrayLength(), StringComparer.Ordinal);
        Assert.Equal(await db.Goals.CountAsync(TestContext.Current.CancellationToken), rows["Goals"]);
        Assert.Equal(await db.AuditEntries.CountAsync(TestContext.Current.CancellationToken), rows["AuditEntries"]);
        Assert.Equal(await db.Users.CountAsync(TestContext.Current.CancellationToken), rows["AspNetUsers"]);
        Assert.True(rows["AuditEntries"] > 0 && rows["PublishedReports"] >= 2 && rows["ReportStates"] > 0 && rows["AspNetUserRoles"] > 0 && rows["ReviewComments"] > 0,
            "the filled database lacks audit, revisions, states, roles or comments");
    }

    /// <summary>Compares two exports table by table, row by row, field by field (numbers by value).</summary>
    private static void AssertSameData(string expectedFile, string actualFile)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(expectedFile));
        using var actual = JsonDocument.Parse(File.ReadAllText(actualFile));
        var expectedTables = Tables(expected);
        var actualTables = Tables(actual);
        Assert.Equal(expectedTables.Keys.Order(StringComparer.Ordinal), actualTables.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, rows) in expectedTables)
        {
            var other = actualTables[name];
            Assert.True(rows.Count == other.Count, $"{name}: {rows.Count} rows exported first, {other.Count} after the round trip");
            for (var i = 0; i < rows.Count; i++)
            {
                Assert.True(rows[i] == other[i], $"{name}, row {i}:\n  {rows[i]}\n  {other[i]}");
            }
        }
    }

    private static Dictionary<string, List<string>> Tables(JsonDocument document) =>
        document.RootElement.GetProperty("tables").EnumerateArray().ToDictionary(
            t => t.GetProperty("name").GetString()!,
            t =>
            {
                var columns = t.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
                return t.GetProperty("rows").EnumerateArray()
                    .Select(r => string.Join(" | ", r.EnumerateArray().Select((v, i) => columns[i] + "=" + Canonical(v))))
                    .Order(StringComparer.Ordinal)
                    .ToList();
            },
            StringComparer.Ordinal);

    private static string Canonical(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDecimal().ToString("G29", CultureInfo.InvariantCulture),
        // PostgreSQL keeps instants to the microsecond; SQLite's text keeps .NET's 100 ns ticks.
        JsonValueKind.String when value.TryGetDateTimeOffset(out var instant) =>
            instant.ToUniversalTime().AddTicks(-(instant.Ticks % 10)).ToString("O", CultureInfo.InvariantCulture),
        JsonValueKind.Array => "[" + string.Join(",", value.EnumerateArray().Select(Canonical)) + "]",
        JsonValueKind.Object => "{" + string.Join(",", value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name + ":" + Canonical(p.Value))) + "}",
        _ => value.GetRawText(),
    };
}
