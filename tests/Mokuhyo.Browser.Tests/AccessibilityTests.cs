using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace Mokuhyo.Browser.Tests;

/// <summary>
/// JIS X 8341-3:2016 level AA as far as machines can check it: every page of the sitemap (pages other
/// features add are audited as soon as they are listed there) has no axe-core violation of WCAG 2.0/2.1
/// A and AA at desktop width and at 320 px, no horizontal scroll at 320 px, no HTML error, and stays
/// usable at 200 % zoom (<see cref="ZoomAudit"/>).
/// </summary>
public sealed class AccessibilityTests
{
    [Fact]
    public async Task Every_sitemap_page_passes_axe_and_the_html_checker_at_1280_and_320_px_and_is_usable_at_200_percent()
    {
        await using var app = LiveApp.Start();
        var paths = await WebAudit.SitemapPathsAsync(app.BaseAddress);
        Assert.True(paths.Count >= 5, $"The sitemap lists only {paths.Count} page(s).");
        var failures = await AuditAsync(app.BaseAddress, paths);
        Assert.True(failures.Length == 0, failures.ToString());
    }

    [Fact]
    public async Task Staff_pages_reached_after_sign_in_pass_axe_and_the_html_checker()
    {
        await using var app = LiveApp.Start();
        string[] paths = ["/account/login", "/staff", "/staff/2022/shimin-seikatsu/year-end", "/staff/2022/shimin-seikatsu/year-end/goals/4"];
        var failures = await AuditAsync(app.BaseAddress, paths, signIn: true);
        Assert.True(failures.Length == 0, failures.ToString());
    }

    private static async Task<StringBuilder> AuditAsync(Uri baseAddress, IReadOnlyList<string> paths, bool signIn = false)
    {
        var axe = await File.ReadAllTextAsync(Path.Combine(WebAudit.PackagesDirectory(), "axe-core", "axe.min.js"));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var failures = new StringBuilder();
        var htmlDirectory = Directory.CreateTempSubdirectory("mokuhyo-vnu-");
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var width in new[] { 1280, 320 })
            {
                // axe is injected as a script of its own; the site's CSP rightly refuses it, so only the test bypasses it.
                var context = await browser.NewContextAsync(new()
                {
                    BaseURL = baseAddress.ToString(),
                    Locale = "ja-JP",
                    BypassCSP = true,
                    ViewportSize = new() { Width = width, Height = 800 },
                });
                context.SetDefaultTimeout(Browsers.TimeoutMs);
                var page = await context.NewPageAsync();
                if (signIn)
                {
                    await new Pages.LoginPage(page).SignInAsync("shimin-seikatsu@iruma.example.jp", "Mokuhyo-demo-2022");
                }

                foreach (var path in paths)
                {
                    var response = await page.GotoAsync(path);
                    if (response is null || !response.Ok)
                    {
                        failures.AppendLine(CultureInfo.InvariantCulture, $"{path} at {width} px answered {response?.Status}");
                        continue;
                    }

                    foreach (var violation in await WebAudit.AxeViolationsAsync(page, axe))
                    {
                        failures.AppendLine(CultureInfo.InvariantCulture, $"{path} at {width} px: {violation}");
                    }

                    if (width == 320)
                    {
                        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                        if (scrollWidth > 320)
                        {
                            failures.AppendLine(CultureInfo.InvariantCulture, $"{path} at 320 px scrolls sideways: scrollWidth {scrollWidth}");
                        }
                    }
                    else
                    {
                        var file = Path.Combine(htmlDirectory.FullName, string.Create(CultureInfo.InvariantCulture, $"page-{files.Count:D3}.html"));
                        await File.WriteAllBytesAsync(file, await response.BodyAsync());
                        files[file] = path;
                    }
                }

                await context.CloseAsync();
            }

            if (!signIn)
            {
                // No axe here: the same pages were audited above; at 200 % only what zooming can break is checked.
                var zoomed = await browser.NewContextAsync(ZoomAudit.ContextOptions(baseAddress));
                zoomed.SetDefaultTimeout(Browsers.TimeoutMs);
                var page = await zoomed.NewPageAsync();
                foreach (var path in paths)
                {
                    await page.GotoAsync(path);
                    foreach (var problem in await ZoomAudit.ProblemsAsync(page))
                    {
                        failures.AppendLine(CultureInfo.InvariantCulture, $"{path} at 200 %: {problem}");
                    }
                }

                await zoomed.CloseAsync();
            }

            var errors = await WebAudit.HtmlErrorsAsync([.. files.Keys]);
            foreach (var (file, messages) in errors)
            {
                var path = files.GetValueOrDefault(file, file);
                foreach (var message in messages)
                {
                    failures.AppendLine(CultureInfo.InvariantCulture, $"{path}: HTML error {message}");
                }
            }
        }
        finally
        {
            htmlDirectory.Delete(recursive: true);
        }

        return failures;
    }
}

/// <summary>The checkers themselves: a page with known faults must be reported, or a green audit would mean nothing.</summary>
public sealed class WebAuditSelfTests
{
    private const string FaultyPage =
        "<!DOCTYPE html><html><head><title>t</title></head><body><main><img src=\"/x.png\"><table><tr><td>1</td></tr></table><p><div>x</div></p></main></body></html>";

    [Fact]
    public async Task Axe_reports_an_image_without_text_alternative_and_a_page_without_lang()
    {
        var axe = await File.ReadAllTextAsync(Path.Combine(WebAudit.PackagesDirectory(), "axe-core", "axe.min.js"), TestContext.Current.CancellationToken);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.SetContentAsync(FaultyPage);
        var violations = await WebAudit.AxeViolationsAsync(page, axe);
        Assert.Contains(violations, v => v.StartsWith("image-alt ", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("html-has-lang ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_html_checker_reports_a_paragraph_that_cannot_hold_a_div()
    {
        var file = Path.Combine(Path.GetTempPath(), $"mokuhyo-vnu-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, FaultyPage, TestContext.Current.CancellationToken);
        try
        {
            var errors = await WebAudit.HtmlErrorsAsync([file]);
            Assert.True(errors.TryGetValue(file, out var messages) && messages.Count > 0, "vnu found no error in a page with one.");
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>The 200 % zoom audit must report what zooming breaks, or its silence would mean nothing.</summary>
public sealed class ZoomAuditSelfTests
{
    private const string FaultyPage = """
        <!DOCTYPE html><html lang="ja"><head><title>t</title><style>
        .site-header { position: fixed; top: 0; left: 0; right: 0; height: 300px; background: #fff; z-index: 1; }
        .site-header nav { position: absolute; left: 700px; }
        .wide { width: 900px; }
        .cut { width: 100px; overflow: hidden; white-space: nowrap; }
        main { padding-top: 10px; }
        </style></head><body>
        <header class="site-header"><nav><a href="/a">言語</a></nav></header>
        <main><p class="cut">とても長い見出しの文章は切れて読めなくなります</p><div class="wide">x</div>
        <p><a id="under" href="/b">隠れるリンク</a></p></main></body></html>
        """;

    [Fact]
    public async Task Zoom_audit_reports_sideways_scroll_clipped_text_an_off_screen_header_and_a_covered_focus()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = ZoomAudit.Width, Height = ZoomAudit.Height }, DeviceScaleFactor = 2 });
        var page = await context.NewPageAsync();
        await page.SetContentAsync(FaultyPage);
        var problems = await ZoomAudit.ProblemsAsync(page);
        Assert.Contains(problems, p => p.StartsWith("scrolls sideways", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("clips its text: p.cut", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("header control off screen", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("focused a#under is covered by header.site-header", StringComparison.Ordinal));
        await context.CloseAsync();
    }
}
