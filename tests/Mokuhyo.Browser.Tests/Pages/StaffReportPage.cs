using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mokuhyo.Browser.Tests.Pages;

/// <summary>
/// The staff workspace of a department's report in one phase (/staff/{year}/{department}/{phase}):
/// its status, the workflow buttons with their comment box, the goals, and the review comments.
/// </summary>
public sealed class StaffReportPage(IPage page, int year, string department, string phase)
{
    private static readonly Dictionary<string, string> DoneMessages = new(StringComparer.Ordinal)
    {
        ["提出する"] = "提出しました。",
        ["差し戻す"] = "差し戻しました。",
        ["承認する"] = "承認しました。",
        ["公開する"] = "公開しました。",
        ["改訂を開始する"] = "改訂を開始しました。",
    };

    public string Path { get; } = string.Create(CultureInfo.InvariantCulture, $"/staff/{year}/{department}/{phase}");

    /// <summary>The 状況 panel: status, revisions, workflow form.</summary>
    public ILocator StatusPanel => page.GetByRole(AriaRole.Region, new() { Name = "状況", Exact = true });

    /// <summary>The 審査のコメント panel.</summary>
    public ILocator CommentsPanel => page.GetByRole(AriaRole.Region, new() { Name = "審査のコメント", Exact = true });

    public async Task<StaffReportPage> GotoAsync()
    {
        await page.GotoAsync(Path);
        await Expect(StatusPanel).ToBeVisibleAsync();
        return this;
    }

    /// <summary>Waits until the panel shows the status label (e.g. 公開, 下書き, 差戻し) and, if given, the revision being worked on.</summary>
    public async Task ExpectStatusAsync(string status, int? revision = null)
    {
        await Expect(StatusPanel.GetByText(status, new() { Exact = true })).ToBeVisibleAsync();
        if (revision is { } r)
        {
            await Expect(StatusPanel).ToContainTextAsync(string.Create(CultureInfo.InvariantCulture, $"作業中: 第{r}版"));
        }
    }

    public Task ReopenAsync(string reason) => ActAsync("改訂を開始する", reason);

    public Task SubmitAsync(string? comment = null) => ActAsync("提出する", comment);

    public Task ReturnAsync(string comment) => ActAsync("差し戻す", comment);

    public Task ApproveAsync(string? comment = null) => ActAsync("承認する", comment);

    public Task PublishAsync() => ActAsync("公開する", null);

    /// <summary>Opens the editor of goal <paramref name="number"/> through its 編集 link.</summary>
    public async Task<GoalEditorPage> EditGoalAsync(int number)
    {
        var contents = page.GetByRole(AriaRole.Region, new() { Name = "内容", Exact = true });
        var goal = contents.GetByRole(AriaRole.Listitem)
            .Filter(new() { HasTextRegex = new Regex(string.Create(CultureInfo.InvariantCulture, $@"^\s*{number}\s")) });
        await goal.GetByRole(AriaRole.Link, new() { Name = "編集", Exact = true }).ClickAsync();
        var editor = new GoalEditorPage(page, number);
        await editor.ExpectLoadedAsync();
        return editor;
    }

    /// <summary>Takes a workflow action with the 状況 panel's comment box and waits for its confirmation.</summary>
    private async Task ActAsync(string button, string? comment)
    {
        if (comment is not null)
        {
            await StatusPanel.GetByLabel("コメント", new() { Exact = true }).FillAsync(comment);
        }

        await StatusPanel.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Expect(StatusPanel.GetByRole(AriaRole.Status)).ToContainTextAsync(DoneMessages[button]);
    }
}
