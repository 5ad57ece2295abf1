using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data;
using Mokuhyo.Tests.Common;

namespace Mokuhyo.Documents.Tests.Excel;

/// <summary>The import writes through EF's type mappings and its own bulk statements: both must hold on PostgreSQL too.</summary>
public sealed class PostgresImportTests(SeedReport seed)
{
    [Fact]
    public async Task On_postgresql_an_import_into_emptied_drafts_exports_the_same_cells_and_a_second_changes_nothing()
    {
        TestPostgres.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        try
        {
            var options = new DbContextOptionsBuilder<PostgresMokuhyoDbContext>();
            DataServiceCollectionExtensions.ConfigurePostgres(options, connectionString);
            await using var db = new PostgresMokuhyoDbContext(options.Options);
            await db.Database.MigrateAsync(ct);
            await SeedReport.Loader(db).LoadDemoDataAsync(ct);
            var first = WorkbookExporterTests.Export(await seed.GetAsync());
            await db.Goals.ExecuteDeleteAsync(ct);
            await db.PlanItems.ExecuteDeleteAsync(ct);

            var created = await WorkbookImporterTests.ImportAsync(first, db);

            Assert.True(created.Succeeded, string.Join("\n", created.Errors));
            Assert.Equal(WorkbookCells.Content(first), WorkbookCells.Content(WorkbookExporterTests.Export(await WorkbookImporterTests.DraftAsync(db))));
            var before = await DatabaseFingerprint.OfAsync(db);
            var again = await WorkbookImporterTests.ImportAsync(first, db);
            Assert.True(again.Succeeded, string.Join("\n", again.Errors));
            Assert.Equal(before, await DatabaseFingerprint.OfAsync(db));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }
}
