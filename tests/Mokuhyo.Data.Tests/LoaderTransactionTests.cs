using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data.Tests.TestSupport;
using Mokuhyo.Domain.Calendar;

namespace Mokuhyo.Data.Tests;

/// <summary>A department file is loaded entirely or not at all.</summary>
public class LoaderTransactionTests
{
    // Save 1 writes the municipality, format, year and units; save 2 the plan items and goals;
    // save 3 the published report. A failure after any of them must leave nothing behind.
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, 1)]
    [InlineData(DatabaseProvider.Sqlite, 2)]
    [InlineData(DatabaseProvider.Sqlite, 3)]
    [InlineData(DatabaseProvider.Postgres, 1)]
    [InlineData(DatabaseProvider.Postgres, 2)]
    [InlineData(DatabaseProvider.Postgres, 3)]
    public async Task A_load_that_fails_part_way_leaves_nothing_of_the_file(DatabaseProvider provider, int failAfterSave)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var failure = new FailAfterSaveInterceptor(failAfterSave);
        await using (var db = database.NewContext(failure))
        {
            await Assert.ThrowsAsync<SimulatedDatabaseFailureException>(() => new DataServices(db).Loader.LoadAsync(DemoFile.Parse(), ct));
            Assert.Equal(failAfterSave, failure.Saves);
        }

        await using (var read = database.NewContext())
        {
            Assert.True((await TableCounts.ReadAsync(read)).AllEmpty);
        }

        // Nothing half-written stands in the way of loading the file again.
        await using (var db = database.NewContext())
        {
            Assert.True(await new DataServices(db).Loader.LoadAsync(DemoFile.Parse(), ct));
        }

        await using var reloaded = database.NewContext();
        Assert.NotNull(await new DataServices(reloaded).Catalog.FindReportAsync("iruma", new FiscalYear(2022), "shimin-seikatsu", cancellationToken: ct));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_failed_load_of_a_new_year_leaves_the_years_already_loaded_as_they_were(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        TableCounts before;
        await using (var db = database.NewContext())
        {
            before = await TableCounts.ReadAsync(db);
        }

        var nextYear = DemoFile.Parse() with { FiscalYear = 2023 };
        await using (var db = database.NewContext(new FailAfterSaveInterceptor(2)))
        {
            await Assert.ThrowsAsync<SimulatedDatabaseFailureException>(() => new DataServices(db).Loader.LoadAsync(nextYear, ct));
        }

        await using var read = database.NewContext();
        Assert.Equal(before, await TableCounts.ReadAsync(read));
        Assert.Equal([2022], await read.ReportingYears.Select(y => y.Year).ToListAsync(ct));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_constraint_violation_in_the_database_rolls_back_the_whole_file(DatabaseProvider provider)
    {
        // The department is listed twice, so goal 1 of shimin-seikatsu is written twice: the unique index on
        // (department, number) fails the second write, after the municipality, year and units are written.
        var ct = TestContext.Current.CancellationToken;
        var demo = DemoFile.Parse();
        var file = demo with { Departments = [demo.Departments[0], demo.Departments[0] with { Plan = new Dictionary<string, IReadOnlyList<string>>() }] };
        await using var database = await TestDatabase.CreateAsync(provider);

        await using (var db = database.NewContext())
        {
            await Assert.ThrowsAsync<DbUpdateException>(() => new DataServices(db).Loader.LoadAsync(file, ct));
        }

        await using var read = database.NewContext();
        Assert.True((await TableCounts.ReadAsync(read)).AllEmpty);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_second_year_of_a_known_municipality_reuses_it_and_its_format(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        await using (var db = database.NewContext())
        {
            Assert.True(await new DataServices(db).Loader.LoadAsync(DemoFile.Parse() with { FiscalYear = 2023 }, ct));
        }

        await using var read = database.NewContext();
        Assert.Equal(1, await read.Municipalities.CountAsync(ct));
        Assert.Equal(1, await read.FormatVersions.CountAsync(ct));
        Assert.Equal([2022, 2023], await read.ReportingYears.OrderBy(y => y.Year).Select(y => y.Year).ToListAsync(ct));
        Assert.Equal(14, await read.OrgUnits.CountAsync(ct));
        var municipality = Assert.Single(await new DataServices(read).Catalog.ListMunicipalitiesAsync(ct));
        Assert.Equal([new FiscalYear(2023), new FiscalYear(2022)], municipality.Years);
    }

    // PostgreSQL is configured to retry transient failures (EnableRetryOnFailure), and the loader runs its
    // transaction inside the execution strategy so that a retry starts the whole file over. SQLite has no
    // retrying strategy: there the failure is reported and nothing is left.
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, 1)]
    [InlineData(DatabaseProvider.Sqlite, 2)]
    [InlineData(DatabaseProvider.Postgres, 1)]
    [InlineData(DatabaseProvider.Postgres, 2)]
    [InlineData(DatabaseProvider.Postgres, 3)]
    public async Task A_transient_failure_during_a_load_is_retried_on_postgres_and_the_file_loads_whole(DatabaseProvider provider, int failOnSave)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var failure = new TransientFailureInterceptor(failOnSave);
        await using (var db = database.NewContext(failure))
        {
            var loader = new DataServices(db).Loader;
            if (provider == DatabaseProvider.Sqlite)
            {
                await Assert.ThrowsAsync<Npgsql.NpgsqlException>(() => loader.LoadAsync(DemoFile.Parse(), ct));
            }
            else
            {
                Assert.True(await loader.LoadAsync(DemoFile.Parse(), ct));
            }

            Assert.True(failure.Failed);
        }

        await using var read = database.NewContext();
        var counts = await TableCounts.ReadAsync(read);
        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.True(counts.AllEmpty);
            return;
        }

        Assert.Equal(new TableCounts(
            Municipalities: 1, FormatVersions: 1, ReportingYears: 1, OrgUnits: 7, PlanItems: 7, Goals: 9, GoalCoUnits: 0,
            Indicators: 13, IndicatorActuals: 11, GoalResults: 9, ResultBlocks: 17, PublishedReports: 1), counts);
        var report = await new DataServices(read).Catalog.FindReportAsync("iruma", new FiscalYear(2022), "shimin-seikatsu", cancellationToken: ct);
        Assert.Equal(1, report!.Revision);
        Assert.Equal(9, report.Summary.Goals);
    }
}
