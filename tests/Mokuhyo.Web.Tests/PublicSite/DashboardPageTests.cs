using System.Net;
using Mokuhyo.Data;
using Mokuhyo.Tests.Common;

namespace Mokuhyo.Web.Tests.PublicSite;

public sealed class DashboardPageTests(WebApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Dashboard_counts_the_seed_goals_met_not_met_and_not_rated_as_the_published_report_says(DatabaseProvider provider)
    {
        var page = await Html.GetAsync(await apps.ClientAsync(provider), "/iruma/2022/dashboard");

        // Counted here from the seed document's own ratings, not from the application.
        var met = SeedFacts.Goals.Count(g => g.Rating == "達成");
        var notMet = SeedFacts.Goals.Count(g => g.Rating == "未達成");
        var notRated = SeedFacts.Goals.Count(g => g.Rating is null);
        var row = page.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr").Single();
        Assert.Equal(SeedFacts.Department[0], row.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal([SeedFacts.Goals.Count, met, notMet, notRated], row.QuerySelectorAll("td.num").Select(c => int.Parse(c.TextContent, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal((2, 2, 5), (met, notMet, notRated));

        var ratios = page.QuerySelectorAll("table")[^1].QuerySelectorAll("tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td.num").Single().TextContent.Trim());
        Assert.Equal("88.1%", ratios["講座、講演会の定員数に対する参加者数の割合"]);
        Assert.Equal("82.3%", ratios["マイナンバーカード交付率"]);

        var charts = page.QuerySelectorAll("svg[role=img]");
        Assert.Equal(2, charts.Length);
        Assert.All(charts, c => Assert.False(string.IsNullOrWhiteSpace(c.QuerySelector("title")?.TextContent)));
        Assert.All(charts, c => Assert.False(string.IsNullOrWhiteSpace(c.QuerySelector("desc")?.TextContent)));
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public async Task Year_page_links_to_its_dashboard_and_the_sitemap_lists_it_with_every_goal_history()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        var year = await Html.GetAsync(client, "/iruma/2022");
        Assert.Contains(year.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/iruma/2022/dashboard");

        var sitemap = await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative), Ct);
        Assert.Contains("/iruma/2022/dashboard</loc>", sitemap, StringComparison.Ordinal);
        foreach (var goal in SeedFacts.Goals)
        {
            Assert.Contains($"/iruma/2022/shimin-seikatsu/goals/{goal.Number}/history</loc>", sitemap, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/iruma/2031/dashboard", HttpStatusCode.NotFound)]
    [InlineData("/iruma/20x2/dashboard", HttpStatusCode.BadRequest)]
    [InlineData("/iruma/2022/shimin-seikatsu/goals/99/history", HttpStatusCode.NotFound)]
    [InlineData("/iruma/2022/shimin-seikatsu/goals/x/history", HttpStatusCode.BadRequest)]
    [InlineData("/iruma/2022/shimin-seikatsu/goals/-1/history", HttpStatusCode.BadRequest)]
    [InlineData("/iruma/2022/nowhere/goals/1/history", HttpStatusCode.NotFound)]
    public async Task Unknown_or_malformed_dashboard_and_history_addresses_get_a_japanese_error_page(string path, HttpStatusCode expected)
    {
        using var response = await (await apps.ClientAsync(DatabaseProvider.Sqlite)).GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("lang=\"ja\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/iruma/2022/dashboard", "achievement of the goals", "Ratio to target of the numeric indicators")]
    [InlineData("/iruma/2022/shimin-seikatsu/goals/4/history", "goal 4: over the years", "Published years")]
    [InlineData("/iruma/2022", "Charts of achievement (dashboard)", "")]
    public async Task Dashboard_and_history_chrome_is_in_english_when_chosen_and_the_goals_stay_japanese(string path, string englishHeading, string englishSubheading)
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        var page = await Html.GetAsync(client, path + "?culture=en");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains(englishHeading, main, StringComparison.Ordinal);
        Assert.Contains(englishSubheading, main, StringComparison.Ordinal);
        Assert.Contains("市民生活部", main, StringComparison.Ordinal);
        Assert.DoesNotContain("達成状況", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }
}
