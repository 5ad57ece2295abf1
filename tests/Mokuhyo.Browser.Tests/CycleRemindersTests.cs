using System.Diagnostics;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mokuhyo.Browser.Tests.Pages;
using Mokuhyo.Data;
using Mokuhyo.Domain.Workflow;
using Mokuhyo.Web.Cycle;
using static Microsoft.Playwright.Assertions;

namespace Mokuhyo.Browser.Tests;

/// <summary>A clock the test moves, so a report becomes late without waiting.</summary>
internal sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public void Set(DateTimeOffset to) => now = to;

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}

/// <summary>
/// Due dates and reminders in a real browser: planning staff set the 中間報告's schedule on the calendar
/// page; the day after the submission deadline the board shows 市民生活部 late, the worker's round leaves the
/// editor an overdue notice on their page; the editor submits and the approver finds the request on theirs.
/// </summary>
public sealed class CycleRemindersTests
{
    private const string Password = "Mokuhyo-demo-2022";
    private const string Editor = "shimin-seikatsu@iruma.example.jp";
    private const string Approver = "bucho@iruma.example.jp";
    private const string Planning = "kikaku@iruma.example.jp";

    private static DateTimeOffset Tokyo(int month, int day, int hour = 9) => new(2022, month, day, hour, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task Planning_set_a_due_date_the_late_editor_is_reminded_submits_and_the_approver_is_notified()
    {
        var stopwatch = Stopwatch.StartNew();
        var ct = TestContext.Current.CancellationToken;
        var clock = new MovableClock(Tokyo(10, 28));
        await using var app = LiveApp.Start(builder =>
        {
            builder.UseSetting("Cycle:WorkerEnabled", "false");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        SetDefaultExpectTimeout(Browsers.TimeoutMs);

        var planningTab = await Browsers.NewPersonAsync(browser, app.BaseAddress);
        var editorTab = await Browsers.NewPersonAsync(browser, app.BaseAddress);
        var approverTab = await Browsers.NewPersonAsync(browser, app.BaseAddress);
        try
        {
            // Planning staff set the interim schedule: submit by 令和4年10月31日.
            await new LoginPage(planningTab).SignInAsync(Planning, Password);
            await planningTab.GotoAsync("/staff/cycle/2022/calendar");
            var interim = planningTab.Locator("#phase-interim");
            await interim.Locator("#opens-interim").FillAsync("2022-10-01");
            await interim.Locator("#submit-interim").FillAsync("2022-10-31");
            await interim.Locator("#approve-interim").FillAsync("2022-11-15");
            await interim.Locator("#publish-interim").FillAsync("2022-11-30");
            await interim.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
            await Expect(interim.Locator("dd[data-field=submit]")).ToHaveTextAsync("令和4年10月31日(月)");

            // Two days after the deadline, nothing submitted: the board shows the department late.
            // (Signed in again: the sign-in of days ago has expired.)
            clock.Set(Tokyo(11, 2));
            await new LoginPage(planningTab).SignInAsync(Planning, Password);
            await planningTab.GotoAsync("/staff/cycle/2022/interim");
            var row = planningTab.Locator("tr[data-department=shimin-seikatsu]");
            await Expect(row).ToHaveAttributeAsync("data-late", "2");
            await Expect(row).ToContainTextAsync("2日");

            // The worker's round reminds the editor, who reads it on their own page.
            await app.Services.GetRequiredService<CycleWorker>().RunOnceAsync(ct);
            await new LoginPage(editorTab).SignInAsync(Editor, Password);
            await editorTab.GotoAsync("/staff/me");
            await Expect(editorTab.Locator("#notifications li[data-kind=Overdue]"))
                .ToContainTextAsync("市民生活部の中間報告(令和4年度)の期限 令和4年10月31日(月) を過ぎています。");
            await Expect(editorTab.Locator("#waiting tr[data-department=shimin-seikatsu][data-phase=interim]")).ToContainTextAsync("2日超過");

            // The editors have written their figures (a report not started has nothing to submit); the editor submits.
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MokuhyoDbContext>();
                var department = await db.OrgUnits.SingleAsync(u => u.Code == "shimin-seikatsu", ct);
                var state = await db.ReportStates.SingleOrDefaultAsync(s => s.DepartmentId == department.Id && s.PhaseKey == "interim", ct);
                if (state is null)
                {
                    state = new ReportState { ReportingYearId = department.ReportingYearId, DepartmentId = department.Id, PhaseKey = "interim" };
                    db.ReportStates.Add(state);
                }

                state.Status = ReportStatus.Draft;
                state.ChangedAt = clock.GetUtcNow();
                state.ChangedBy = "市民生活部 庶務担当(デモ)";
                await db.SaveChangesAsync(ct);
            }

            var report = await new StaffReportPage(editorTab, 2022, "shimin-seikatsu", "interim").GotoAsync();
            await report.SubmitAsync();
            await report.ExpectStatusAsync("提出済");

            // The approver is told on their page, and the report now waits for them.
            await new LoginPage(approverTab).SignInAsync(Approver, Password);
            await approverTab.GotoAsync("/staff/me");
            await Expect(approverTab.Locator("#notifications li[data-kind=Submitted]"))
                .ToContainTextAsync("市民生活部の中間報告(令和4年度)が提出されました。承認をお願いします。");
            await Expect(approverTab.Locator("#waiting tr[data-department=shimin-seikatsu]")).ToContainTextAsync("承認");

            // Back on the board the report is with the approver, due 令和4年11月15日, so no longer late.
            await planningTab.GotoAsync("/staff/cycle/2022/interim");
            await Expect(row).ToHaveAttributeAsync("data-late", "0");
        }
        catch
        {
            await Artifacts.SaveFailureScreenshotsAsync(("planning", planningTab), ("editor", editorTab), ("approver", approverTab));
            throw;
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Due dates and reminders in the browser: {stopwatch.Elapsed.TotalSeconds:F1} s");
    }
}
