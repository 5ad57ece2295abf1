using System.Net;
using Mokuhyo.Domain.Workflow;

namespace Mokuhyo.Web.Tests.Authoring;

/// <summary>A goal's history: who changed what, and what changed between published revisions.</summary>
public sealed class HistoryTests
{
    [Fact]
    public async Task The_history_lists_who_changed_which_field_from_what_to_what()
    {
        await using var app = AuthoringApp.Start();
        using var editor = await app.SignInAsync(AuthoringApp.Editor);
        var path = $"{AuthoringApp.Interim}/goals/1";
        var page = await editor.GetPageAsync(path);
        var oldTitle = page.GetElementById("Input_Title")!.GetAttribute("value");

        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(page, f => f
            .Set("Input.Title", "地域コミュニティの活性化").Set("Input.Indicators[0].Target", "41000"))).Status);
        var history = await editor.GetPageAsync($"{path}/history");

        var entries = history.QuerySelectorAll(".history__entry");
        // Newest first; the demo data's own additions come last.
        var goalEntry = entries.First(e => e.QuerySelector(".history__meta strong")!.TextContent.StartsWith("目標", StringComparison.Ordinal));
        Assert.Contains("市民生活部 庶務担当(デモ)", goalEntry.QuerySelector(".history__actor")!.TextContent, StringComparison.Ordinal);
        var titleRow = goalEntry.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "タイトル");
        Assert.Equal(oldTitle, titleRow.Children[1].TextContent);
        Assert.Equal("地域コミュニティの活性化", titleRow.Children[2].TextContent);
        var indicatorEntry = entries.First(e => e.QuerySelector(".history__meta strong")!.TextContent.StartsWith("指標", StringComparison.Ordinal));
        var targetRow = indicatorEntry.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "目標値");
        Assert.Equal("41000", targetRow.Children[2].TextContent);
    }

    [Fact]
    public async Task The_diff_between_two_published_revisions_marks_the_changed_words()
    {
        await using var app = AuthoringApp.Start();
        using var editor = await app.SignInAsync(AuthoringApp.Editor);
        using var approver = await app.SignInAsync(AuthoringApp.Approver);
        using var planning = await app.SignInAsync(AuthoringApp.Planning);
        const string report = "/staff/2022/shimin-seikatsu/plan";
        var path = $"{report}/goals/1";

        var page = await editor.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(page, f => f
            .Set("Input.Title", "コミュニティ活動の活発なまちづくりの促進")
            .Set("Input.PlanReferences", "第6次入間市総合計画 2022年度版"))).Status);
        await Workflow.TransitionAsync(editor, report, ReportAction.Submit);
        await Workflow.TransitionAsync(approver, report, ReportAction.Approve);
        await Workflow.TransitionAsync(approver, report, ReportAction.Publish);
        await Workflow.TransitionAsync(planning, report, ReportAction.Reopen, "タイトルの表現を見直すため");

        page = await editor.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(page, f => f
            .Set("Input.Title", "コミュニティ活動の活発なまちづくりの推進")
            .Set("Input.PlanReferences", "第6次入間市総合計画 2023年度版"))).Status);
        await Workflow.TransitionAsync(editor, report, ReportAction.Submit);
        await Workflow.TransitionAsync(approver, report, ReportAction.Approve);
        await Workflow.TransitionAsync(approver, report, ReportAction.Publish);

        var history = await editor.GetPageAsync($"{path}/history");
        var revision = history.QuerySelector(".revision")!;
        Assert.StartsWith("第1版 → 第2版", revision.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        var fields = revision.QuerySelectorAll("dt").Select(dt => dt.TextContent).ToList();
        Assert.Equal(["タイトル", "関連する計画"], fields);
        var title = revision.QuerySelectorAll("dd")[0];
        Assert.Equal(["促"], title.QuerySelectorAll("del").Select(d => d.LastChild!.TextContent));
        Assert.Equal(["推"], title.QuerySelectorAll("ins").Select(d => d.LastChild!.TextContent));
        var references = revision.QuerySelectorAll("dd")[1];
        Assert.Equal(["2022"], references.QuerySelectorAll("del").Select(d => d.LastChild!.TextContent));
        Assert.Equal(["2023"], references.QuerySelectorAll("ins").Select(d => d.LastChild!.TextContent));
        Assert.Contains("コミュニティ活動の活発なまちづくりの", title.TextContent, StringComparison.Ordinal);
    }
}
