using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;

namespace Mokuhyo.Web.Tests.PublicSite;

/// <summary>
/// The page chrome (what the system writes from resource files) is in the reader's language on every public
/// page; content (what a city wrote, always Japanese) is marked <c>lang="ja"</c>. A text is content when an
/// element below <c>&lt;html&gt;</c> marks it <c>lang="ja"</c>; everything else is chrome.
/// </summary>
public sealed partial class PageLanguageTests(PageLanguageTests.ExampleSite site) : IClassFixture<PageLanguageTests.ExampleSite>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Words the Japanese chrome legitimately writes in Latin letters: names of formats and standards.
    private static readonly HashSet<string> LatinInJapanese = new(StringComparer.Ordinal)
    {
        "Mokuhyo", "PDF", "CSV", "Excel", "JSON", "API", "OpenAPI", "XML", "UTF", "BOM", "A4", "ISO", "URL",
    };

    [Fact]
    public async Task English_pages_write_no_Japanese_outside_content_marked_lang_ja()
    {
        var client = site.Client;
        var failures = new List<string>();
        var pages = 0;
        foreach (var (path, status) in await PathsAsync(client))
        {
            var page = await GetAsync(client, path, "en", status);
            pages++;
            if (page.DocumentElement.GetAttribute("lang") != "en")
            {
                failures.Add($"{path}: <html lang=\"{page.DocumentElement.GetAttribute("lang")}\">");
            }

            if (!page.Title!.EndsWith("Mokuhyo organizational goals", StringComparison.Ordinal))
            {
                failures.Add($"{path}: <title>{page.Title}</title>");
            }

            foreach (var (where, text, mixed) in Chrome(page, lang => lang == "ja"))
            {
                // A chart's text alternative is one string: the English sentence names Japanese content it cannot mark.
                if (mixed ? !LatinWord().IsMatch(text) : Japanese().IsMatch(text))
                {
                    failures.Add($"{path}: {where}: {text}");
                }
            }
        }

        Assert.True(pages > 30, $"only {pages} pages were checked");
        Assert.True(failures.Count == 0, $"{failures.Count} Japanese chrome texts on English pages:\n" + string.Join('\n', failures.Distinct().Take(80)));
    }

    [Fact]
    public async Task Japanese_pages_write_no_English_chrome()
    {
        var client = site.Client;
        var failures = new List<string>();
        foreach (var (path, status) in await PathsAsync(client))
        {
            var page = await GetAsync(client, path, "ja", status);
            if (page.DocumentElement.GetAttribute("lang") != "ja")
            {
                failures.Add($"{path}: <html lang=\"{page.DocumentElement.GetAttribute("lang")}\">");
            }

            foreach (var (where, text, mixed) in Chrome(page, lang => lang is not null))
            {
                if (mixed)
                {
                    continue;
                }

                var latin = LatinWord().Matches(text).Select(m => m.Value).Where(w => !LatinInJapanese.Contains(w)).ToList();
                if (latin.Count > 0)
                {
                    failures.Add($"{path}: {where}: {text}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} English chrome texts on Japanese pages:\n" + string.Join('\n', failures.Distinct().Take(80)));
    }

    [Fact]
    public async Task Content_in_the_chrome_is_marked_and_wareki_keeps_the_western_year_beside_it_in_English()
    {
        var client = site.Client;
        var page = await GetAsync(client, "/iruma/2022", "en", HttpStatusCode.OK);

        Assert.Equal("入間市", page.QuerySelector("nav.breadcrumb li:nth-child(2) [lang=ja]")?.TextContent);
        Assert.Contains(page.QuerySelectorAll("h1 [lang=ja]"), e => e.TextContent == "入間市");
        var period = page.QuerySelector("main p")!;
        Assert.Equal(["令和4年4月1日", "令和5年3月31日"], period.QuerySelectorAll("[lang=ja]").Select(e => e.TextContent));
        Assert.Contains("(2023-03-31)", period.TextContent, StringComparison.Ordinal);
        Assert.Contains("令和4年度 (FY2022)", page.QuerySelector("nav.breadcrumb [aria-current=page]")!.TextContent, StringComparison.Ordinal);

        var japanese = await GetAsync(client, "/iruma/2022", "ja", HttpStatusCode.OK);
        Assert.Equal("令和4年度(2022年度)", japanese.QuerySelector("nav.breadcrumb [aria-current=page]")!.TextContent.Trim());
    }

    /// <summary>The app with the seed city and the sample cities of every example format, whose pages show each kind of section, field and rating scale.</summary>
    public sealed class ExampleSite : IAsyncLifetime
    {
        private Admin.AdminApp? app;

        public HttpClient Client { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            app = await Admin.AdminApp.StartAsync(exampleData: true);
            Client = app.NewClient();
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>Every page of the sitemap, the search with results, and the error pages.</summary>
    private static async Task<List<(string Path, HttpStatusCode Status)>> PathsAsync(HttpClient client)
    {
        var xml = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative), Ct));
        var paths = xml.Descendants().Where(e => e.Name.LocalName == "loc")
            .Select(e => (new Uri(e.Value).PathAndQuery, HttpStatusCode.OK)).ToList();
        paths.Add(("/search?q=" + Uri.EscapeDataString("マイナンバー"), HttpStatusCode.OK));
        paths.Add(("/iruma/search?q=" + Uri.EscapeDataString("講座") + "&year=2022", HttpStatusCode.OK));
        paths.Add(("/search?q=" + Uri.EscapeDataString("存在しない語句の組み合わせ"), HttpStatusCode.OK));
        paths.Add(("/no-such-page", HttpStatusCode.NotFound));
        paths.Add(("/iruma/2022/Shimin-Seikatsu", HttpStatusCode.BadRequest));
        return paths;
    }

    private static async Task<IDocument> GetAsync(HttpClient client, string path, string culture, HttpStatusCode status)
    {
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        using var response = await client.GetAsync(new Uri($"{path}{separator}culture={culture}", UriKind.Relative), Ct);
        Assert.True(response.StatusCode == status, $"{path}: {response.StatusCode}");
        return await Html.ParseAsync(await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The texts of the body and the accessible names in attributes, except where the nearest language mark below the document element is skipped.</summary>
    private static IEnumerable<(string Where, string Text, bool Mixed)> Chrome(IDocument page, Func<string?, bool> skip)
    {
        foreach (var element in page.Body!.QuerySelectorAll("*").Prepend(page.Body))
        {
            if (element.LocalName is "script" or "style" or "code" || skip(MarkedLanguage(element)))
            {
                continue;
            }

            foreach (var node in element.ChildNodes.OfType<IText>())
            {
                var text = node.Data.Trim();
                if (text.Length > 0)
                {
                    yield return (Describe(element), text, element.LocalName is "title" or "desc" && element.ParentElement?.LocalName is "svg" or "rect");
                }
            }

            foreach (var name in new[] { "aria-label", "alt", "title", "placeholder" })
            {
                if (element.GetAttribute(name) is { Length: > 0 } value)
                {
                    yield return ($"{Describe(element)}[{name}]", value, false);
                }
            }
        }
    }

    /// <summary>The language of the nearest element below the document element that marks one, or null for the page's own language.</summary>
    private static string? MarkedLanguage(IElement element)
    {
        for (var e = element; e is not null && e.LocalName != "html"; e = e.ParentElement)
        {
            if (e.GetAttribute("lang") is { Length: > 0 } lang)
            {
                return lang;
            }
        }

        return null;
    }

    private static string Describe(IElement element) =>
        element.LocalName + (element.ClassName is { Length: > 0 } c ? "." + c.Replace(' ', '.') : "") + (element.Id is { Length: > 0 } id ? "#" + id : "");

    // Kana, kanji (with the supplementary planes' surrogates), and Japanese punctuation and full-width forms.
    [GeneratedRegex(@"[\u3000-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF01-\uFF9F\uD840-\uD87F]")]
    private static partial Regex Japanese();

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9]*")]
    private static partial Regex LatinWord();
}
