using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data.Tests.TestSupport;
using Mokuhyo.Domain;

namespace Mokuhyo.Data.Tests;

public class ConcurrencyTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Two_editors_of_one_goal_the_second_save_fails_and_the_first_title_stays(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var mine = await first.Goals.SingleAsync(g => g.Number == 3, ct);
        var theirs = await second.Goals.SingleAsync(g => g.Number == 3, ct);
        var loadedVersion = mine.Version;
        Assert.Equal(loadedVersion, theirs.Version);

        mine.Title = "地区センターの開設";
        theirs.Title = "地区センター開設準備の完了";
        await first.SaveChangesAsync(ct);
        Assert.Equal(loadedVersion + 1, mine.Version);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(ct));

        await using var read = database.NewContext();
        var stored = await read.Goals.SingleAsync(g => g.Number == 3, ct);
        Assert.Equal("地区センターの開設", stored.Title);
        Assert.Equal(loadedVersion + 1, stored.Version);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_editor_who_reloads_after_a_conflict_can_save(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var mine = await first.Goals.SingleAsync(g => g.Number == 3, ct);
        var theirs = await second.Goals.SingleAsync(g => g.Number == 3, ct);
        var loadedVersion = mine.Version;
        mine.Title = "一人目の題";
        theirs.Title = "二人目の題";
        await first.SaveChangesAsync(ct);
        var conflict = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(ct));

        // The usual resolution: take the stored values as the new original, keep the edit, save again.
        var entry = Assert.Single(conflict.Entries);
        var storedValues = await entry.GetDatabaseValuesAsync(ct);
        entry.OriginalValues.SetValues(storedValues!);
        await second.SaveChangesAsync(ct);

        await using var read = database.NewContext();
        var stored = await read.Goals.SingleAsync(g => g.Number == 3, ct);
        Assert.Equal("二人目の題", stored.Title);
        Assert.Equal(loadedVersion + 2, stored.Version);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Every_versioned_table_refuses_a_save_from_a_stale_version(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);

        await AssertStaleSaveFailsAsync(database, db => db.Municipalities, (m, text) => m.NameEn = text);
        await AssertStaleSaveFailsAsync(database, db => db.OrgUnits.Where(u => u.Code == "shimin"), (u, text) => u.HeadName = text);
        await AssertStaleSaveFailsAsync(database, db => db.PlanItems.Where(i => i.SectionKey == "basic-direction" && i.Ordinal == 1),
            (i, text) => i.Text = text);
        await AssertStaleSaveFailsAsync(database, db => db.Goals.Where(g => g.Number == 1), (g, text) => g.Title = text);
        await AssertStaleSaveFailsAsync(database, db => db.Indicators.Where(i => i.Name == "各種専門相談"), (i, text) => i.TargetNote = text);
        await AssertStaleSaveFailsAsync(database, db => db.IndicatorActuals.Where(a => db.Indicators.Any(i => i.Id == a.IndicatorId && i.Name == "防犯情報紙配布枚数")),
            (a, text) => a.Value = text.Length);
        await AssertStaleSaveFailsAsync(database, db => db.GoalResults.OrderBy(r => r.Id).Take(1), (r, text) => r.PhaseKey = text[..5]);
    }

    private static async Task AssertStaleSaveFailsAsync<T>(TestDatabase database, Func<MokuhyoDbContext, IQueryable<T>> query, Action<T, string> change)
        where T : class, IVersioned
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var mine = await query(first).SingleAsync(ct);
        var theirs = await query(second).SingleAsync(ct);
        var loadedVersion = mine.Version;

        change(mine, "first-editor");
        change(theirs, "second-editor-x");
        await first.SaveChangesAsync(ct);
        Assert.Equal(loadedVersion + 1, mine.Version);

        var ex = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(ct));
        Assert.Same(theirs, Assert.Single(ex.Entries).Entity);

        await using var read = database.NewContext();
        Assert.Equal(loadedVersion + 1, (await query(read).SingleAsync(ct)).Version);
    }
}
