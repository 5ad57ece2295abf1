using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Workflow;

namespace Mokuhyo.Web.Tests.Authoring;

/// <summary>Writing goals through the staff pages, as an editor of the department does.</summary>
public sealed class GoalEditingTests
{
    private const string Path = AuthoringApp.Interim;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Editor_creates_a_goal_with_every_kind_of_indicator_and_a_result_seen_in_the_preview_while_the_public_keeps_the_published_revision()
    {
        await using var app = AuthoringApp.Start();
        using var editor = await app.SignInAsync(AuthoringApp.Editor);

        var page = await editor.GetPageAsync($"{Path}/goals/new");
        Assert.Equal("10", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Number")!.Value);
        for (var i = 0; i < 3; i++)
        {
            var added = await editor.SubmitAsync(page, _ => { }, "add:indicator");
            Assert.Equal(HttpStatusCode.OK, added.Status);
            page = added.Page;
        }

        page = (await editor.SubmitAsync(page, _ => { }, "add:block")).Page;
        Assert.Equal(4, page.QuerySelectorAll("fieldset[id^=indicator-]").Length);
        Assert.Equal(2, page.QuerySelectorAll("fieldset[id^=block-]").Length);
        var lead = GoalForms.UnitId(page, "市民課");
        var coUnit = GoalForms.UnitId(page, "交通防犯課");

        var saved = await editor.SubmitAsync(page, f => f
            .Set("Input.Title", "窓口サービスの向上")
            .Set("Input.Body", "来庁者アンケートを実施します。\r\n結果を窓口改善に生かします。")
            .Set("Input.PlannedActions", "アンケートの実施\r\n\r\n改善策の検討")
            .Set("Input.PlanReferences", "入間市総合計画")
            .Set("Input.LeadUnitId", lead)
            .Set("Input.CoUnitIds", coUnit)
            .Set("Input.Indicators[0].Name", "窓口満足度").Set("Input.Indicators[0].Kind", "Numeric").Set("Input.Indicators[0].Unit", "%")
            .Set("Input.Indicators[0].Baseline", "６５．５").Set("Input.Indicators[0].BaselineAsOf", "2022-04-01")
            .Set("Input.Indicators[0].Target", "80").Set("Input.Indicators[0].Direction", "AtLeast").Set("Input.Indicators[0].TargetNote", "回答者比")
            .Set("Input.Indicators[0].Actual", "82.5").Set("Input.Indicators[0].ActualAsOf", "2022-09-30")
            .Set("Input.Indicators[1].Name", "窓口改善計画の策定").Set("Input.Indicators[1].Kind", "Milestone")
            .Set("Input.Indicators[1].DueDate", "2022-12-31").Set("Input.Indicators[1].DoneDate", "2022-09-15")
            .Set("Input.Indicators[2].Name", "アンケート回答数").Set("Input.Indicators[2].Kind", "Output").Set("Input.Indicators[2].Unit", "件")
            .Set("Input.Indicators[2].Actual", "1,234").Set("Input.Indicators[2].ActualAsOf", "2022-09-30")
            .Set("Input.Indicators[3].Name", "職員の接遇意識の向上").Set("Input.Indicators[3].Kind", "Qualitative")
            .Set("Input.Blocks[0].Kind", "Paragraph").Set("Input.Blocks[0].Content", "上半期にアンケートを実施しました。")
            .Set("Input.Blocks[1].Kind", "BulletList").Set("Input.Blocks[1].Heading", "実施した改善")
            .Set("Input.Blocks[1].Content", "記載台の案内表示\r\n待ち時間の表示"));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal($"{Path}/goals/10?saved=1", saved.Location!.OriginalString);
        var goal = await app.GoalAsync(10);
        Assert.Equal("窓口サービスの向上", goal.Title);
        Assert.Equal(["来庁者アンケートを実施します。", "結果を窓口改善に生かします。"], goal.Body);
        Assert.Equal(["アンケートの実施", "改善策の検討"], goal.PlannedActions);
        Assert.Equal([IndicatorKind.Numeric, IndicatorKind.Milestone, IndicatorKind.Output, IndicatorKind.Qualitative],
            goal.Indicators.OrderBy(i => i.Ordinal).Select(i => i.Kind));
        var numeric = goal.Indicators.Single(i => i.Kind == IndicatorKind.Numeric);
        Assert.Equal(65.5m, numeric.BaselineValue);
        Assert.Equal(82.5m, numeric.Actuals.Single(a => a.PhaseKey == "interim").Value);
        Assert.Equal(1234m, goal.Indicators.Single(i => i.Kind == IndicatorKind.Output).Actuals.Single().Value);
        Assert.Equal([ResultBlockKind.Paragraph, ResultBlockKind.BulletList], goal.Results.Single(r => r.PhaseKey == "interim").Blocks.OrderBy(b => b.Ordinal).Select(b => b.Kind));
        Assert.Equal(ReportStatus.Draft, await app.ReadAsync(db => db.ReportStates.Where(s => s.PhaseKey == "interim").Select(s => s.Status).SingleAsync(Ct)));

        var form = await editor.GetPageAsync($"{Path}/goals/10?saved=1");
        Assert.Equal("目標を保存しました。", GoalForms.Notice(form));

        var preview = await editor.GetPageAsync($"{Path}/preview");
        var article = preview.QuerySelector("#goal-10")!;
        Assert.Contains("窓口サービスの向上", article.QuerySelector("h4")!.TextContent, StringComparison.Ordinal);
        var text = article.TextContent;
        foreach (var fact in new[] { "80%以上(回答者比)", "82.5%", "65.5%", "1,234件", "【実施した改善】", "待ち時間の表示", "上半期にアンケートを実施しました。", "交通防犯課", "入間市総合計画" })
        {
            Assert.Contains(fact, text, StringComparison.Ordinal);
        }

        var published = await app.Anonymous().GetPageAsync("/iruma/2022/shimin-seikatsu");
        Assert.Null(published.QuerySelector("#goal-10"));
        Assert.DoesNotContain("窓口サービスの向上", published.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("第1版", published.QuerySelector(".report__meta")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_errors_appear_beside_their_fields_in_japanese_and_nothing_is_saved()
    {
        await using var app = AuthoringApp.Start();
        using var editor = await app.SignInAsync(AuthoringApp.Editor);
        var before = await app.GoalAsync(1);
        var page = await editor.GetPageAsync($"{Path}/goals/1");

        var result = await editor.SubmitAsync(page, f => f
            .Set("Input.Number", "2")
            .Set("Input.Title", new string('あ', 201))
            .Set("Input.Indicators[0].Target", "70%以上")
            .Set("Input.Indicators[0].BaselineAsOf", "令和4年4月1日")
            .Set("Input.Blocks[0].Content", ""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.Status);
        Assert.Equal("同じ番号の目標がすでにあります。", GoalForms.ErrorBeside(result.Page, "Input_Number"));
        Assert.Equal("タイトルは200文字以内で入力してください。", GoalForms.ErrorBeside(result.Page, "Input_Title"));
        Assert.Equal("目標値は数値で入力してください。", GoalForms.ErrorBeside(result.Page, "Input_Indicators_0__Target"));
        Assert.Equal("現状値の時点は日付(例: 2023-03-31)で入力してください。", GoalForms.ErrorBeside(result.Page, "Input_Indicators_0__BaselineAsOf"));
        Assert.Equal("true", result.Page.GetElementById("Input_Title")!.GetAttribute("aria-invalid"));
        // What was typed stays in the form to be corrected.
        Assert.Equal("70%以上", result.Page.GetElementById("Input_Indicators_0__Target")!.GetAttribute("value"));

        var after = await app.GoalAsync(1);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Title, after.Title);
        Assert.Equal(0, await app.ReadAsync(db => db.ReportStates.CountAsync(s => s.PhaseKey == "interim", Ct)));
    }

    [Fact]
    public async Task Lengths_are_counted_in_characters_a_reader_sees()
    {
        await using var app = AuthoringApp.Start();
        using var editor = await app.SignInAsync(AuthoringApp.Editor);
        var page = await editor.GetPageAsync($"{Path}/goals/1");

        // 200 × 𠮷 is 400 UTF-16 units but 200 characters: it fits.
        var title = string.Concat(Enumerable.Repeat("𠮷", 200));
        var result = await editor.SubmitAsync(page, f => f.Set("Input.Title", title));

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal(title, (await app.GoalAsync(1)).Title);
    }

    [Fact]
    public async Task Add_and_move_buttons_reshape_the_form_without_saving()
    {
        await using var app = AuthoringApp.Start();
        using var editor = await app.SignInAsync(AuthoringApp.Editor);
        var before = await app.GoalAsync(6);
        var page = await editor.GetPageAsync($"{Path}/goals/6");
        var names = page.QuerySelectorAll("input[name$='].Name']").Select(i => i.GetAttribute("value")).ToList();
        Assert.True(names.Count >= 2);

        var moved = await editor.SubmitAsync(page, f => f.Set("Input.Title", "書きかけのタイトル"), "down:indicator:0");

        Assert.Equal(HttpStatusCode.OK, moved.Status);
        var movedNames = moved.Page.QuerySelectorAll("input[name$='].Name']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal([names[1], names[0], .. names.Skip(2)], movedNames);
        Assert.Equal("書きかけのタイトル", moved.Page.GetElementById("Input_Title")!.GetAttribute("value"));
        Assert.Equal(before.Version, (await app.GoalAsync(6)).Version);

        var saved = await editor.SubmitAsync(moved.Page, _ => { });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var after = await app.GoalAsync(6);
        Assert.Equal(movedNames, after.Indicators.OrderBy(i => i.Ordinal).Select(i => i.Name));
        Assert.Equal("書きかけのタイトル", after.Title);
    }

    [Fact]
    public async Task Removing_an_indicator_and_a_result_block_deletes_them_on_save()
    {
        await using var app = AuthoringApp.Start();
        using var editor = await app.SignInAsync(AuthoringApp.Editor);
        using var planning = await app.SignInAsync(AuthoringApp.Planning);
        var yearEnd = "/staff/2022/shimin-seikatsu/year-end";
        await Workflow.TransitionAsync(planning, yearEnd, ReportAction.Reopen, "指標を整理するため");
        var before = await app.GoalAsync(6);
        var removed = before.Indicators.OrderBy(x => x.Ordinal).First();
        var blocks = before.Results.Single(r => r.PhaseKey == "year-end").Blocks.Count;
        var page = await editor.GetPageAsync($"{yearEnd}/goals/6");

        var saved = await editor.SubmitAsync(page, f => f.Set("Input.Indicators[0].Remove", "true").Set("Input.Blocks[0].Remove", "true"));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var after = await app.GoalAsync(6);
        Assert.Equal(before.Indicators.Count - 1, after.Indicators.Count);
        Assert.DoesNotContain(after.Indicators, i => i.Id == removed.Id);
        Assert.Equal(0, await app.ReadAsync(db => db.IndicatorActuals.CountAsync(a => a.IndicatorId == removed.Id, Ct)));
        // With its last block gone the result itself goes, and the report says no result was reported.
        Assert.Equal(blocks - 1, after.Results.SingleOrDefault(r => r.PhaseKey == "year-end")?.Blocks.Count ?? 0);
    }

    [Fact]
    public async Task Edits_are_refused_while_the_report_is_submitted_and_nothing_is_saved()
    {
        await using var app = AuthoringApp.Start();
        using var editor = await app.SignInAsync(AuthoringApp.Editor);
        var page = await editor.GetPageAsync($"{Path}/goals/1");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(page, f => f.Set("Input.Title", "提出前の変更"))).Status);
        await Workflow.TransitionAsync(editor, Path, ReportAction.Submit);
        var before = await app.GoalAsync(1);

        var stale = await editor.GetPageAsync($"{Path}/goals/1");
        Assert.Contains("提出済", GoalForms.Notice(stale), StringComparison.Ordinal);
        var result = await editor.SubmitAsync(page, f => f.Set("Input.Title", "提出後の変更"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.Status);
        Assert.Equal("この報告は「提出済」のため編集できません。入力内容は保存されていません。", GoalForms.Notice(result.Page));
        var after = await app.GoalAsync(1);
        Assert.Equal("提出前の変更", after.Title);
        Assert.Equal(before.Version, after.Version);

        var plan = await editor.GetPageAsync($"{Path}/plan");
        var planResult = await editor.SubmitAsync(plan, f => f.Set("Input.Sections[0].Items[0].Text", "提出後の変更"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, planResult.Status);
        var newGoal = await editor.GetPageAsync($"{Path}/goals/new");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await editor.SubmitAsync(newGoal, f => f.Set("Input.Title", "新規"))).Status);
        Assert.Equal(9, await app.ReadAsync(db => db.Goals.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_goal_is_deleted_only_after_confirmation()
    {
        await using var app = AuthoringApp.Start();
        using var editor = await app.SignInAsync(AuthoringApp.Editor);

        var confirm = await editor.GetPageAsync($"{Path}/goals/9/delete");
        Assert.Equal(9, await app.ReadAsync(db => db.Goals.CountAsync(Ct)));
        var result = await editor.SubmitAsync($"{Path}/goals/9/delete", FormData.Of(confirm, "main form"));

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal(8, await app.ReadAsync(db => db.Goals.CountAsync(Ct)));
        using var gone = await editor.GetAsync($"{Path}/goals/9");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }
}
