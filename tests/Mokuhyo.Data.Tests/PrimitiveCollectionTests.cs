using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data.Tests.TestSupport;
using Mokuhyo.Domain.Goals;

namespace Mokuhyo.Data.Tests;

/// <summary>Lists of text stored in one column (a text[] on PostgreSQL, JSON on SQLite) keep their items and order.</summary>
public class PrimitiveCollectionTests
{
    private static readonly string[] Awkward =
    [
        "最初の項目",
        "a, b, c",
        "\"double\" and 'single' quotes",
        "line one\nline two\r\nline three",
        string.Empty,
        "  padded  ",
        "NULL",
        "null",
        "{braces},[brackets]",
        "back\\slash and \\\"escaped\\\"",
        "tab\there",
        "\U00020BB7髙\uFA11か\u3099",
        "最後の項目",
    ];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Goal_and_unit_lists_round_trip_in_order_with_awkward_items_and_empty_lists(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            Assert.True(await new DataServices(db).Loader.LoadAsync(SmallFile.Create(), ct));
        }

        await using (var db = database.NewContext())
        {
            var department = await db.OrgUnits.SingleAsync(u => u.Code == SmallFile.DepartmentCode, ct);
            var division = await db.OrgUnits.SingleAsync(u => u.Code == SmallFile.DivisionCode, ct);
            department.Responsibilities = [.. Awkward.Reverse()];
            division.Responsibilities = [];
            db.Goals.Add(new Goal
            {
                ReportingYearId = department.ReportingYearId,
                DepartmentId = department.Id,
                LeadUnitId = division.Id,
                Number = 2,
                Title = "並び順の確認",
                Body = [.. Awkward],
                PlannedActions = [],
                PlanReferences = ["第11次入間市交通安全計画", "a, b", "第5次いるま男女共同参画プラン"],
                Results =
                [
                    new GoalResult
                    {
                        PhaseKey = "year-end",
                        Blocks = [new ResultBlock { Ordinal = 1, Kind = ResultBlockKind.BulletList, Items = [.. Awkward] }],
                    },
                ],
            });
            await db.SaveChangesAsync(ct);
        }

        await using var read = database.NewContext();
        var goal = await read.Goals.Include(g => g.Results).ThenInclude(r => r.Blocks).SingleAsync(g => g.Number == 2, ct);
        Assert.Equal(Awkward, goal.Body);
        Assert.NotNull(goal.PlannedActions);
        Assert.Empty(goal.PlannedActions);
        Assert.Equal(["第11次入間市交通安全計画", "a, b", "第5次いるま男女共同参画プラン"], goal.PlanReferences);
        Assert.Equal(Awkward, Assert.Single(Assert.Single(goal.Results).Blocks).Items);
        Assert.Equal(Awkward.Reverse(), (await read.OrgUnits.SingleAsync(u => u.Code == SmallFile.DepartmentCode, ct)).Responsibilities);
        Assert.Empty((await read.OrgUnits.SingleAsync(u => u.Code == SmallFile.DivisionCode, ct)).Responsibilities);

        // What the loader wrote from the file keeps its order as well.
        var loaded = await read.Goals.SingleAsync(g => g.Number == 1, ct);
        Assert.Equal(["電子決裁を進めます。"], loaded.Body);
        Assert.Empty(loaded.PlannedActions);
        Assert.Empty(loaded.PlanReferences);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Changing_a_list_in_place_is_saved_and_bumps_the_version(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        long version;
        await using (var db = database.NewContext())
        {
            var goal = await db.Goals.SingleAsync(g => g.Number == 2, ct);
            var department = await db.OrgUnits.SingleAsync(u => u.Code == "shimin-seikatsu", ct);
            version = goal.Version;
            Assert.Equal(["市民、職員向けに研修や講座の実施", "外国人向けに市公式ホームページで発信", "広報いるまで記事の掲載"], goal.PlannedActions);

            goal.PlannedActions.Reverse();
            goal.PlannedActions.Insert(1, "やさしい日本語, 研修\n(追加)");
            goal.Body.Clear();
            goal.PlanReferences.Add("入間市多文化共生推進プラン");
            department.Responsibilities.RemoveAt(0);
            await db.SaveChangesAsync(ct);
        }

        await using var read = database.NewContext();
        var stored = await read.Goals.SingleAsync(g => g.Number == 2, ct);
        Assert.Equal(["広報いるまで記事の掲載", "やさしい日本語, 研修\n(追加)", "外国人向けに市公式ホームページで発信", "市民、職員向けに研修や講座の実施"],
            stored.PlannedActions);
        Assert.Empty(stored.Body);
        Assert.Equal(["入間市多文化共生推進プラン"], stored.PlanReferences);
        Assert.Equal(version + 1, stored.Version);
        var responsibilities = (await read.OrgUnits.SingleAsync(u => u.Code == "shimin-seikatsu", ct)).Responsibilities;
        Assert.Equal(6, responsibilities.Count);
        Assert.Equal("市民文化の推進", responsibilities[0]);
    }
}
