using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mokuhyo.Browser.Tests;

/// <summary>
/// Search with the keyboard alone: from the top of the home page to the header's search field, the
/// results, and the goal a result points to (a visible focus at every step); the results page on a
/// phone and on a desktop (screenshots left in TestResults/screenshots).
/// </summary>
public sealed class SearchKeyboardTests
{
    private const string Query = "マイナンバー";

    [Fact]
    public async Task A_reader_searches_from_the_home_page_and_opens_the_first_result_with_tab_and_enter_only()
    {
        await using var app = LiveApp.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        SetDefaultExpectTimeout(Browsers.TimeoutMs);
        var page = await Browsers.NewPersonAsync(browser, app.BaseAddress);
        try
        {
            await page.GotoAsync("/");

            // The skip link comes first, then the header; Tab goes on until the search field has the focus.
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("#main", await FocusedAsync(page, "el.getAttribute('href')"));
            await KeyboardAndLayoutTests.ExpectVisibleFocusAsync(page);
            await TabUntilAsync(page, "el.id === 'site-search-q'", "the header's search field");
            Assert.Equal("search", await FocusedAsync(page, "el.type"));
            Assert.False(string.IsNullOrEmpty(await FocusedAsync(page, "el.labels.length > 0 ? el.labels[0].textContent.trim() : ''")),
                "The header's search field has no label.");

            await page.Keyboard.TypeAsync(Query);
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/search");
            Assert.Equal(Query, System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)["q"]);
            await Expect(page.Locator("#search-results-heading")).ToBeVisibleAsync();

            var first = page.Locator(".search-hit__title a").First;
            var href = await first.GetAttributeAsync("href") ?? throw new InvalidOperationException("The first result has no link.");
            var anchor = new Uri(app.BaseAddress, href).Fragment.TrimStart('#');
            Assert.False(string.IsNullOrEmpty(anchor), $"The first result links to {href}, not to a place in a report.");

            // Tab from the top of the results page until the first result's link has the focus, then follow it.
            await KeyboardAndLayoutTests.TabToAndFollowAsync(page, href);
            var target = page.Locator($"[id='{anchor}']");
            await Expect(target).ToBeInViewportAsync();
            await Expect(target).ToContainTextAsync(Query);
        }
        catch
        {
            await Artifacts.SaveFailureScreenshotsAsync(("search-keyboard", page));
            throw;
        }
    }

    [Fact]
    public async Task The_results_page_is_captured_at_375_and_1280_px_without_sideways_scrolling()
    {
        await using var app = LiveApp.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var directory = Artifacts.ScreenshotsDirectory();
        var path = "/search?q=" + Uri.EscapeDataString(Query);
        foreach (var width in new[] { 375, 1280 })
        {
            var page = await Browsers.NewPersonAsync(browser, app.BaseAddress, width);
            var response = await page.GotoAsync(path);
            Assert.True(response?.Ok, $"{path} answered {response?.Status}");
            Assert.True(await page.Locator(".search-hit").CountAsync() > 0, $"{path} shows no result.");
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width, $"{path} scrolls sideways at {width} px");
            var file = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"public-search-{width}.png"));
            await page.ScreenshotAsync(new() { Path = file, FullPage = true });
            Assert.True(new FileInfo(file).Length > 1000, $"{file} is empty");
            await page.Context.CloseAsync();
        }
    }

    private static Task<string> FocusedAsync(IPage page, string expression) =>
        page.EvaluateAsync<string>($"() => {{ const el = document.activeElement; return el ? String({expression}) : ''; }}");

    /// <summary>Presses Tab until the focused element satisfies <paramref name="condition"/> (a JS expression over el), visibly focused.</summary>
    private static async Task TabUntilAsync(IPage page, string condition, string what)
    {
        for (var i = 0; i < KeyboardAndLayoutTests.MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await FocusedAsync(page, condition) == "true")
            {
                await KeyboardAndLayoutTests.ExpectVisibleFocusAsync(page);
                return;
            }
        }

        Assert.Fail($"{KeyboardAndLayoutTests.MaxTabs} presses of Tab on {page.Url} never reached {what}.");
    }
}
