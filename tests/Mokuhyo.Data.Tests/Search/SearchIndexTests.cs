using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data.Search;
using Mokuhyo.Data.Tests.TestSupport;
using Mokuhyo.Domain.Search;

namespace Mokuhyo.Data.Tests.Search;

/// <summary>The index holds what the public reads — the latest published revision — and nothing staff have not published.</summary>
public sealed class SearchIndexTests
{
    private const string OldTitle = "コミュニティ活動の活発なまちづくりの促進";
    private const string NewWord = "新規検索確認用語";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Draft_edits_are_never_found_and_publication_replaces_the_old_words(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        Guid departmentId;
        int entriesBefore;
        await using (var db = database.NewContext())
        {
            Assert.Equal(["goal-1"], await AnchorsAsync(db, OldTitle));
            entriesBefore = await db.SearchEntries.CountAsync(ct);
            var goal = await db.Goals.SingleAsync(g => g.Number == 1, ct);
            departmentId = goal.DepartmentId;
            goal.Title = NewWord + "を含む目標";
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.NewContext())
        {
            Assert.Empty(await AnchorsAsync(db, NewWord));
            Assert.Equal(["goal-1"], await AnchorsAsync(db, OldTitle));

            await new DataServices(db).Publisher.PublishAsync(departmentId, "year-end", ct);
        }

        await using (var db = database.NewContext())
        {
            Assert.Equal(["goal-1"], await AnchorsAsync(db, NewWord));
            Assert.Empty(await AnchorsAsync(db, OldTitle));
            Assert.Equal(entriesBefore, await db.SearchEntries.CountAsync(ct));
            Assert.Single(await db.SearchEntries.Select(e => e.PublishedReportId).Distinct().ToListAsync(ct));
            Assert.True(await new SearchIndex(db).IsCurrentAsync(ct));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Publishing_an_earlier_phase_again_leaves_the_later_phase_indexed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.NewContext();
        var indexed = await db.SearchEntries.Select(e => e.PublishedReportId).Distinct().SingleAsync(ct);
        var goal = await db.Goals.SingleAsync(g => g.Number == 1, ct);
        goal.Title = NewWord;
        await db.SaveChangesAsync(ct);

        var earlier = await new DataServices(db).Publisher.PublishAsync(goal.DepartmentId, "plan", ct);

        Assert.NotEqual(indexed, earlier.Id);
        Assert.Equal(indexed, await db.SearchEntries.Select(e => e.PublishedReportId).Distinct().SingleAsync(ct));
        Assert.Empty(await AnchorsAsync(db, NewWord));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_missing_or_stale_index_is_rebuilt_from_the_snapshots(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.NewContext();
        var index = new SearchIndex(db);
        var before = await AnchorsAsync(db, "マイナンバー");
        Assert.NotEmpty(before);
        Assert.False(await index.EnsureCurrentAsync(ct));

        await db.SearchEntries.ExecuteDeleteAsync(ct);
        Assert.Empty(await AnchorsAsync(db, "マイナンバー"));
        Assert.False(await index.IsCurrentAsync(ct));
        Assert.True(await index.EnsureCurrentAsync(ct));
        Assert.Equal(before, await AnchorsAsync(db, "マイナンバー"));

        await db.SearchEntries.ExecuteUpdateAsync(s => s.SetProperty(e => e.IndexVersion, SearchDocuments.Version - 1), ct);
        Assert.False(await index.IsCurrentAsync(ct));
        Assert.True(await index.EnsureCurrentAsync(ct));
        Assert.True(await index.IsCurrentAsync(ct));
        Assert.Equal(before, await AnchorsAsync(db, "マイナンバー"));
        Assert.Equal(before, await AnchorsAsync(db, "ナンバ"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Letters_match_regardless_of_case_and_the_snippet_keeps_the_published_text(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await using (var db = database.NewContext())
        {
            var goal = await db.Goals.SingleAsync(g => g.Number == 2, ct);
            goal.Title = "LINEとＳＮＳで発信する髙橋𠮷野の目標";
            await db.SaveChangesAsync(ct);
            await new DataServices(db).Publisher.PublishAsync(goal.DepartmentId, "year-end", ct);
        }

        await using (var db = database.NewContext())
        {
            foreach (var q in new[] { "line", "Line", "ｓｎｓ", "髙橋", "𠮷野", "𠮷" })
            {
                var results = await new SearchService(db).SearchAsync(new SearchRequest(SearchQuery.Parse(q)), ct);
                var hit = Assert.Single(results.Hits);
                Assert.Equal("goal-2", hit.Anchor);
                Assert.Contains("LINEとＳＮＳで発信する髙橋𠮷野の目標", SearchText.ToPlain(hit.Snippet), StringComparison.Ordinal);
            }

            Assert.Empty(await AnchorsAsync(db, "高橋"));
            Assert.Empty(await AnchorsAsync(db, "sns"));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Common_words_are_counted_up_to_the_cap_and_paged_newest_year_first_in_index_order(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        const string Word = "上限確認用語";
        var extra = SearchService.CountCap + 5;
        await using (var db = database.NewContext())
        {
            var model = await db.SearchEntries.AsNoTracking().FirstAsync(ct);
            // Alternating years, so that the order (newest year first, then index order) differs from insertion order.
            db.SearchEntries.AddRange(Enumerable.Range(0, extra).Select(i => new SearchEntry
            {
                PublishedReportId = model.PublishedReportId, DepartmentId = model.DepartmentId, IndexVersion = model.IndexVersion,
                MunicipalityCode = model.MunicipalityCode, MunicipalitySlug = model.MunicipalitySlug, MunicipalityName = model.MunicipalityName,
                FiscalYear = 2020 + (i % 2), DepartmentCode = model.DepartmentCode, DepartmentName = model.DepartmentName,
                DepartmentOrder = model.DepartmentOrder, Kind = SearchEntryKinds.Goal, Position = i, Anchor = "goal-" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                GoalNumber = i + 1, Title = Word, Text = Word + "\n\n", Folded = Word + "\n\n",
            }));
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.NewContext())
        {
            var search = new SearchService(db);
            var first = await search.SearchAsync(new SearchRequest(SearchQuery.Parse(Word), PageSize: 100), ct);
            Assert.Equal(SearchService.CountCap, first.Total);
            Assert.True(first.MoreThanTotal);
            Assert.Equal(SearchService.CountCap / 100, first.PageCount);
            Assert.Equal(100, first.Hits.Count);
            // 2021 first: the odd positions, in the order they were indexed.
            Assert.Equal(Enumerable.Range(0, 100).Select(k => (2 * k) + 2), first.Hits.Select(h => h.GoalNumber!.Value));

            var last = await search.SearchAsync(new SearchRequest(SearchQuery.Parse(Word), Page: 10, PageSize: 100), ct);
            Assert.Equal(100, last.Hits.Count);
            Assert.All(last.Hits, h => Assert.Equal(2020, h.FiscalYear));
            Assert.Empty((await search.SearchAsync(new SearchRequest(SearchQuery.Parse(Word), Page: 11, PageSize: 100), ct)).Hits);

            var narrow = await search.SearchAsync(new SearchRequest(SearchQuery.Parse(Word), Year: 2021, PageSize: 100), ct);
            Assert.Equal(SearchService.CountCap / 2 + 2, narrow.Total);
            Assert.False(narrow.MoreThanTotal);
        }
    }

    [Fact]
    public async Task On_sqlite_hits_are_filtered_through_narrow_indexes_without_reading_table_rows()
    {
        await using var database = await TestDatabase.CreateWithDemoDataAsync(DatabaseProvider.Sqlite);
        await using var db = database.NewContext();

        var streamed = await PlanAsync(db, SearchService.SqliteStreamSql(
            "+e.\"FiscalYear\" = 2022 AND +e.\"DepartmentCode\" = 'x' AND +e.\"RatingOutcome\" = 'met'") + " ORDER BY f.rowid LIMIT 20");
        Assert.Contains(streamed, step => step.StartsWith("SEARCH e USING COVERING INDEX " + SearchService.SqliteFilterIndex + " (Id=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(streamed, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));

        var byCity = await PlanAsync(db, SearchService.SqliteSelectiveSql("e.\"MunicipalitySlug\" = 'iruma' AND e.\"FiscalYear\" = 2022"));
        Assert.Contains(byCity, step => step.StartsWith("SEARCH e USING COVERING INDEX IX_SearchEntries_City (MunicipalitySlug=? AND FiscalYear=?)", StringComparison.Ordinal));
        var byDepartment = await PlanAsync(db, SearchService.SqliteSelectiveSql("e.\"DepartmentCode\" = 'x' AND e.\"FiscalYear\" = 2022"));
        Assert.Contains(byDepartment, step => step.StartsWith("SEARCH e USING COVERING INDEX IX_SearchEntries_Department (DepartmentCode=? AND FiscalYear=?)", StringComparison.Ordinal));

        Assert.All(streamed.Concat(byCity).Concat(byDepartment), step =>
        {
            Assert.False(step.StartsWith("SCAN e", StringComparison.Ordinal), step);
            Assert.DoesNotContain("PRIMARY KEY", step, StringComparison.Ordinal);
        });
    }

    private static async Task<List<string>> PlanAsync(MokuhyoDbContext db, string sql)
    {
        var ct = TestContext.Current.CancellationToken;
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var match = command.CreateParameter();
        match.ParameterName = "$match";
        match.Value = "\"マイナンバー\"";
        command.Parameters.Add(match);
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Short_and_long_terms_with_every_filter_find_exactly_the_entries_that_hold_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.NewContext();
        var entries = await db.SearchEntries.AsNoTracking().ToListAsync(ct);
        var search = new SearchService(db);
        var seen = 0;
        foreach (var q in new[] { "講座", "窓口", "課", "市 マイナンバー", "交通安全", "地域 コミュニティ" })
        {
            var query = SearchQuery.Parse(q);
            foreach (var rating in new string?[] { null, "met", "not-met" })
            {
                var expected = entries
                    .Where(e => query.Terms.All(t => e.Folded.Contains(t, StringComparison.Ordinal)))
                    .Where(e => rating is null || e.RatingOutcome == rating)
                    .OrderByDescending(e => e.FiscalYear).ThenBy(e => e.Id)
                    .Select(e => e.Anchor).ToList();
                var found = await search.SearchAsync(new SearchRequest(query, "iruma", 2022, "shimin-seikatsu", rating, PageSize: 100), ct);
                Assert.Equal(expected.Count, found.Total);
                Assert.Equal(expected.Take(100), found.Hits.Select(h => h.Anchor));
                seen += expected.Count;
            }
        }

        Assert.True(seen > 20, $"Only {seen} hits: the terms no longer occur in the seed report.");
    }

    private static async Task<List<string>> AnchorsAsync(MokuhyoDbContext db, string q)
    {
        var results = await new SearchService(db).SearchAsync(new SearchRequest(SearchQuery.Parse(q), PageSize: 100), TestContext.Current.CancellationToken);
        return [.. results.Hits.Select(h => h.Anchor)];
    }
}
