using Microsoft.Playwright;

namespace Mokuhyo.Browser.Tests;

/// <summary>Launches the machine's Chromium (Playwright cannot download a browser in this closed network).</summary>
public static class Browsers
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>How long an action or an expectation may wait: generous for a shared machine, but bounded.</summary>
    public const float TimeoutMs = 45_000;

    public static async Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: install Debian's chromium package (scripts/test.sh does so) to run the browser tests.");
        }

        return await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = 60_000,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh context (its own cookies) for one person, with bounded timeouts and Japanese as the language.</summary>
    public static async Task<IPage> NewPersonAsync(IBrowser browser, Uri baseAddress, int width = 1280)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            ViewportSize = new() { Width = width, Height = 900 },
        });
        context.SetDefaultTimeout(TimeoutMs);
        context.SetDefaultNavigationTimeout(TimeoutMs);
        return await context.NewPageAsync();
    }
}
