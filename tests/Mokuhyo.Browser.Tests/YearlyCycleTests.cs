using System.Diagnostics;
using Microsoft.Playwright;
using Mokuhyo.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Mokuhyo.Browser.Tests;

/// <summary>
/// The yearly cycle in a real browser, on the demo data (入間市 市民生活部, 令和4年度, 期末報告 already
/// published as 第1版): the editor starts a revision, edits and submits; the approver returns it with
/// a comment; the editor reads the comment, fixes and resubmits; the approver approves and publishes;
/// an anonymous reader sees the new revision, and saw the old one until then.
/// </summary>
public sealed class YearlyCycleTests
{
    private const string Password = "Mokuhyo-demo-2022";
    private const string Editor = "shimin-seikatsu@iruma.example.jp";
    private const string Approver = "bucho@iruma.example.jp";
    private const string Planning = "kikaku@iruma.example.jp";
    private const int Year = 2022;
    private const string Department = "shimin-seikatsu";
    private const string Phase = "year-end";
    private const int GoalNumber = 4;
    private const string PublishedTitle = "男女共同参画社会の実現";
    private const string DraftTitle = "男女共同参画社会の実現に向けた意識啓発(案)";
    private const string FinalTitle = "男女共同参画社会の実現に向けた意識啓発";
    private const string ReturnComment = "目標4のタイトルから「(案)」を外してから再提出してください。";

    [Fact]
    public async Task A_revision_written_returned_fixed_approved_and_published_reaches_the_public_page()
    {
        var clock = Stopwatch.StartNew();
        await using var app = LiveApp.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        SetDefaultExpectTimeout(Browsers.TimeoutMs);

        var editorTab = await Browsers.NewPersonAsync(browser, app.BaseAddress);
        var approverTab = await Browsers.NewPersonAsync(browser, app.BaseAddress);
        var readerTab = await Browsers.NewPersonAsync(browser, app.BaseAddress);
        try
        {
            var reader = new PublicReportPage(readerTab, "iruma", Year, Department);
            await reader.GotoAsync();
            await reader.ExpectRevisionAsync(1);
            await Expect(reader.GoalHeading(GoalNumber)).ToHaveTextAsync($"{GoalNumber} {PublishedTitle}");

            // Planning staff start revision 2 of the published year-end report, with a reason;
            // the editor writes a first draft.
            var planningTab = await Browsers.NewPersonAsync(browser, app.BaseAddress);
            await new LoginPage(planningTab).SignInAsync(Planning, Password);
            var planningReport = await new StaffReportPage(planningTab, Year, Department, Phase).GotoAsync();
            await planningReport.ExpectStatusAsync("公開");
            await planningReport.ReopenAsync("目標4のタイトルを見直すため改訂します。");
            await planningReport.ExpectStatusAsync("下書き", revision: 2);
            await new LoginPage(editorTab).SignInAsync(Editor, Password);
            var editorReport = await new StaffReportPage(editorTab, Year, Department, Phase).GotoAsync();
            var goal = await editorReport.EditGoalAsync(GoalNumber);
            await goal.SetTitleAsync(DraftTitle);
            await goal.SaveAsync();
            await goal.BackToReportAsync(editorReport);
            await editorReport.SubmitAsync();
            await editorReport.ExpectStatusAsync("提出済", revision: 2);

            await ExpectStillFirstRevisionAsync(reader);

            // The approver sends it back with a comment.
            await new LoginPage(approverTab).SignInAsync(Approver, Password);
            var approverReport = await new StaffReportPage(approverTab, Year, Department, Phase).GotoAsync();
            await approverReport.ExpectStatusAsync("提出済", revision: 2);
            await approverReport.ReturnAsync(ReturnComment);
            await approverReport.ExpectStatusAsync("差戻し", revision: 2);

            // The editor sees the comment, fixes the title and submits again.
            await editorReport.GotoAsync();
            await editorReport.ExpectStatusAsync("差戻し", revision: 2);
            await Expect(editorReport.CommentsPanel).ToContainTextAsync(ReturnComment);
            goal = await editorReport.EditGoalAsync(GoalNumber);
            await Expect(goal.Title).ToHaveValueAsync(DraftTitle);
            await goal.SetTitleAsync(FinalTitle);
            await goal.SaveAsync();
            await goal.BackToReportAsync(editorReport);
            await editorReport.SubmitAsync();
            await editorReport.ExpectStatusAsync("提出済", revision: 2);

            // The approver approves; until publication the public page keeps the published revision.
            await approverReport.GotoAsync();
            await approverReport.ApproveAsync();
            await approverReport.ExpectStatusAsync("承認済", revision: 2);
            await ExpectStillFirstRevisionAsync(reader);
            await approverReport.PublishAsync();
            await approverReport.ExpectStatusAsync("公開");

            // Anyone now reads revision 2 with the fixed title.
            await reader.GotoAsync();
            await reader.ExpectRevisionAsync(2);
            await Expect(reader.GoalHeading(GoalNumber)).ToHaveTextAsync($"{GoalNumber} {FinalTitle}");
            await Expect(readerTab.GetByText(DraftTitle)).ToHaveCountAsync(0);

            var screenshots = Artifacts.ScreenshotsDirectory();
            foreach (var width in new[] { 375, 1280 })
            {
                await readerTab.SetViewportSizeAsync(width, 900);
                await reader.ScreenshotAsync(Path.Combine(screenshots, $"public-report-after-publication-{width}.png"));
            }
        }
        catch
        {
            await Artifacts.SaveFailureScreenshotsAsync(("editor", editorTab), ("approver", approverTab), ("reader", readerTab));
            throw;
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Yearly cycle in the browser: {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task ExpectStillFirstRevisionAsync(PublicReportPage reader)
    {
        await reader.GotoAsync();
        await reader.ExpectRevisionAsync(1);
        await Expect(reader.GoalHeading(GoalNumber)).ToHaveTextAsync($"{GoalNumber} {PublishedTitle}");
    }
}
