using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mokuhyo.Browser.Tests.Pages;

/// <summary>The public page of a department's published report (/{city}/{year}/{department}), as anyone reads it.</summary>
public sealed class PublicReportPage(IPage page, string city, int year, string department)
{
    public string Path { get; } = string.Create(CultureInfo.InvariantCulture, $"/{city}/{year}/{department}");

    /// <summary>The 公表日 line under the title, which names the published revision (第N版).</summary>
    public ILocator PublicationLine => page.GetByText(new Regex("^公表日"));

    public async Task<PublicReportPage> GotoAsync()
    {
        var response = await page.GotoAsync(Path);
        if (response is null || !response.Ok)
        {
            throw new InvalidOperationException($"{Path} answered {response?.Status}");
        }

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        return this;
    }

    /// <summary>The heading of goal <paramref name="number"/> ("4 男女共同参画社会の実現").</summary>
    public ILocator GoalHeading(int number) =>
        page.GetByRole(AriaRole.Heading, new()
        {
            Level = 4,
            NameRegex = new Regex(string.Create(CultureInfo.InvariantCulture, $@"^{number}\s")),
        });

    public async Task ExpectRevisionAsync(int revision) =>
        await Expect(PublicationLine).ToContainTextAsync(string.Create(CultureInfo.InvariantCulture, $"第{revision}版"));

    public async Task ScreenshotAsync(string file) =>
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
}
