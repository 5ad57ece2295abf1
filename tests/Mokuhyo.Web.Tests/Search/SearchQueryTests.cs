using System.Net;
using Mokuhyo.Data;

namespace Mokuhyo.Web.Tests.Search;

/// <summary>Whatever is typed is searched as literal text or answered with a clear message; nothing reaches a 500.</summary>
public sealed class SearchQueryTests(WebApps apps)
{
    private static readonly string[] Hostile =
    [
        "\"", "\"\"", "'", "交通\"安全", "\"交通安全\"", "交通 OR 防犯", "交通 AND", "NOT 交通", "not", "NEAR(交通 防犯)", "NEAR",
        "交通*", "*", "**", "^交通", "^", "Folded:交通", "folded:", ":", "(交通)", "()", "(", ")", "交通 -防犯", "-", "+交通",
        "%", "_", "\\", "%%%", "%交通%", "交_", "' OR 1=1 --", "'; DROP TABLE \"SearchEntries\"; --", "1=1", "\" OR \"\"=\"",
        "<script>alert(1)</script>", "&amp;", "<mark>", "{", "}", "[", "]", "|", "~", "`", ";", "--", "/*", "*/", "$1", "?", "@",
        "𠮷", "髙", "﨑", "①", "a", "ab", "AB", "ＡＢＣ", "NULL", "\u3000交通安全\u3000", "交通\0安全", "\u200B", "。", "、", "・",
        "2022", "61.7%", "70%以上",
    ];

    public static TheoryData<DatabaseProvider, string> HostileQueries()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            foreach (var q in Hostile)
            {
                data.Add(provider, q);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Quotes_operators_symbols_and_injection_are_searched_as_characters(DatabaseProvider provider, string q)
    {
        var client = await apps.ClientAsync(provider);
        var (report, _) = await SearchClient.SeedReportAsync(client);
        var terms = q.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(t => t.Split(['\u200B', '\uFEFF', '\0'], StringSplitOptions.RemoveEmptyEntries)).ToList();

        var (status, body, mediaType) = await SearchClient.GetAsync(client, SearchClient.Url(q, "&pageSize=100"));
        using var page = await client.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString(q), UriKind.Relative), TestContext.Current.CancellationToken);

        if (terms.Count == 0)
        {
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("application/problem+json", mediaType);
            Assert.Equal("検索語を入力してください。", body.GetProperty("detail").GetString());
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            return;
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(SearchClient.Expected(report, terms), SearchClient.Anchors(body.GetProperty("results").EnumerateArray()));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await Html.ParseAsync(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        if (!q.Contains('\0', StringComparison.Ordinal))
        {
            Assert.Equal(q, html.QuerySelector("#search-q")!.GetAttribute("value"));
        }

        Assert.Empty(html.QuerySelectorAll("main script"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Operators_are_not_obeyed(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        // As FTS5 syntax each would find entries; as text none of the seed holds them.
        foreach (var q in new[] { "交通 OR 防犯", "交通*", "NEAR(交通 防犯)", "\"交通\" OR \"講座\"" })
        {
            var (_, body, _) = await SearchClient.GetAsync(client, SearchClient.Url(q));
            Assert.Equal(0, body.GetProperty("total").GetInt32());
        }

        var (_, quoted, _) = await SearchClient.GetAsync(client, SearchClient.Url("\"マイナンバー\""));
        Assert.Equal(0, quoted.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_query_of_up_to_one_hundred_characters_is_searched_and_a_longer_one_is_refused_clearly(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);
        var longest = string.Concat(Enumerable.Repeat("交通安全", 25));
        var (ok, okBody, _) = await SearchClient.GetAsync(client, SearchClient.Url(longest));
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(0, okBody.GetProperty("total").GetInt32());

        // 100 characters of 𠮷 are 200 UTF-16 units: the limit counts what a reader counts.
        var (surrogates, _, _) = await SearchClient.GetAsync(client, SearchClient.Url(string.Concat(Enumerable.Repeat("𠮷", 100))));
        Assert.Equal(HttpStatusCode.OK, surrogates);

        var (tooLong, body, mediaType) = await SearchClient.GetAsync(client, SearchClient.Url(longest + "交"));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal("検索語が長すぎます。100文字以内で入力してください。", body.GetProperty("detail").GetString());

        using var page = await client.GetAsync(new Uri("/iruma/search?q=" + Uri.EscapeDataString(new string('あ', 5000)), UriKind.Relative),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = await Html.ParseAsync(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("検索語が長すぎます。100文字以内で入力してください。", html.QuerySelector(".search-message")!.TextContent);
        Assert.NotNull(html.QuerySelector("form.search-form"));

        var (tooMany, manyBody, _) = await SearchClient.GetAsync(client, SearchClient.Url(string.Join(' ', Enumerable.Range(1, 11).Select(i => "語" + i))));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany);
        Assert.Equal("検索語が多すぎます。10語以内で入力してください。", manyBody.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_empty_query_asks_for_a_term_and_no_query_shows_the_form(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);

        var empty = await Html.GetAsync(client, "/search?q=%E3%80%80+");
        Assert.Equal("検索語を入力してください。", empty.QuerySelector(".search-message")!.TextContent);
        Assert.Null(empty.QuerySelector(".search-results"));

        var blank = await Html.GetAsync(client, "/iruma/search");
        Assert.Null(blank.QuerySelector(".search-message"));
        Assert.Equal("入間市の目標を検索", blank.QuerySelector("h1")!.TextContent);
        Assert.Contains(blank.QuerySelectorAll("#search-year option"), o => o.GetAttribute("value") == "2022" && o.TextContent == "令和4年度(2022年度)");
        Assert.Contains(blank.QuerySelectorAll("#search-department option"), o => o.GetAttribute("value") == "shimin-seikatsu" && o.TextContent == "市民生活部");

        var (status, body, _) = await SearchClient.GetAsync(client, "/api/v1/search");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("検索語を入力してください。", body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task No_results_are_said_so(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);
        var page = await Html.GetAsync(client, "/search?q=" + Uri.EscapeDataString("存在しない語句"));
        Assert.Equal("「存在しない語句」に一致するものは見つかりませんでした。語を減らすか、絞り込みを外してお試しください。",
            page.QuerySelector(".search-message")!.TextContent);
        Assert.Null(page.QuerySelector(".search-results li"));
    }

    public static TheoryData<DatabaseProvider, string, string> InvalidFilters()
    {
        var data = new TheoryData<DatabaseProvider, string, string>();
        (string Query, string Message)[] cases =
        [
            ("&year=abc", "年度は西暦4桁(例: 2022)で指定してください。"),
            ("&year=20222", "年度は西暦4桁(例: 2022)で指定してください。"),
            ("&year=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%92", "年度は西暦4桁(例: 2022)で指定してください。"),
            ("&year=-2022", "年度は西暦4桁(例: 2022)で指定してください。"),
            ("&department=..%2Fadmin", "部の指定が正しくありません。"),
            ("&department=%27%20OR%201%3D1", "部の指定が正しくありません。"),
            ("&rating=good", "評価は「達成」「未達成」「評価対象外」のいずれかを指定してください。"),
            ("&rating=MET", "評価は「達成」「未達成」「評価対象外」のいずれかを指定してください。"),
            ("&page=0", "ページ番号は1から10000までの数字で指定してください。"),
            ("&page=-1", "ページ番号は1から10000までの数字で指定してください。"),
            ("&page=abc", "ページ番号は1から10000までの数字で指定してください。"),
            ("&page=99999999999999999999", "ページ番号は1から10000までの数字で指定してください。"),
            ("&page=10001", "ページ番号は1から10000までの数字で指定してください。"),
            ("&city=Iruma%21", "自治体の指定が正しくありません。"),
        ];
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            foreach (var (query, message) in cases)
            {
                data.Add(provider, query, message);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidFilters))]
    public async Task Invalid_filters_get_400_with_a_message_on_the_page_and_in_the_api(DatabaseProvider provider, string filter, string message)
    {
        var client = await apps.ClientAsync(provider);

        using var page = await client.GetAsync(new Uri("/search?q=%E4%BA%A4%E9%80%9A" + filter, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await Html.ParseAsync(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(message, html.QuerySelector(".search-message")!.TextContent);

        var (status, body, mediaType) = await SearchClient.GetAsync(client, "/api/v1/search?q=%E4%BA%A4%E9%80%9A" + filter);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal(message, body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Filters_by_year_department_rating_and_city_narrow_the_results(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);
        var (report, _) = await SearchClient.SeedReportAsync(client);
        var all = SearchClient.Expected(report, ["市"]);
        Assert.True(all.Count > 5);

        Assert.Equal(all, SearchClient.Anchors(await SearchClient.AllHitsAsync(client, "市", "&year=2022&department=shimin-seikatsu&city=iruma")));
        Assert.Empty(await SearchClient.AllHitsAsync(client, "市", "&year=2021"));
        Assert.Empty(await SearchClient.AllHitsAsync(client, "市", "&department=kikaku"));
        Assert.Empty(await SearchClient.AllHitsAsync(client, "市", "&city=tokorozawa"));
        foreach (var rating in new[] { "met", "not-met", "not-rated" })
        {
            var hits = await SearchClient.AllHitsAsync(client, "市", "&rating=" + rating);
            Assert.Equal(SearchClient.Expected(report, ["市"], rating), SearchClient.Anchors(hits));
            Assert.All(hits, h => Assert.Equal(rating, h.GetProperty("rating").GetString()));
        }

        Assert.Subset(new SortedSet<string>(["goal-5", "goal-8"], StringComparer.Ordinal),
            SearchClient.Anchors(await SearchClient.AllHitsAsync(client, "市", "&rating=met")));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Pages_split_the_results_in_a_stable_order_with_links_to_the_next_and_previous(DatabaseProvider provider)
    {
        var client = await apps.ClientAsync(provider);
        var (_, whole, _) = await SearchClient.GetAsync(client, SearchClient.Url("市", "&pageSize=100"));
        var order = whole.GetProperty("results").EnumerateArray().Select(h => h.GetProperty("url").GetString()).ToList();
        var total = whole.GetProperty("total").GetInt32();
        Assert.Equal(total, order.Count);

        var paged = new List<string?>();
        string? next = SearchClient.Url("市", "&pageSize=4");
        var pages = 0;
        while (next is not null)
        {
            var (status, body, _) = await SearchClient.GetAsync(client, next);
            Assert.Equal(HttpStatusCode.OK, status);
            pages++;
            Assert.Equal(pages, body.GetProperty("page").GetInt32());
            Assert.Equal(total, body.GetProperty("total").GetInt32());
            Assert.Equal((total + 3) / 4, body.GetProperty("pageCount").GetInt32());
            Assert.Equal(pages == 1, body.GetProperty("previous").ValueKind == System.Text.Json.JsonValueKind.Null);
            paged.AddRange(body.GetProperty("results").EnumerateArray().Select(h => h.GetProperty("url").GetString()));
            next = body.GetProperty("next").GetString();
        }

        Assert.Equal(order, paged);

        var beyond = await Html.GetAsync(client, "/iruma/search?q=%E5%B8%82&page=50");
        Assert.StartsWith("このページに結果はありません。", beyond.QuerySelector(".search-message")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/iruma/search?q=%E5%B8%82", beyond.QuerySelector(".search-message a")!.GetAttribute("href"));
    }
}
