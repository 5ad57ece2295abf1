using System.Text.Json;
using Mokuhyo.Data;
using Mokuhyo.Tests.Common;

namespace Mokuhyo.Web.Tests;

/// <summary>The golden test: every fact of the seed document appears in the report page and in its JSON, goal by goal.</summary>
public sealed class GoldenReportTests(WebApps apps)
{
    private const string ReportPath = "/iruma/2022/shimin-seikatsu";
    private const string JsonPath = "/api/v1/municipalities/iruma/years/2022/departments/shimin-seikatsu/report";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Report_page_shows_every_fact_of_the_department(DatabaseProvider provider)
    {
        var page = await Html.GetAsync(await apps.ClientAsync(provider), ReportPath);

        Assert.Empty(SeedFacts.Missing(page.QuerySelector("main")!.TextContent, SeedFacts.Department));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Report_page_shows_each_goal_with_its_own_facts_division_and_rating(DatabaseProvider provider)
    {
        var page = await Html.GetAsync(await apps.ClientAsync(provider), ReportPath);

        foreach (var goal in SeedFacts.Goals)
        {
            var article = page.QuerySelector($"#goal-{goal.Number}");
            Assert.NotNull(article);
            var text = article.TextContent;
            Assert.Empty(SeedFacts.Missing(text, [goal.Title, .. goal.Facts]).Select(f => $"goal {goal.Number}: {f}"));
            var division = article.Closest("section.division")!.QuerySelector("h3")!.TextContent;
            Assert.Equal($"【{goal.Division}】", division);
            var rating = article.QuerySelector(".goal__rating .rating")!.TextContent;
            Assert.Equal($"評価: {goal.Rating ?? "評価対象外"}", rating);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Goals_appear_in_number_order_each_once(DatabaseProvider provider)
    {
        var page = await Html.GetAsync(await apps.ClientAsync(provider), ReportPath);

        var ids = page.QuerySelectorAll("article.goal").Select(a => a.Id).ToList();
        Assert.Equal(Enumerable.Range(1, 9).Select(n => $"goal-{n}"), ids);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Report_json_holds_every_fact_of_the_department_and_of_each_goal(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);
        using var response = await client.GetAsync(new Uri(JsonPath, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Empty(SeedFacts.Missing(JsonText(root), SeedFacts.Department));
        var goals = root.GetProperty("goalGroups").EnumerateArray()
            .SelectMany(g => g.GetProperty("goals").EnumerateArray().Select(goal => (Division: g.GetProperty("leadUnit").GetProperty("name").GetString(), Goal: goal)))
            .ToDictionary(x => x.Goal.GetProperty("number").GetInt32());
        Assert.Equal(9, goals.Count);
        foreach (var goal in SeedFacts.Goals)
        {
            var (division, element) = goals[goal.Number];
            Assert.Equal(goal.Division, division);
            Assert.Empty(SeedFacts.Missing(JsonText(element), [goal.Title, .. goal.Facts]).Select(f => $"goal {goal.Number}: {f}"));
            Assert.Equal(goal.Rating ?? "評価対象外", element.GetProperty("rating").GetProperty("label").GetString());
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Report_json_carries_raw_values_for_machines(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);
        var json = await client.GetStringAsync(new Uri(JsonPath, UriKind.Relative), TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var goal6 = root.GetProperty("goalGroups").EnumerateArray().SelectMany(g => g.GetProperty("goals").EnumerateArray())
            .Single(g => g.GetProperty("number").GetInt32() == 6);
        var issuance = goal6.GetProperty("indicators")[0];

        Assert.Equal("112259", root.GetProperty("municipality").GetProperty("code").GetString());
        Assert.Equal(2022, root.GetProperty("fiscalYear").GetInt32());
        Assert.Equal("令和4年度", root.GetProperty("fiscalYearLabel").GetString());
        Assert.Equal(80m, issuance.GetProperty("target").GetProperty("value").GetDecimal());
        Assert.Equal("at-least", issuance.GetProperty("target").GetProperty("direction").GetString());
        Assert.Equal(65.85m, issuance.GetProperty("actual").GetProperty("value").GetDecimal());
        Assert.Equal("2023-03-31", issuance.GetProperty("actual").GetProperty("asOf").GetProperty("date").GetString());
        Assert.Equal("not-met", issuance.GetProperty("rating").GetProperty("outcome").GetString());
        Assert.Equal(82.3m, issuance.GetProperty("rating").GetProperty("ratioPercent").GetDecimal());
        Assert.Contains("\"市民生活部\"", json, StringComparison.Ordinal);
    }

    private static string JsonText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => string.Join("\n", element.EnumerateObject().Select(p => JsonText(p.Value))),
        JsonValueKind.Array => string.Join("\n", element.EnumerateArray().Select(JsonText)),
        JsonValueKind.String => element.GetString()!,
        _ => element.GetRawText(),
    };
}
