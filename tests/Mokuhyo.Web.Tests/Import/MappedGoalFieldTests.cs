using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using Mokuhyo.Data.Formats;
using Mokuhyo.Data.Years;
using Mokuhyo.Tests.Common;
using Mokuhyo.Web.Tests.Authoring;

namespace Mokuhyo.Web.Tests.Import;

/// <summary>The format's own goal fields as targets of a mapped import: labelled from the format, checked as the field editor checks them.</summary>
public sealed class MappedGoalFieldTests
{
    private const string Page = "/staff/2023/import/mapped";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly object?[] Headers = ["No.", "取組名", "所管課", "手段", "時期", "課題"];

    private static byte[] Workbook(params object?[][] rows) => CityWorkbook.Build(("取組", [Headers, .. rows]));

    /// <summary>令和5年度 opened under a format with 達成のための方法 (list, required), 達成時期 (date) and 課題 (result, required).</summary>
    private static async Task<AuthoringApp> StartAsync()
    {
        var app = AuthoringApp.Start();
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<MokuhyoDbContext>();
        var iruma = await db.Municipalities.SingleAsync(m => m.Slug == "iruma", Ct);
        Assert.Equal(OpenYearOutcome.Opened, (await services.GetRequiredService<FiscalYearOpener>().OpenNextAsync(iruma.Id, 2023, Ct)).Outcome);
        var format = JsonNode.Parse(EmbeddedFiles.ReadTemplateJson("default"))!;
        format["goalFields"] = JsonNode.Parse("""
            [
              { "key": "means", "label": "達成のための方法", "kind": "list", "column": "plan", "required": true },
              { "key": "deadline", "label": "達成時期", "kind": "date", "column": "plan" },
              { "key": "issues", "label": "課題", "kind": "paragraph", "column": "result", "required": true }
            ]
            """);
        var formats = services.GetRequiredService<FormatAdministration>();
        Assert.Equal(FormatSaveOutcome.Saved, (await formats.SaveAsync(iruma.Id, format.ToJsonString(), 1, Ct)).Outcome);
        Assert.Equal(FormatAssignOutcome.Assigned, (await formats.AssignAsync(iruma.Id, 2023, 2, Ct)).Outcome);
        return app;
    }

    private static async Task<IDocument> UploadAsync(StaffClient client, byte[] file)
    {
        var form = await client.GetPageAsync(Page);
        var token = form.QuerySelector("form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(""), "Sheet" },
            { new StringContent("1"), "HeaderRow" },
        };
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = MediaTypeHeaderValue.Parse("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(bytes, "file", "goals.xlsx");
        using var response = await client.Http.PostAsync(new Uri(Page + "?handler=Read", UriKind.Relative), content, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(await response.Content.ReadAsStringAsync(Ct));
    }

    private static void Map(FormData form)
    {
        form.Set("Columns[GoalNumber]", "No.");
        form.Set("Columns[GoalTitle]", "取組名");
        form.Set("Columns[Department]", "所管課");
        form.Set("GoalFields[means]", "手段");
        form.Set("GoalFields[deadline]", "時期");
        form.Set("GoalFields[issues]", "");
        form.Set("Phase", "plan");
    }

    private static async Task<(HttpStatusCode Status, IDocument Page)> PostAsync(StaffClient client, IDocument page, string handler, Action<FormData> fill)
    {
        var form = FormData.Of(page, "form.mapped-form");
        fill(form);
        var (status, result, _) = await client.SubmitAsync($"{Page}?handler={handler}", form);
        return (status, result);
    }

    private static string Errors(IDocument page) => page.QuerySelector(".form-errors")?.TextContent ?? page.Body?.TextContent ?? "";

    private static Task<List<(int Goal, string Phase, string Key, string Value)>> FieldValuesAsync(AuthoringApp app) =>
        app.ReadAsync(async db => (await db.GoalFieldValues.AsNoTracking()
                .Join(db.Goals, v => v.GoalId, g => g.Id, (v, g) => new { g.Number, v.PhaseKey, v.FieldKey, v.Value }).ToListAsync(Ct))
            .Select(v => (v.Number, v.PhaseKey, v.FieldKey, v.Value)).OrderBy(v => v.Number).ThenBy(v => v.FieldKey, StringComparer.Ordinal).ToList());

    [Fact]
    public async Task Every_goal_field_is_a_target_labelled_from_the_format_and_its_values_are_imported_exactly()
    {
        await using var app = await StartAsync();
        using var planner = await app.SignInAsync(AuthoringApp.Planning);
        var mapping = await UploadAsync(planner, Workbook(
            [10, "𠮷野川の清掃", "市民生活部", "説明会を開く(髙﨑𠮷)\n回覧で知らせる", "2024-03-31", null],
            [10, "𠮷野川の清掃", "市民生活部", null, null, null],
            [11, "窓口の待ち時間の短縮", "shimin-seikatsu", "番号札を導入する", null, null]));

        Assert.Equal("達成のための方法 (必須)", mapping.QuerySelector("label[for=goal-field-means]")!.TextContent.Trim());
        Assert.Equal("達成時期", mapping.QuerySelector("label[for=goal-field-deadline]")!.TextContent.Trim());
        Assert.Equal("課題 (必須)", mapping.QuerySelector("label[for=goal-field-issues]")!.TextContent.Trim());
        Assert.Equal(Headers.Length + 1, mapping.QuerySelectorAll("#goal-field-means option").Length);

        var (previewStatus, preview) = await PostAsync(planner, mapping, "Preview", Map);
        Assert.True(previewStatus == HttpStatusCode.OK, Errors(preview));
        Assert.Contains("説明会を開く(髙﨑𠮷)", preview.QuerySelector("td.mapped-fields")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await FieldValuesAsync(app));

        var (status, report) = await PostAsync(planner, preview, "Import", _ => { });

        Assert.True(status == HttpStatusCode.OK, Errors(report));
        Assert.Equal(
            [
                (10, "plan", "deadline", "2024-03-31"),
                (10, "plan", "means", "説明会を開く(髙﨑𠮷)\n回覧で知らせる"),
                (11, "plan", "means", "番号札を導入する"),
            ],
            await FieldValuesAsync(app));

        // Saved with the mapping, under the field's key, and chosen again for the next workbook.
        var again = await UploadAsync(planner, Workbook([12, "別の目標", "市民生活部", "手段", null, null]));
        Assert.Equal("手段", again.QuerySelector("#goal-field-means option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task A_too_long_or_missing_required_value_lists_each_place_in_japanese_and_writes_nothing()
    {
        await using var app = await StartAsync();
        using var planner = await app.SignInAsync(AuthoringApp.Planning);
        var goals = await app.ReadAsync(db => db.Goals.CountAsync(Ct));
        var mapping = await UploadAsync(planner, Workbook(
            [10, "正しい目標", "市民生活部", "説明会を開く", "2024-03-31", null],
            [11, "長すぎる方法", "市民生活部", new string('髙', 4001), null, null],
            [12, "方法のない目標", "市民生活部", null, "2024-03-31", null],
            [13, "日付の誤り", "市民生活部", "回覧", "令和6年3月", null]));

        var (status, page) = await PostAsync(planner, mapping, "Import", Map);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var errors = page.QuerySelectorAll(".form-errors li").Select(li => li.TextContent).ToList();
        Assert.Contains("「取組」シート 3行目 D「手段」列: 達成のための方法は4000文字以内にしてください(4001文字あります)。", errors);
        Assert.Contains("「取組」シート 4行目 D「手段」列: 達成のための方法を入力してください。", errors);
        Assert.Contains(errors, e => e.StartsWith("「取組」シート 5行目 E「時期」列: ", StringComparison.Ordinal));
        Assert.Null(page.QuerySelector("#mapped-report"));
        Assert.Equal(goals, await app.ReadAsync(db => db.Goals.CountAsync(Ct)));
        Assert.Empty(await FieldValuesAsync(app));
    }

    [Fact]
    public async Task A_required_field_left_unmapped_or_a_result_field_in_the_plan_phase_is_named()
    {
        await using var app = await StartAsync();
        using var planner = await app.SignInAsync(AuthoringApp.Planning);
        var mapping = await UploadAsync(planner, Workbook([10, "目標", "市民生活部", "説明会を開く", null, "課題の文"]));

        var (status, page) = await PostAsync(planner, mapping, "Preview", form =>
        {
            Map(form);
            form.Set("GoalFields[means]", "");
            form.Set("GoalFields[issues]", "課題");
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var errors = page.QuerySelectorAll(".form-errors li").Select(li => li.TextContent).ToList();
        Assert.Contains("「取組」シート: 「達成のための方法」に対応する列を選んでください。", errors);
        Assert.Contains(errors, e => e.Contains("「課題」は結果の項目のため、目標設定には取り込めません", StringComparison.Ordinal));
        Assert.Empty(await FieldValuesAsync(app));
    }
}
