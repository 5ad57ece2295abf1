using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data.Tests.TestSupport;

namespace Mokuhyo.Data.Tests;

public class DemoDataTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Demo_data_loads_the_iruma_2022_shimin_seikatsu_department(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            Assert.Equal(1, await new DataServices(db).Loader.LoadDemoDataAsync(ct));
        }

        await using var read = database.NewContext();
        var municipality = Assert.Single(await read.Municipalities.ToListAsync(ct));
        Assert.Equal("112259", municipality.Code);
        Assert.Equal("iruma", municipality.Slug);
        Assert.Equal("入間市", municipality.Name);
        Assert.Equal("埼玉県", municipality.Prefecture);

        var year = Assert.Single(await read.ReportingYears.ToListAsync(ct));
        Assert.Equal(2022, year.Year);
        Assert.Equal(municipality.Id, year.MunicipalityId);
        Assert.Equal(1, Assert.Single(await read.FormatVersions.ToListAsync(ct)).Number);

        var units = await read.OrgUnits.OrderBy(u => u.SortOrder).ToListAsync(ct);
        Assert.Equal(7, units.Count);
        Assert.All(units, u => Assert.Equal(year.Id, u.ReportingYearId));
        var byCode = units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        string? ParentOf(string code) => byCode[code].ParentId is { } id ? units.Single(u => u.Id == id).Code : null;

        Assert.Equal(["部", "課", "課", "センター", "センター", "課", "課"], units.Select(u => u.Kind));
        Assert.Null(ParentOf("shimin-seikatsu"));
        Assert.Equal("shimin-seikatsu", ParentOf("chiiki-shinko"));
        Assert.Equal("shimin-seikatsu", ParentOf("jinken-suishin"));
        Assert.Equal("jinken-suishin", ParentOf("danjo-kyodo-sankaku-center"));
        Assert.Equal("jinken-suishin", ParentOf("shohi-seikatsu-center"));
        Assert.Equal("shimin-seikatsu", ParentOf("shimin"));
        Assert.Equal("shimin-seikatsu", ParentOf("kotsu-bohan"));
        Assert.Equal(["shimin-seikatsu"], units.Where(u => u.IsReportingUnit).Select(u => u.Code));
        Assert.Equal("市民生活部", byCode["shimin-seikatsu"].Name);
        Assert.Equal("5支所", byCode["shimin"].CompositionNote);

        var goals = await read.Goals.OrderBy(g => g.Number).ToListAsync(ct);
        Assert.Equal(Enumerable.Range(1, 9), goals.Select(g => g.Number));
        Assert.All(goals, g => Assert.Equal(byCode["shimin-seikatsu"].Id, g.DepartmentId));
        Assert.Equal("jinken-suishin", units.Single(u => u.Id == goals[3].LeadUnitId).Code);

        var plan = await read.PlanItems.ToListAsync(ct);
        Assert.Equal(2, plan.Count(i => i.SectionKey == "basic-direction"));
        Assert.Equal(5, plan.Count(i => i.SectionKey == "priority-policy"));
        Assert.Equal(7, plan.Count);

        var report = Assert.Single(await read.PublishedReports.ToListAsync(ct));
        Assert.Equal("year-end", report.PhaseKey);
        Assert.Equal(1, report.Revision);
        Assert.Equal("shimin-seikatsu", report.DepartmentCode);
        Assert.Equal(FixedClock.AfterFiscalYear2022.Now, report.PublishedAt);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Demo_data_loads_once_and_a_second_load_changes_nothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            Assert.Equal(1, await new DataServices(db).Loader.LoadDemoDataAsync(ct));
        }

        TableCounts before;
        await using (var db = database.NewContext())
        {
            before = await TableCounts.ReadAsync(db);
        }

        Assert.Equal(new TableCounts(
            Municipalities: 1, FormatVersions: 1, ReportingYears: 1, OrgUnits: 7, PlanItems: 7, Goals: 9, GoalCoUnits: 0,
            Indicators: 13, IndicatorActuals: 11, GoalResults: 9, ResultBlocks: 17, PublishedReports: 1), before);

        // A restart: a new context loads again, and so does the same one.
        await using (var db = database.NewContext())
        {
            var loader = new DataServices(db).Loader;
            Assert.Equal(0, await loader.LoadDemoDataAsync(ct));
            Assert.Equal(0, await loader.LoadDemoDataAsync(ct));
        }

        await using var after = database.NewContext();
        Assert.Equal(before, await TableCounts.ReadAsync(after));
    }
}
