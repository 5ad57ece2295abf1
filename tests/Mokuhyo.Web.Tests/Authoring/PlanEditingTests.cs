using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Mokuhyo.Web.Tests.Authoring;

/// <summary>The department plan: every section's items, edited in one form and saved all at once.</summary>
public sealed class PlanEditingTests
{
    private const string PlanPath = $"{AuthoringApp.Interim}/plan";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Items_are_added_changed_moved_and_removed_in_one_save()
    {
        await using var app = AuthoringApp.Start();
        using var editor = await app.SignInAsync(AuthoringApp.Editor);
        var before = await SectionAsync(app, "basic-direction");
        var page = await editor.GetPageAsync(PlanPath);
        Assert.Equal(["部の基本方向", "部の重点方針"], page.QuerySelectorAll("form.authoring fieldset.authoring__group > legend").Select(l => l.TextContent));

        page = (await editor.SubmitAsync(page, _ => { }, "add:section-0")).Page;
        page = (await editor.SubmitAsync(page, _ => { }, "up:section-0:1")).Page;
        // The rows are now: the second item, the first, the rest, a new empty one.
        var result = await editor.SubmitAsync(page, f => f
            .Set("Input.Sections[0].Items[0].Text", "書き直した基本方向")
            .Set("Input.Sections[0].Items[1].Remove", "true")
            .Set($"Input.Sections[0].Items[{before.Count}].Text", "新しい基本方向"));

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var after = await SectionAsync(app, "basic-direction");
        Assert.Equal(["書き直した基本方向", .. before.Skip(2), "新しい基本方向"], after);
        var moved = await editor.GetPageAsync(PlanPath);
        Assert.Equal(after, moved.QuerySelectorAll("textarea[name^='Input.Sections[0]']").Select(t => t.TextContent));
        var saved = await editor.GetPageAsync(PlanPath + "?saved=1");
        Assert.Equal("部の方針を保存しました。", GoalForms.Notice(saved));

        var preview = await editor.GetPageAsync($"{AuthoringApp.Interim}/preview");
        var items = preview.QuerySelectorAll("#plan-basic-direction ~ ol li").Select(li => li.TextContent).ToList();
        Assert.Contains(items, li => li.EndsWith("書き直した基本方向", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invalid_item_stops_the_whole_save()
    {
        await using var app = AuthoringApp.Start();
        using var editor = await app.SignInAsync(AuthoringApp.Editor);
        var before = await app.ReadAsync(db => db.PlanItems.AsNoTracking().OrderBy(i => i.Id).Select(i => new { i.Id, i.Text, i.Version }).ToListAsync(Ct));
        var page = await editor.GetPageAsync(PlanPath);

        var result = await editor.SubmitAsync(page, f => f
            .Set("Input.Sections[0].Items[0].Text", "有効な変更")
            .Set("Input.Sections[1].Items[0].Text", "")
            .Set("Input.Sections[1].Items[1].Text", "制御\u0007文字"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.Status);
        Assert.Equal("内容を入力してください。", GoalForms.ErrorBeside(result.Page, "Input_Sections_1__Items_0__Text"));
        Assert.Equal("内容に使用できない制御文字が含まれています。", GoalForms.ErrorBeside(result.Page, "Input_Sections_1__Items_1__Text"));
        var after = await app.ReadAsync(db => db.PlanItems.AsNoTracking().OrderBy(i => i.Id).Select(i => new { i.Id, i.Text, i.Version }).ToListAsync(Ct));
        Assert.Equal(before, after);
    }

    private static Task<List<string>> SectionAsync(AuthoringApp app, string key) => app.ReadAsync(db => db.PlanItems.AsNoTracking()
        .Where(i => i.SectionKey == key).OrderBy(i => i.Ordinal).Select(i => i.Text).ToListAsync(Ct));
}
