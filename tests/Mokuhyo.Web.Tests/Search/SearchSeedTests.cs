using System.Net;
using Mokuhyo.Data;

namespace Mokuhyo.Web.Tests.Search;

/// <summary>Japanese has no spaces: a search finds every entry holding the words, without word segmentation, on both databases.</summary>
public sealed class SearchSeedTests(WebApps apps)
{
    public static TheoryData<DatabaseProvider, string> Terms()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            foreach (var term in new[] { "マイナンバー", "交通安全", "講座", "窓口", "課", "人権", "消費生活センター" })
            {
                data.Add(provider, term);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Terms))]
    public async Task A_term_finds_every_goal_plan_and_unit_that_holds_it_with_each_match_marked(DatabaseProvider provider, string term)
    {
        var client = await apps.ClientAsync(provider);
        var (_, json) = await SearchClient.SeedReportAsync(client);
        var expected = SearchClient.OccurrencesInJson(json, term);
        Assert.NotEmpty(expected);

        var hits = await SearchClient.AllHitsAsync(client, term);

        Assert.Equal(expected, SearchClient.Anchors(hits));
        Assert.All(hits, h =>
        {
            Assert.Contains("<mark>" + term + "</mark>", h.GetProperty("snippetHtml").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("/iruma/2022/shimin-seikatsu#", h.GetProperty("url").GetString(), StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Terms_separated_by_any_space_must_all_occur_in_one_entry(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);
        var (report, json) = await SearchClient.SeedReportAsync(client);
        var both = new SortedSet<string>(SearchClient.OccurrencesInJson(json, "交通安全"), StringComparer.Ordinal);
        both.IntersectWith(SearchClient.OccurrencesInJson(json, "講座"));

        foreach (var q in new[] { "交通安全 講座", "交通安全\u3000講座", " 講座\t交通安全 " })
        {
            Assert.Equal(both, SearchClient.Anchors(await SearchClient.AllHitsAsync(client, q)));
        }

        Assert.Equal(SearchClient.Expected(report, ["交通安全", "講座"]), both);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Results_of_the_city_page_link_to_anchors_that_exist_on_the_report_page(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);
        var page = await Html.GetAsync(client, "/iruma/search?q=" + Uri.EscapeDataString("マイナンバー"));
        var report = await Html.GetAsync(client, "/iruma/2022/shimin-seikatsu");

        var links = page.QuerySelectorAll(".search-hit__title a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            Assert.StartsWith("/iruma/2022/shimin-seikatsu#", link, StringComparison.Ordinal);
            Assert.NotNull(report.GetElementById(link.Split('#')[1]));
        }

        Assert.All(page.QuerySelectorAll(".search-hit__snippet"), p => Assert.Equal("マイナンバー", p.QuerySelector("mark")!.TextContent));
        Assert.Contains("令和4年度(2022年度)", page.QuerySelector(".search-hit__where")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{links.Count}件", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("label[for=search-q]"));
        Assert.Equal("マイナンバー", page.QuerySelector("#search-q")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_site_wide_page_finds_the_same_as_the_city_page(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);
        var all = await Html.GetAsync(client, "/search?q=" + Uri.EscapeDataString("講座"));
        var city = await Html.GetAsync(client, "/iruma/search?q=" + Uri.EscapeDataString("講座"));

        string[] Links(AngleSharp.Dom.IDocument d) => [.. d.QuerySelectorAll(".search-hit__title a").Select(a => a.GetAttribute("href")!)];
        Assert.NotEmpty(Links(all));
        Assert.Equal(Links(city), Links(all));
        Assert.Contains("入間市", all.QuerySelector(".search-hit__where")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Every_public_page_has_a_search_form_in_its_header(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);
        foreach (var path in new[] { "/", "/iruma", "/iruma/2022/shimin-seikatsu", "/search" })
        {
            var page = await Html.GetAsync(client, path);
            var form = page.QuerySelector("header form[role=search]");
            Assert.NotNull(form);
            Assert.Equal("/search", form.GetAttribute("action"));
            Assert.Equal("get", form.GetAttribute("method"));
            var input = form.QuerySelector("input[name=q]")!;
            Assert.NotNull(form.QuerySelector($"label[for={input.Id}]"));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_unknown_city_has_no_search_page(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);
        using var unknown = await client.GetAsync(new Uri("/nosuchcity/search?q=a", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
