using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mokuhyo.Browser.Tests.Pages;

/// <summary>The editor of one goal of a report (/staff/{year}/{department}/{phase}/goals/{number}).</summary>
public sealed class GoalEditorPage(IPage page, int number)
{
    public ILocator Title => page.GetByLabel("タイトル", new() { Exact = true });

    public async Task ExpectLoadedAsync() =>
        await Expect(page.GetByRole(AriaRole.Heading, new()
        {
            Level = 1,
            Name = string.Create(CultureInfo.InvariantCulture, $"目標{number}の編集"),
        })).ToBeVisibleAsync();

    public Task SetTitleAsync(string title) => Title.FillAsync(title);

    /// <summary>Saves with the first 保存する button and waits for the confirmation.</summary>
    public async Task SaveAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する", Exact = true }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "目標を保存しました。" })).ToBeVisibleAsync();
    }

    /// <summary>Follows 報告のページへ戻る back to the report's workspace.</summary>
    public async Task BackToReportAsync(StaffReportPage report)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "報告のページへ戻る", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == report.Path);
        await Expect(report.StatusPanel).ToBeVisibleAsync();
    }
}
