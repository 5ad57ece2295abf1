using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mokuhyo.Browser.Tests;

/// <summary>
/// The public site with the keyboard alone (Tab and Enter, a visible focus at every step), and how its
/// main pages look on a phone and on a desktop (screenshots left in TestResults/screenshots).
/// </summary>
public sealed class KeyboardAndLayoutTests
{
    internal const int MaxTabs = 80;

    [Fact]
    public async Task A_reader_goes_from_the_home_page_to_a_goal_with_tab_and_enter_only()
    {
        await using var app = LiveApp.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        SetDefaultExpectTimeout(Browsers.TimeoutMs);
        var page = await Browsers.NewPersonAsync(browser, app.BaseAddress);
        try
        {
            await page.GotoAsync("/");

            // The first Tab reaches the skip link, and Enter takes the focus past the header into the content.
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("#main", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
            await ExpectVisibleFocusAsync(page);
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));

            await TabToAndFollowAsync(page, "/iruma/2022");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("令和4年度");
            await TabToAndFollowAsync(page, "/iruma/2022/shimin-seikatsu");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("市民生活部");
            await TabToAndFollowAsync(page, "/iruma/2022/shimin-seikatsu/goals/4/history");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("市民生活部 目標4の経年推移");
            await TabToAndFollowAsync(page, "/iruma/2022/shimin-seikatsu#goal-4");
            await Expect(page.Locator("#goal-4")).ToBeInViewportAsync();
        }
        catch
        {
            await Artifacts.SaveFailureScreenshotsAsync(("keyboard", page));
            throw;
        }
    }

    [Fact]
    public async Task Home_year_dashboard_and_report_pages_are_captured_at_375_and_1280_px()
    {
        await using var app = LiveApp.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var directory = Artifacts.ScreenshotsDirectory();
        (string Name, string Path)[] pages =
        [
            ("home", "/"),
            ("year", "/iruma/2022"),
            ("dashboard", "/iruma/2022/dashboard"),
            ("report", "/iruma/2022/shimin-seikatsu"),
        ];
        foreach (var width in new[] { 375, 1280 })
        {
            var page = await Browsers.NewPersonAsync(browser, app.BaseAddress, width);
            foreach (var (name, path) in pages)
            {
                var response = await page.GotoAsync(path);
                Assert.True(response?.Ok, $"{path} answered {response?.Status}");
                Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width, $"{path} scrolls sideways at {width} px");
                var file = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"public-{name}-{width}.png"));
                await page.ScreenshotAsync(new() { Path = file, FullPage = true });
                Assert.True(new FileInfo(file).Length > 1000, $"{file} is empty");
            }

            await page.Context.CloseAsync();
        }
    }

    /// <summary>Presses Tab until the link to <paramref name="href"/> has the focus (visibly), then Enter, and waits for the page.</summary>
    internal static async Task TabToAndFollowAsync(IPage page, string href)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string?>("() => document.activeElement && document.activeElement.getAttribute('href')");
            if (string.Equals(focused, href, StringComparison.Ordinal))
            {
                await ExpectVisibleFocusAsync(page);
                await page.Keyboard.PressAsync("Enter");
                await page.WaitForURLAsync(url => new Uri(url).PathAndQuery + new Uri(url).Fragment == href);
                return;
            }
        }

        Assert.Fail($"{MaxTabs} presses of Tab on {page.Url} never reached a link to {href}.");
    }

    internal static async Task ExpectVisibleFocusAsync(IPage page)
    {
        var outline = await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }");
        Assert.False(outline.StartsWith("none", StringComparison.Ordinal) || outline.EndsWith(" 0px", StringComparison.Ordinal),
            $"The focused element on {page.Url} has no visible outline ({outline}).");
    }
}
