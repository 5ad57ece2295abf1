using System.Net;
using AngleSharp.Dom;

namespace Mokuhyo.Web.Tests.Authoring;

/// <summary>Whatever people type is stored as typed and shown as text: markup never becomes markup.</summary>
public sealed class HostileInputTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string Attribute = "\" onmouseover=\"alert(1)";
    private const string RightToLeft = "\u202E";
    private const string Surrogate = "𠮷";

    /// <summary>Everything at once, within the shortest limits it is put in.</summary>
    private const string Corpus = Script + Attribute + RightToLeft + Surrogate;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Script_tags_event_handlers_rtl_marks_and_surrogates_are_kept_as_typed_and_shown_inert_on_every_page()
    {
        await using var app = AuthoringApp.Start();
        using var editor = await app.SignInAsync(AuthoringApp.Editor);
        var path = AuthoringApp.Interim;
        var page = await editor.GetPageAsync($"{path}/goals/1");
        page = (await editor.SubmitAsync(page, _ => { }, "add:block")).Page;

        var saved = await editor.SubmitAsync(page, f => f
            .Set("Input.Title", Corpus)
            .Set("Input.Body", Corpus + "\r\n" + Script)
            .Set("Input.PlannedActions", Corpus + "\r\n" + Attribute)
            .Set("Input.PlanReferences", Corpus)
            .Set("Input.Indicators[0].Name", Corpus)
            .Set("Input.Indicators[0].Unit", "<b>" + RightToLeft + "</b>")
            .Set("Input.Indicators[0].TargetNote", Corpus)
            .Set("Input.Blocks[0].Kind", "Paragraph").Set("Input.Blocks[0].Content", Corpus)
            .Set("Input.Blocks[1].Kind", "BulletList").Set("Input.Blocks[1].Heading", Corpus).Set("Input.Blocks[1].Content", Corpus + "\r\n" + Script));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var planPage = await editor.GetPageAsync($"{path}/plan");
        var planSaved = await editor.SubmitAsync(planPage, f => f.Set("Input.Sections[0].Items[0].Text", Corpus));
        Assert.Equal(HttpStatusCode.Redirect, planSaved.Status);

        var goal = await app.GoalAsync(1);
        Assert.Equal(Corpus, goal.Title);
        Assert.Equal([Corpus, Script], goal.Body);
        Assert.Equal(Corpus, goal.Indicators.OrderBy(i => i.Ordinal).First().Name);
        Assert.Equal("<b>" + RightToLeft + "</b>", goal.Indicators.OrderBy(i => i.Ordinal).First().Unit);
        Assert.Contains(goal.Results.Single(r => r.PhaseKey == "interim").Blocks, b => b.Heading == Corpus);

        foreach (var shown in new[] { $"{path}/goals/1", $"{path}/preview", $"{path}/goals/1/history", $"{path}/plan", path })
        {
            using var response = await editor.GetAsync(shown);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Attribute, html, StringComparison.Ordinal);
            var document = await Html.ParseAsync(html);
            Assert.Empty(document.QuerySelectorAll("script"));
            Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
            Assert.True(Shows(document, Corpus), $"{shown} does not show the text as typed");
        }
    }

    [Theory]
    [InlineData("Input.Title", 10_000, "タイトルは200文字以内で入力してください。", "Input_Title")]
    [InlineData("Input.Body", 10_000, "本文の1行目は4000文字以内で入力してください。", "Input_Body")]
    [InlineData("Input.Indicators[0].Name", 10_000, "指標名は200文字以内で入力してください。", "Input_Indicators_0__Name")]
    [InlineData("Input.Indicators[0].Unit", 21, "単位は20文字以内で入力してください。", "Input_Indicators_0__Unit")]
    public async Task Texts_over_their_limit_are_refused_with_a_message(string field, int length, string message, string id)
    {
        await using var app = AuthoringApp.Start();
        using var editor = await app.SignInAsync(AuthoringApp.Editor);
        var before = await app.GoalAsync(1);
        var page = await editor.GetPageAsync($"{AuthoringApp.Interim}/goals/1");

        var result = await editor.SubmitAsync(page, f => f.Set(field, new string('長', length)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.Status);
        Assert.Equal(message, GoalForms.ErrorBeside(result.Page, id));
        Assert.Equal(before.Version, (await app.GoalAsync(1)).Version);
    }

    [Theory]
    [InlineData("Input.Title", "\u001B", "Input_Title", "タイトルに使用できない制御文字が含まれています。")]
    [InlineData("Input.Title", "\u0007", "Input_Title", "タイトルに使用できない制御文字が含まれています。")]
    [InlineData("Input.Body", "\u0007", "Input_Body", "本文に使用できない制御文字が含まれています。")]
    [InlineData("Input.Indicators[0].TargetNote", "\u0001", "Input_Indicators_0__TargetNote", "目標値の注記に使用できない制御文字が含まれています。")]
    [InlineData("Input.Blocks[0].Content", "\u0085", "Input_Blocks_0__Content", "段落に使用できない制御文字が含まれています。")]
    [InlineData("Input.Title", "\n", "Input_Title", "タイトルは改行を含めずに1行で入力してください。")]
    public async Task Control_characters_are_refused_with_a_message(string field, string control, string id, string message)
    {
        await using var app = AuthoringApp.Start();
        using var editor = await app.SignInAsync(AuthoringApp.Editor);
        var before = await app.GoalAsync(1);
        var page = await editor.GetPageAsync($"{AuthoringApp.Interim}/goals/1");

        var result = await editor.SubmitAsync(page, f => f.Set(field, $"前{control}後"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.Status);
        Assert.Equal(message, GoalForms.ErrorBeside(result.Page, id));
        Assert.Equal(before.Version, (await app.GoalAsync(1)).Version);
    }

    [Fact]
    public async Task A_nul_character_never_reaches_the_database()
    {
        await using var app = AuthoringApp.Start();
        using var editor = await app.SignInAsync(AuthoringApp.Editor);
        var before = await app.GoalAsync(1);
        var page = await editor.GetPageAsync($"{AuthoringApp.Interim}/goals/1");

        // ASP.NET Core's form decoder refuses %00 before any page code runs; the request fails without a 500.
        var result = await editor.SubmitAsync(page, f => f.Set("Input.Title", "前\u0000後"));

        Assert.InRange((int)result.Status, 400, 499);
        Assert.Equal(before.Version, (await app.GoalAsync(1)).Version);
    }

    [Fact]
    public async Task Values_no_form_can_send_are_a_400_not_a_500()
    {
        await using var app = AuthoringApp.Start();
        using var editor = await app.SignInAsync(AuthoringApp.Editor);
        var page = await editor.GetPageAsync($"{AuthoringApp.Interim}/goals/1");

        foreach (var (field, value) in new[] { ("Input.Indicators[0].Kind", "<script>"), ("Input.Version", "abc"), ("Input.Indicators[0].Id", "not-a-guid"), ("command", "drop:table") })
        {
            var result = await editor.SubmitAsync(page, f => f.Set(field, value), command: field == "command" ? value : "save");
            Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        }
    }

    // The text as typed appears in the page: as text content, or as the value of a field.
    private static bool Shows(IDocument document, string text) =>
        document.Body!.TextContent.Contains(text, StringComparison.Ordinal)
        || document.QuerySelectorAll("input, textarea").Any(e => (e.GetAttribute("value") ?? e.TextContent).Contains(text, StringComparison.Ordinal));
}
