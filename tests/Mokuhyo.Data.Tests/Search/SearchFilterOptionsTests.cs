using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Mokuhyo.Data.Search;
using Mokuhyo.Data.Tests.TestSupport;

namespace Mokuhyo.Data.Tests.Search;

/// <summary>The search form's year, department and city lists are kept between requests, but never past a publication.</summary>
public sealed class SearchFilterOptionsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_lists_are_kept_until_the_next_publication_and_then_read_afresh(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var cache = new MemoryCache(new MemoryCacheOptions());
        SearchFilterOptions first;
        Guid departmentId;
        await using (var db = database.NewContext())
        {
            first = await new SearchService(db, cache).FilterOptionsAsync("iruma", ct);
            Assert.Equal([2022], first.Years);
            Assert.Equal("市民生活部", Assert.Single(first.Departments).Label);
            Assert.Same(first, await new SearchService(db, cache).FilterOptionsAsync("iruma", ct));

            var department = await db.OrgUnits.SingleAsync(u => u.Code == "shimin-seikatsu", ct);
            departmentId = department.Id;
            department.Name = "市民生活部(𠮷﨑髙)";
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.NewContext())
        {
            // Saved but not published: the public lists, like the public pages, still show the published name.
            Assert.Same(first, await new SearchService(db, cache).FilterOptionsAsync("iruma", ct));
            await new DataServices(db).Publisher.PublishAsync(departmentId, "year-end", ct);
        }

        await using (var db = database.NewContext())
        {
            var after = await new SearchService(db, cache).FilterOptionsAsync("iruma", ct);
            Assert.NotSame(first, after);
            Assert.Equal("市民生活部(𠮷﨑髙)", Assert.Single(after.Departments).Label);
            Assert.Equal(after.Departments, (await new SearchService(db).FilterOptionsAsync("iruma", ct)).Departments);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task A_city_with_nothing_published_is_answered_but_not_kept(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var cache = new MemoryCache(new MemoryCacheOptions());
        await using var db = database.NewContext();
        foreach (var madeUp in Enumerable.Range(0, 50).Select(i => "no-such-city-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            var options = await new SearchService(db, cache).FilterOptionsAsync(madeUp, ct);
            Assert.Empty(options.Years);
            Assert.Empty(options.Departments);
        }

        Assert.Equal(0, cache.Count);
    }
}
