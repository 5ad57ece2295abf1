using System.Net;
using System.Text;
using Mokuhyo.Data;
using Mokuhyo.Tests.Common;

namespace Mokuhyo.Web.Tests;

public sealed class OpenDataTests(WebApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "goals.csv")]
    [InlineData(DatabaseProvider.Sqlite, "indicators.csv")]
    [InlineData(DatabaseProvider.Sqlite, "plans.csv")]
    [InlineData(DatabaseProvider.Postgres, "goals.csv")]
    public async Task Csv_files_are_served_with_bom_licence_and_a_download_name(DatabaseProvider provider, string file)
    {
        var client = await apps.ClientAsync(provider);
        using var response = await client.GetAsync(new Uri($"/iruma/2022/opendata/{file}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal($"112259_2022_{file}", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains(response.Headers.GetValues("Link"), l => l.Contains("rel=\"license\"", StringComparison.Ordinal));
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("112259", text, StringComparison.Ordinal);
        Assert.Contains("市民生活部", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Goal_csv_served_over_http_holds_every_goal_title()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        var text = await client.GetStringAsync(new Uri("/iruma/2022/opendata/goals.csv", UriKind.Relative), Ct);

        Assert.Empty(SeedFacts.Missing(text, SeedFacts.Goals.Select(g => g.Title)));
    }

    [Theory]
    [InlineData("/iruma/2022/opendata/nope.csv", HttpStatusCode.NotFound)]
    [InlineData("/iruma/2031/opendata/goals.csv", HttpStatusCode.NotFound)]
    [InlineData("/nowhere/2022/opendata/goals.csv", HttpStatusCode.NotFound)]
    [InlineData("/iruma/abcd/opendata/goals.csv", HttpStatusCode.BadRequest)]
    public async Task Unknown_or_malformed_csv_addresses_are_problems_not_errors(string path, HttpStatusCode expected)
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Open_data_page_offers_every_file_of_every_year_with_the_licence()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        var page = await Html.GetAsync(client, "/iruma/opendata");

        var links = page.QuerySelectorAll("main a[type='text/csv']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/iruma/2022/opendata/goals.csv", "/iruma/2022/opendata/indicators.csv", "/iruma/2022/opendata/plans.csv",
            "/iruma/2022/opendata/fields.csv"], links);
        Assert.Contains(page.QuerySelectorAll("a[rel=license]"), a => a.TextContent.Contains("PDL1.0", StringComparison.Ordinal));
        Assert.Contains("全国地方公共団体コード", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_page_declares_the_csv_files_as_alternates()
    {
        var page = await Html.GetAsync(await apps.ClientAsync(DatabaseProvider.Sqlite), "/iruma/2022/shimin-seikatsu");

        var csv = page.Head!.QuerySelectorAll("link[rel=alternate][type='text/csv']").Select(l => l.GetAttribute("href")).ToList();
        Assert.Contains("/iruma/2022/opendata/goals.csv", csv);
        Assert.Contains("/iruma/2022/opendata/indicators.csv", csv);
    }
}
