using System.Net;
using System.Text;
using AngleSharp.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Mokuhyo.Domain.Cycle;
using Mokuhyo.Domain.Workflow;
using Mokuhyo.Web.Tests.Authoring;
using netDumbster.smtp;

namespace Mokuhyo.Web.Tests.Cycle;

/// <summary>The yearly cycle through the pages: the schedule, the board, the person's own page, notifications and their e-mails.</summary>
public sealed class CycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Reads the message as a mail client would, decoding the encoded-word subject and the body's charset.</summary>
    private static MimeMessage Parse(string raw) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw)), Ct);

    [Fact]
    public async Task Planning_staff_set_the_schedule_shown_in_wareki_with_the_weekday_and_bad_dates_are_refused_in_japanese()
    {
        await using var app = CycleApp.Start(2022, 10, 3);
        using var planning = await app.SignInAsync(AuthoringApp.Planning);

        await app.SetInterimCalendarAsync(planning, "2022-10-01", "2022-10-31", "2022-11-15", "2022-11-30");

        var page = await planning.GetPageAsync("/staff/cycle/2022/calendar");
        Assert.Equal("令和4年10月31日(月)", page.QuerySelector("#phase-interim dd[data-field=submit]")!.TextContent.Trim());
        Assert.Equal("2022-11-15", page.QuerySelector("#approve-interim")!.GetAttribute("value"));

        var form = FormData.Of(page, "#phase-interim form").Set("Input.ApproveBy", "2022-10-30");
        var refused = await planning.SubmitAsync("/staff/cycle/2022/calendar?handler=Save", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("承認期限は提出期限以降の日付にしてください。", refused.Page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        form = FormData.Of(page, "#phase-interim form").Set("Input.SubmitBy", "2022/13/01");
        refused = await planning.SubmitAsync("/staff/cycle/2022/calendar?handler=Save", form);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("提出期限を日付(例: 2022-10-31)で入力してください。", refused.Page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        // The page read before someone else saved: refused, nothing overwritten.
        await app.SetInterimCalendarAsync(planning, "2022-10-01", "2022-11-01", "2022-11-15", "2022-11-30");
        form = FormData.Of(page, "#phase-interim form").Set("Input.SubmitBy", "2022-10-28");
        var stale = await planning.SubmitAsync("/staff/cycle/2022/calendar?handler=Save", form);
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        var stored = await app.ReadAsync(db => db.PhaseDeadlines.SingleAsync(d => d.PhaseKey == "interim", Ct));
        Assert.Equal(new DateOnly(2022, 11, 1), stored.SubmitBy);
    }

    [Fact]
    public async Task Only_planning_staff_change_the_schedule_and_a_published_phase_is_changed_only_after_a_reopen_with_a_reason()
    {
        await using var app = CycleApp.Start(2022, 10, 3);
        var planning = await app.SignInAsync(AuthoringApp.Planning);
        using var planningFirst = planning;
        using var editor = await app.SignInAsync(AuthoringApp.Editor);
        await app.SetInterimCalendarAsync(planning, "2022-10-01", "2022-10-31", "2022-11-15", "2022-11-30");

        var editorPage = await editor.GetPageAsync("/staff/cycle/2022/calendar");
        Assert.Null(editorPage.QuerySelector("#phase-interim form"));
        var planningForm = FormData.Of(await planning.GetPageAsync("/staff/cycle/2022/calendar"), "#phase-interim form");
        using (var forbidden = await editor.PostAsync("/staff/cycle/2022/calendar?handler=Save",
            FormData.Of(editorPage, "form[action*=logout], main form").Set("Input.Phase", "interim")))
        {
            Assert.True(forbidden.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, forbidden.StatusCode.ToString());
            if (forbidden.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.Contains("/account/denied", forbidden.Headers.Location!.OriginalString, StringComparison.Ordinal);
            }
        }

        // The publication date comes: locked. (Signed in again: the sign-in of a month ago has expired.)
        app.SetToday(2022, 11, 30);
        using var planningLater = await app.SignInAsync(AuthoringApp.Planning);
        planning = planningLater;
        // The page offers only the reopen; a save posted anyway (an old tab) is refused.
        var lockedPage = await planning.GetPageAsync("/staff/cycle/2022/calendar");
        Assert.Null(lockedPage.QuerySelector("#phase-interim input[name='Input.OpensOn']"));
        var stalePost = FormData.Of(lockedPage, "#phase-interim form").Remove("Input.Reason");
        foreach (var field in new[] { "Input.OpensOn", "Input.SubmitBy", "Input.ApproveBy" })
        {
            stalePost.Set(field, planningForm.Get(field)!);
        }

        var locked = await planning.SubmitAsync("/staff/cycle/2022/calendar?handler=Save", stalePost.Set("Input.PublishOn", "2022-12-09"));
        Assert.Equal(HttpStatusCode.Conflict, locked.Status);
        Assert.Contains("理由を記録して再開", locked.Page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var page = await planning.GetPageAsync("/staff/cycle/2022/calendar");
        var reopen = FormData.Of(page, "#phase-interim form");
        var noReason = await planning.SubmitAsync("/staff/cycle/2022/calendar?handler=Reopen", reopen);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.Status);
        Assert.Contains("再開の理由を入力してください", noReason.Page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var reopened = await planning.SubmitAsync("/staff/cycle/2022/calendar?handler=Reopen", reopen.Set("Input.Reason", "議会日程の変更により公表日を延期するため"));
        Assert.Equal(HttpStatusCode.Redirect, reopened.Status);
        await app.SetInterimCalendarAsync(planning, "2022-10-01", "2022-10-31", "2022-11-15", "2022-12-09");

        var audit = await app.ReadAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(PhaseDeadline)).ToListAsync(Ct));
        Assert.Contains(audit, a => a.Changes.Contains("議会日程の変更により公表日を延期するため", StringComparison.Ordinal) && a.ActorName == "企画・行政経営課(デモ)");
        var stored = await app.ReadAsync(db => db.PhaseDeadlines.SingleAsync(d => d.PhaseKey == "interim", Ct));
        Assert.Equal((new DateOnly(2022, 12, 9), (string?)null), (stored.PublishOn, stored.ReopenReason));
    }

    [Fact]
    public async Task The_board_shows_states_due_dates_days_late_and_holders_sorts_filters_and_exports()
    {
        await using var app = CycleApp.Start(2022, 10, 3);
        var planning = await app.SignInAsync(AuthoringApp.Planning);
        using var planningFirst = planning;
        await app.SetInterimCalendarAsync(planning, "2022-10-01", "2022-10-31", "2022-11-15", "2022-11-30");
        app.SetToday(2022, 11, 3);
        using var planningLater = await app.SignInAsync(AuthoringApp.Planning);
        planning = planningLater;

        var page = await planning.GetPageAsync("/staff/cycle/2022/interim");
        var row = page.QuerySelector("#board tr[data-department=shimin-seikatsu]")!;
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("未着手", cells[0]);
        Assert.Equal("令和4年10月31日(月)", cells[1]);
        Assert.Equal("3日", cells[2]);
        Assert.Contains("編集者", cells[3], StringComparison.Ordinal);
        Assert.Contains("市民生活部 庶務担当(デモ)", cells[3], StringComparison.Ordinal);
        Assert.Equal("1", page.QuerySelector("a[data-status=NotStarted] strong")!.TextContent);

        await app.SetInterimStatusAsync(ReportStatus.Submitted);
        page = await planning.GetPageAsync("/staff/cycle/2022/interim?status=Submitted");
        cells = page.QuerySelectorAll("#board tr[data-department=shimin-seikatsu] td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["提出済", "令和4年11月15日(火)", "—"], cells.Take(3));
        Assert.Contains("承認者", cells[3], StringComparison.Ordinal);
        page = await planning.GetPageAsync("/staff/cycle/2022/interim?status=Draft");
        Assert.Null(page.QuerySelector("#board"));
        page = await planning.GetPageAsync("/staff/cycle/2022/interim?late=true");
        Assert.Null(page.QuerySelector("#board"));
        page = await planning.GetPageAsync("/staff/cycle/2022/interim?sort=late&dir=desc");
        Assert.Equal("/staff/cycle/2022/interim?sort=late", page.QuerySelector("#board thead a[href*='sort=late']")!.GetAttribute("href"));

        using var csv = await planning.GetAsync("/staff/cycle/2022/interim?export=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("部,状態,期限,遅延日数,対応者,最終更新,更新者", lines[0]);
        Assert.StartsWith("市民生活部,提出済,2022-11-15,0,承認者(市民生活部長(デモ)),", lines[1], StringComparison.Ordinal);

        using var xlsx = await planning.GetAsync("/staff/cycle/2022/interim?export=xlsx&status=Submitted");
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct));
        using var workbook = SpreadsheetDocument.Open(stream, false);
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var values = sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal("進捗一覧", workbook.WorkbookPart.Workbook.Descendants<Sheet>().Single().Name!.Value);
        Assert.Equal(2, values.Count);
        Assert.Equal(["市民生活部", "提出済", "2022-11-15", "0"], values[1].Take(4));

        using var unknown = await planning.GetAsync("/staff/cycle/2022/no-such-phase");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_late_editor_is_reminded_once_by_email_submits_and_the_approver_is_notified_in_japanese()
    {
        using var smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();
        await using var app = CycleApp.Start(2022, 10, 3, smtp.Configuration.Port);
        using (var planning = await app.SignInAsync(AuthoringApp.Planning))
        {
            await app.SetInterimCalendarAsync(planning, "2022-10-01", "2022-10-31", "2022-11-15", "2022-11-30");
        }

        app.SetToday(2022, 11, 1);
        using var editor = await app.SignInAsync(AuthoringApp.Editor);
        using var approver = await app.SignInAsync(AuthoringApp.Approver);
        await app.RunWorkerAsync();
        await app.RunWorkerAsync();

        // Both editors who hold the report (the department's and 地域振興課's), once each despite two rounds.
        var reminders = smtp.ReceivedEmail.Select(m => Parse(m.Data)).ToList();
        Assert.Equal(["chiiki@iruma.example.jp", "shimin-seikatsu@iruma.example.jp"], reminders.Select(m => m.To.Mailboxes.Single().Address).Order());
        var reminder = smtp.ReceivedEmail.Single(m => m.Data.Contains("shimin-seikatsu@", StringComparison.Ordinal));
        var mail = Parse(reminder.Data);
        Assert.Equal("【目標管理】市民生活部の中間報告(令和4年度)の期限 令和4年10月31日(月) を過ぎています。", mail.Subject);
        Assert.Contains("=?utf-8?", reminder.Data, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("shimin-seikatsu@iruma.example.jp", mail.To.Mailboxes.Single().Address);
        Assert.Contains("https://mokuhyo.city.example.jp/staff/2022/shimin-seikatsu/interim", mail.TextBody, StringComparison.Ordinal);

        var me = await editor.GetPageAsync("/staff/me");
        var waiting = me.QuerySelector("#waiting tr[data-department=shimin-seikatsu][data-phase=interim]")!;
        Assert.Contains("1日超過", waiting.TextContent, StringComparison.Ordinal);
        Assert.Contains("期限 令和4年10月31日(月) を過ぎています", me.QuerySelector("#notifications li[data-kind=Overdue]")!.TextContent, StringComparison.Ordinal);

        await app.SetInterimStatusAsync(ReportStatus.Draft);
        await Workflow.TransitionAsync(editor, CycleApp.Interim, ReportAction.Submit);
        smtp.ClearReceivedEmail();
        await app.RunWorkerAsync();

        Assert.True(smtp.ReceivedEmailCount == 1, string.Join(" | ", smtp.ReceivedEmail.Select(m => Parse(m.Data).To + " " + Parse(m.Data).Subject)));
        var submitted = smtp.ReceivedEmail.Single();
        mail = Parse(submitted.Data);
        Assert.Equal("【目標管理】市民生活部の中間報告(令和4年度)が提出されました。承認をお願いします。", mail.Subject);
        Assert.Equal("bucho@iruma.example.jp", mail.To.Mailboxes.Single().Address);
        Assert.Contains("操作した人: 市民生活部 庶務担当(デモ)", mail.TextBody, StringComparison.Ordinal);
        var approverPage = await approver.GetPageAsync("/staff/me");
        Assert.NotNull(approverPage.QuerySelector("#notifications li[data-kind=Submitted]"));
        Assert.Contains("承認", approverPage.QuerySelector("#waiting tr[data-department=shimin-seikatsu]")!.TextContent, StringComparison.Ordinal);

        // The approver sends it back: the editor reads the comment in the mail.
        await Workflow.TransitionAsync(approver, CycleApp.Interim, ReportAction.Return, "指標の実績値を10月末現在に更新してください。");
        smtp.ClearReceivedEmail();
        await app.RunWorkerAsync();
        var returned = smtp.ReceivedEmail.Select(m => Parse(m.Data)).ToList();
        Assert.Equal(["chiiki@iruma.example.jp", "shimin-seikatsu@iruma.example.jp"], returned.Select(m => m.To.Mailboxes.Single().Address).Order());
        mail = returned.First(m => m.To.Mailboxes.Single().Address.StartsWith("shimin-seikatsu@", StringComparison.Ordinal));
        Assert.Equal("【目標管理】市民生活部の中間報告(令和4年度)が差し戻されました。", mail.Subject);
        Assert.Contains("指標の実績値を10月末現在に更新してください。", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notifications_are_marked_read_and_a_person_who_opts_out_gets_no_email_of_that_kind()
    {
        using var smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();
        await using var app = CycleApp.Start(2022, 10, 3, smtp.Configuration.Port);
        using var editor = await app.SignInAsync(AuthoringApp.Editor);
        using var approver = await app.SignInAsync(AuthoringApp.Approver);

        var prefs = FormData.Of(await approver.GetPageAsync("/staff/me"), "#preferences form").Remove("email");
        foreach (var kind in Enum.GetValues<NotificationKind>().Where(k => k != NotificationKind.Submitted))
        {
            prefs.Add("email", kind.ToString());
        }

        Assert.Equal(HttpStatusCode.Redirect, (await approver.SubmitAsync("/staff/me?handler=Preferences", prefs)).Status);
        var page = await approver.GetPageAsync("/staff/me");
        Assert.False(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#preferences input[value=Submitted]")!.IsChecked);
        Assert.True(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#preferences input[value=Returned]")!.IsChecked);

        await app.SetInterimStatusAsync(ReportStatus.Draft);
        await Workflow.TransitionAsync(editor, CycleApp.Interim, ReportAction.Submit);
        await app.RunWorkerAsync();
        Assert.Empty(smtp.ReceivedEmail);

        page = await approver.GetPageAsync("/staff/me");
        var item = page.QuerySelector("#notifications li.notification--unread[data-kind=Submitted]")!;
        var read = await approver.SubmitAsync("/staff/me?handler=Read", FormData.Of(page, "#notifications li.notification--unread form"));
        Assert.Equal(HttpStatusCode.Redirect, read.Status);
        page = await approver.GetPageAsync("/staff/me");
        Assert.Null(page.QuerySelector("#notifications li.notification--unread"));
        Assert.NotNull(item);
    }

    [Fact]
    public async Task With_smtp_off_notifications_stay_on_the_page_and_no_email_is_sent()
    {
        using var smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();
        await using var app = CycleApp.Start(2022, 10, 3);
        using var editor = await app.SignInAsync(AuthoringApp.Editor);
        using var approver = await app.SignInAsync(AuthoringApp.Approver);

        await app.SetInterimStatusAsync(ReportStatus.Draft);
        await Workflow.TransitionAsync(editor, CycleApp.Interim, ReportAction.Submit);
        await app.RunWorkerAsync();

        Assert.Empty(smtp.ReceivedEmail);
        var stored = await app.ReadAsync(db => db.Notifications.ToListAsync(Ct));
        Assert.All(stored, n => Assert.Equal(EmailState.None, n.EmailState));
        var page = await approver.GetPageAsync("/staff/me");
        Assert.NotNull(page.QuerySelector("#notifications li[data-kind=Submitted]"));
        Assert.Contains("メール送信が設定されていません", page.QuerySelector("#preferences")!.TextContent, StringComparison.Ordinal);
    }
}
