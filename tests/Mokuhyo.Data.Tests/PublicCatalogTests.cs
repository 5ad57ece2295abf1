using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data.Tests.TestSupport;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Organization;

namespace Mokuhyo.Data.Tests;

public class PublicCatalogTests
{
    private static readonly FiscalYear Year2022 = new(2022);

    private static readonly string[] DemoUnitsInOrder =
        ["shimin-seikatsu", "chiiki-shinko", "jinken-suishin", "danjo-kyodo-sankaku-center", "shohi-seikatsu-center", "shimin", "kotsu-bohan"];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_published_year_lists_its_one_department(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        await using var db = database.NewContext();

        var year = await new DataServices(db).Catalog.FindYearAsync("iruma", Year2022, ct);

        Assert.NotNull(year);
        Assert.Equal(Year2022, year.FiscalYear);
        Assert.Equal("入間市", year.MunicipalityName);
        var department = Assert.Single(year.Departments);
        Assert.Equal("shimin-seikatsu", department.Department.Code);
        Assert.Equal(9, department.Summary.Goals);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_municipality_list_shows_iruma_with_its_published_year(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        await using var db = database.NewContext();
        var catalog = new DataServices(db).Catalog;

        var municipality = Assert.Single(await catalog.ListMunicipalitiesAsync(ct));

        Assert.Equal("112259", municipality.Code);
        Assert.Equal("iruma", municipality.Slug);
        Assert.Equal("入間市", municipality.Name);
        Assert.Equal("Iruma City", municipality.NameEn);
        Assert.Equal("埼玉県", municipality.Prefecture);
        Assert.Equal(Municipality.DefaultLicenceName, municipality.LicenceName);
        Assert.Equal(Municipality.DefaultLicenceUrl, municipality.LicenceUrl);
        Assert.Equal([Year2022], municipality.Years);
        Assert.Equal(municipality, await catalog.FindMunicipalityAsync("iruma", ct), PublicMunicipalityComparer.Instance);
        Assert.Null(await catalog.FindMunicipalityAsync("tokyo", ct));
        Assert.Null(await catalog.FindMunicipalityAsync("Iruma", ct));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Units_are_returned_in_their_sort_order(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        await using (var db = database.NewContext())
        {
            var units = await new DataServices(db).Catalog.FindUnitsAsync("iruma", Year2022, ct);
            Assert.NotNull(units);
            Assert.Equal(DemoUnitsInOrder, units.Select(u => u.Code));
            Assert.Equal(Enumerable.Range(0, 7), units.Select(u => u.SortOrder));
        }

        // Reverse the order in the live tables: the order follows SortOrder, not insertion or keys.
        await using (var db = database.NewContext())
        {
            foreach (var unit in await db.OrgUnits.ToListAsync(ct))
            {
                unit.SortOrder = 100 - unit.SortOrder;
            }

            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.NewContext())
        {
            var units = await new DataServices(db).Catalog.FindUnitsAsync("iruma", Year2022, ct);
            Assert.Equal(DemoUnitsInOrder.Reverse(), units!.Select(u => u.Code));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Unknown_slugs_years_and_departments_find_nothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        await using var db = database.NewContext();
        var catalog = new DataServices(db).Catalog;
        var year2021 = new FiscalYear(2021);

        Assert.Null(await catalog.FindYearAsync("tokyo", Year2022, ct));
        Assert.Null(await catalog.FindYearAsync("iruma", year2021, ct));
        Assert.Null(await catalog.FindUnitsAsync("tokyo", Year2022, ct));
        Assert.Null(await catalog.FindUnitsAsync("iruma", year2021, ct));
        Assert.Null(await catalog.FindReportAsync("tokyo", Year2022, "shimin-seikatsu", cancellationToken: ct));
        Assert.Null(await catalog.FindReportAsync("iruma", year2021, "shimin-seikatsu", cancellationToken: ct));
        Assert.Null(await catalog.FindReportAsync("iruma", Year2022, "kenko-fukushi", cancellationToken: ct));
        Assert.Null(await catalog.FindReportAsync("iruma", Year2022, "SHIMIN-SEIKATSU", cancellationToken: ct));

        // A unit that exists but publishes no report of its own.
        Assert.Null(await catalog.FindReportAsync("iruma", Year2022, "chiiki-shinko", cancellationToken: ct));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_year_with_units_and_goals_but_nothing_published_is_invisible_to_the_public(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var year2023 = new FiscalYear(2023);
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        await using (var db = database.NewContext())
        {
            var municipality = await db.Municipalities.SingleAsync(ct);
            var format = await db.FormatVersions.SingleAsync(ct);
            var year = new ReportingYear { MunicipalityId = municipality.Id, Year = 2023, FormatVersionId = format.Id };
            var department = new OrgUnit
            {
                ReportingYearId = year.Id, Code = "shimin-seikatsu", Name = "市民生活部", Kind = "部", IsReportingUnit = true, SortOrder = 0,
            };
            var division = new OrgUnit { ReportingYearId = year.Id, ParentId = department.Id, Code = "shimin", Name = "市民課", Kind = "課", SortOrder = 1 };
            db.ReportingYears.Add(year);
            db.OrgUnits.AddRange(department, division);
            await db.SaveChangesAsync(ct);
            db.Goals.Add(new Goal
            {
                ReportingYearId = year.Id, DepartmentId = department.Id, LeadUnitId = division.Id, Number = 1, Title = "窓口サービスの向上",
                Indicators = [new Indicator { Name = "窓口満足度", Kind = IndicatorKind.Numeric, Unit = "%", TargetValue = 90m }],
            });
            await db.SaveChangesAsync(ct);
        }

        await using var read = database.NewContext();
        var catalog = new DataServices(read).Catalog;
        Assert.Equal(2, await read.ReportingYears.CountAsync(ct));
        Assert.Equal([Year2022], Assert.Single(await catalog.ListMunicipalitiesAsync(ct)).Years);
        Assert.Equal([Year2022], (await catalog.FindMunicipalityAsync("iruma", ct))!.Years);
        Assert.Null(await catalog.FindYearAsync("iruma", year2023, ct));
        Assert.Null(await catalog.FindUnitsAsync("iruma", year2023, ct));
        Assert.Null(await catalog.FindReportAsync("iruma", year2023, "shimin-seikatsu", cancellationToken: ct));

        // The published year is not disturbed by its unpublished successor.
        Assert.Equal(DemoUnitsInOrder, (await catalog.FindUnitsAsync("iruma", Year2022, ct))!.Select(u => u.Code));
        Assert.Equal(2022, (await catalog.FindReportAsync("iruma", Year2022, "shimin-seikatsu", cancellationToken: ct))!.FiscalYear);
    }

    /// <summary>Compares the public municipality by value, its list of years included.</summary>
    private sealed class PublicMunicipalityComparer : IEqualityComparer<PublicMunicipality?>
    {
        public static readonly PublicMunicipalityComparer Instance = new();

        public bool Equals(PublicMunicipality? x, PublicMunicipality? y) =>
            x is not null && y is not null && (x with { Years = [] }) == (y with { Years = [] }) && x.Years.SequenceEqual(y.Years);

        public int GetHashCode(PublicMunicipality? obj) => obj is null ? 0 : StringComparer.Ordinal.GetHashCode(obj.Slug);
    }
}
