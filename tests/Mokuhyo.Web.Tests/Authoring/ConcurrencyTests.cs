using System.Net;
using AngleSharp.Dom;

namespace Mokuhyo.Web.Tests.Authoring;

/// <summary>Two people saving one goal: never a silent overwrite, never a lost input.</summary>
public sealed class ConcurrencyTests
{
    private const string GoalPath = $"{AuthoringApp.Interim}/goals/1";

    [Fact]
    public async Task Of_two_parallel_saves_one_wins_and_the_other_gets_409_with_both_versions_and_keeps_its_input()
    {
        await using var app = AuthoringApp.Start();
        using var department = await app.SignInAsync(AuthoringApp.Editor);
        using var division = await app.SignInAsync(AuthoringApp.DivisionEditor);
        var pages = await Task.WhenAll(department.GetPageAsync(GoalPath), division.GetPageAsync(GoalPath));
        var titles = new[] { "部の担当が直したタイトル", "課の担当が直したタイトル" };
        var forms = pages.Select((page, i) => FormData.Of(page, "form.authoring").Set("Input.Title", titles[i])
            .Set("Input.Indicators[0].Actual", i == 0 ? "40100" : "40200").Set("command", "save")).ToArray();
        var clients = new[] { department, division };

        var results = await Task.WhenAll(clients.Select((client, i) => client.SubmitAsync(GoalPath, forms[i])));

        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        Assert.Single(results, r => r.Status == HttpStatusCode.Conflict);
        var winner = Array.FindIndex(results, r => r.Status == HttpStatusCode.Redirect);
        var loser = 1 - winner;
        var stored = await app.GoalAsync(1);
        Assert.Equal(titles[winner], stored.Title);
        Assert.Equal(winner == 0 ? 40100m : 40200m, stored.Indicators.OrderBy(i => i.Ordinal).First().Actuals.Single(a => a.PhaseKey == "interim").Value);

        var conflict = results[loser].Page;
        var titleRow = TitleRow(conflict);
        Assert.Equal(titles[winner], titleRow.Children[1].TextContent);
        Assert.Equal(titles[loser], titleRow.Children[2].TextContent);
        var winnerName = winner == 0 ? "市民生活部 庶務担当(デモ)" : "地域振興課 担当(デモ)";
        Assert.Contains(winnerName, conflict.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(titles[loser], conflict.GetElementById("Input_Title")!.GetAttribute("value"));
        Assert.Equal(stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            conflict.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));

        // Having seen both, the second person saves again, knowingly.
        var again = await clients[loser].SubmitAsync(conflict, _ => { });
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(titles[loser], (await app.GoalAsync(1)).Title);
    }

    [Fact]
    public async Task A_stale_save_after_someone_added_an_indicator_keeps_that_indicator_in_the_form()
    {
        await using var app = AuthoringApp.Start();
        using var editor = await app.SignInAsync(AuthoringApp.Editor);
        var stale = await editor.GetPageAsync(GoalPath);
        var fresh = await editor.GetPageAsync(GoalPath);
        var count = fresh.QuerySelectorAll("fieldset[id^=indicator-]").Length;
        var added = await editor.SubmitAsync(fresh, _ => { }, "add:indicator");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(added.Page, f => f.Set($"Input.Indicators[{count}].Name", "追加された指標")
            .Set($"Input.Indicators[{count}].Kind", "Qualitative"))).Status);

        var result = await editor.SubmitAsync(stale, f => f.Set("Input.Title", "古いフォームからの変更"));

        Assert.Equal(HttpStatusCode.Conflict, result.Status);
        var names = result.Page.QuerySelectorAll("input[name$='].Name']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains("追加された指標", names);
        Assert.Equal("古いフォームからの変更", result.Page.GetElementById("Input_Title")!.GetAttribute("value"));
        Assert.NotEqual("古いフォームからの変更", (await app.GoalAsync(1)).Title);

        var merged = await editor.SubmitAsync(result.Page, _ => { });
        Assert.Equal(HttpStatusCode.Redirect, merged.Status);
        var goal = await app.GoalAsync(1);
        Assert.Equal("古いフォームからの変更", goal.Title);
        Assert.Contains(goal.Indicators, i => i.Name == "追加された指標");
    }

    [Fact]
    public async Task A_stale_plan_save_is_refused_with_both_versions_and_nothing_is_half_saved()
    {
        await using var app = AuthoringApp.Start();
        using var first = await app.SignInAsync(AuthoringApp.Editor);
        using var second = await app.SignInAsync(AuthoringApp.Editor);
        var path = $"{AuthoringApp.Interim}/plan";
        var pageA = await first.GetPageAsync(path);
        var pageB = await second.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(pageA, f => f.Set("Input.Sections[0].Items[0].Text", "先に保存した方針"))).Status);
        var result = await second.SubmitAsync(pageB, f => f
            .Set("Input.Sections[0].Items[0].Text", "後から保存した方針")
            .Set("Input.Sections[1].Items[0].Text", "別の区分の変更"));

        Assert.Equal(HttpStatusCode.Conflict, result.Status);
        var row = result.Page.QuerySelectorAll("table.compare tbody tr").First(r => r.ClassList.Contains("compare__differs"));
        Assert.Contains("先に保存した方針", row.Children[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("後から保存した方針", row.Children[2].TextContent, StringComparison.Ordinal);
        Assert.Equal("後から保存した方針", result.Page.GetElementById("Input_Sections_0__Items_0__Text")!.TextContent);
        var texts = await app.ReadAsync(db => Task.FromResult(db.PlanItems.Select(i => i.Text).ToList()));
        Assert.Contains("先に保存した方針", texts);
        Assert.DoesNotContain("別の区分の変更", texts);
    }

    private static IElement TitleRow(IDocument page) =>
        page.QuerySelectorAll("table.compare tbody tr").Single(r => r.QuerySelector("th")!.TextContent.StartsWith("タイトル", StringComparison.Ordinal));
}
