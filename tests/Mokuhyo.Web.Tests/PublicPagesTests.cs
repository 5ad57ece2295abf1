using System.Net;
using System.Xml.Linq;
using Mokuhyo.Data;
using Mokuhyo.Tests.Common;

namespace Mokuhyo.Web.Tests;

public sealed class PublicPagesTests(WebApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Home_lists_the_hosted_municipality_and_its_fiscal_years()
    {
        var page = await Html.GetAsync(await apps.ClientAsync(DatabaseProvider.Sqlite), "/");

        Assert.Equal("ja", page.DocumentElement.GetAttribute("lang"));
        var yearLink = page.QuerySelectorAll("main a").Single(a => a.GetAttribute("href") == "/iruma/2022");
        Assert.Equal("令和4年度(2022年度)", yearLink.TextContent);
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.TextContent == "入間市" && a.GetAttribute("href") == "/iruma");
    }

    [Fact]
    public async Task Municipality_page_shows_its_code_and_licence()
    {
        var page = await Html.GetAsync(await apps.ClientAsync(DatabaseProvider.Sqlite), "/iruma");

        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("112259", text, StringComparison.Ordinal);
        Assert.Contains("埼玉県", text, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("a[rel=license]"), a => a.TextContent.Contains("PDL1.0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Year_page_summarizes_each_department_by_rating(DatabaseProvider provider)
    {
        var page = await Html.GetAsync(await apps.ClientAsync(provider), "/iruma/2022");

        Assert.Equal("入間市 令和4年度 組織目標", page.QuerySelector("h1")!.TextContent);
        var headers = page.QuerySelectorAll("table.summary-table thead th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(["部局", "公表段階", "目標数", "達成", "未達成", "評価対象外", "公表日"], headers);
        var row = page.QuerySelectorAll("table.summary-table tbody tr").Single();
        var cells = row.Children.Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["市民生活部", "期末報告", "9", "2", "2", "5"], cells.Take(6));
        Assert.Equal("/iruma/2022/shimin-seikatsu", row.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Report_page_declares_its_json_alternate_and_the_alternate_serves_the_report()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        var page = await Html.GetAsync(client, "/iruma/2022/shimin-seikatsu");

        var alternate = page.Head!.QuerySelectorAll("link[rel=alternate]").Single(l => l.GetAttribute("type") == "application/json");
        using var response = await client.GetAsync(new Uri(alternate.GetAttribute("href")!, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("shimin-seikatsu", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_page_has_one_h1_and_headings_that_do_not_skip_levels()
    {
        var page = await Html.GetAsync(await apps.ClientAsync(DatabaseProvider.Sqlite), "/iruma/2022/shimin-seikatsu");

        Assert.Single(page.QuerySelectorAll("h1"));
        var levels = page.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToList();
        for (var i = 1; i < levels.Count; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1, $"heading level jumps from h{levels[i - 1]} to h{levels[i]} at position {i}");
        }

        Assert.All(page.QuerySelectorAll("table"), t => Assert.NotNull(t.QuerySelector("caption")));
        Assert.NotNull(page.QuerySelector("a.skip-link[href='#main']"));
        Assert.NotNull(page.QuerySelector("main#main"));
    }

    [Fact]
    public async Task Pages_write_japanese_as_characters_not_references()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        var html = await client.GetStringAsync(new Uri("/iruma/2022/shimin-seikatsu", UriKind.Relative), Ct);

        Assert.Contains("市民生活部の目標", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x5E02;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_send_security_headers()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        using var response = await client.GetAsync(new Uri("/iruma/2022/shimin-seikatsu", UriKind.Relative), Ct);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Sitemap_lists_every_public_page_with_absolute_urls_that_all_answer()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        using var response = await client.GetAsync(new Uri("/sitemap.xml", UriKind.Relative), Ct);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

        var locations = xml.Descendants(ns + "loc").Select(l => new Uri(l.Value)).ToList();
        Assert.All(locations, l => Assert.True(l.IsAbsoluteUri));
        Assert.Equal(["/", "/iruma", "/iruma/opendata", "/iruma/2022", "/iruma/2022/dashboard", "/iruma/2022/shimin-seikatsu",
                .. SeedFacts.Goals.Select(g => $"/iruma/2022/shimin-seikatsu/goals/{g.Number}/history")],
            locations.Select(l => l.AbsolutePath));
        foreach (var location in locations)
        {
            using var page = await client.GetAsync(new Uri(location.PathAndQuery, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Fact]
    public async Task Chrome_switches_to_english_while_the_content_stays_japanese()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        using var switched = await client.GetAsync(new Uri("/culture/en?returnUrl=%2Firuma%2F2022%2Fshimin-seikatsu", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/iruma/2022/shimin-seikatsu", switched.Headers.Location?.OriginalString);
        var cookie = switched.Headers.GetValues("Set-Cookie").Single();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/iruma/2022/shimin-seikatsu");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var response = await client.SendAsync(request, Ct);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Skip to main content", page.QuerySelector(".skip-link")!.TextContent);
        Assert.Contains("市民生活部の目標", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Culture_switch_never_redirects_off_the_site(string returnUrl)
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        using var response = await client.GetAsync(new Uri("/culture/en?returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
