using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Domain.Workflow;
using Mokuhyo.Tests.Common;
using Mokuhyo.Web.Tests.Authoring;

namespace Mokuhyo.Web.Tests.Import;

/// <summary>Importing a city's own workbook: upload, map, preview, import; only planning staff of the city.</summary>
public sealed class MappedImportTests
{
    private const string Page = "/staff/2022/import/mapped";
    private const string Planner = "kikaku@iruma.example.jp";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly object?[] Headers = ["No.", "取組名", "所管課", "指標", "現状", "目標", "単位"];

    private static byte[] Workbook(params object?[][] rows) => CityWorkbook.Build(("取組", [Headers, .. rows]));

    private static byte[] Valid() => Workbook(
        [10, "𠮷野川の清掃", "市民生活部", "清掃回数", 3, 6, "回"],
        [10, "𠮷野川の清掃", "市民生活部", "参加者数", 120, 200, "人"],
        [11, "窓口の待ち時間の短縮", "shimin-seikatsu", "相談件数", 30, null, "件"]);

    private static async Task<(HttpStatusCode Status, IDocument Page)> UploadAsync(StaffClient client, byte[] file)
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
        return (response.StatusCode, await Html.ParseAsync(await response.Content.ReadAsStringAsync(Ct)));
    }

    private static void Map(FormData form)
    {
        form.Set("Columns[GoalNumber]", "No.");
        form.Set("Columns[GoalTitle]", "取組名");
        form.Set("Columns[Department]", "所管課");
        form.Set("Columns[IndicatorName]", "指標");
        form.Set("Columns[Baseline]", "現状");
        form.Set("Columns[Target]", "目標");
        form.Set("Columns[Unit]", "単位");
        form.Set("Phase", "plan");
    }

    private static async Task<(HttpStatusCode Status, IDocument Page)> PostAsync(StaffClient client, IDocument page, string handler, Action<FormData> fill)
    {
        var form = FormData.Of(page, "form.mapped-form");
        fill(form);
        var (status, result, _) = await client.SubmitAsync($"{Page}?handler={handler}", form);
        return (status, result);
    }

    private static Task<int> GoalCountAsync(AuthoringApp app) => app.ReadAsync(db => db.Goals.CountAsync(Ct));

    [Fact]
    public async Task Planning_staff_map_preview_without_writing_then_import_and_get_a_report()
    {
        // The planning office is bound to no department: the import gate lets planning staff fill any
        // department's draft of their city, and the trail names who imported.
        await using var app = AuthoringApp.Start();
        using var planner = await app.SignInAsync(Planner);
        var before = await GoalCountAsync(app);

        var (status, mapping) = await UploadAsync(planner, Valid());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Headers.Length + 1, mapping.QuerySelectorAll("#column-GoalTitle option").Length);

        var (previewStatus, preview) = await PostAsync(planner, mapping, "Preview", Map);
        Assert.True(previewStatus == HttpStatusCode.OK, preview.QuerySelector(".form-errors")?.TextContent ?? preview.Body?.TextContent);
        Assert.Equal("1部に目標2件・指標3件を作成します。", preview.QuerySelector("#mapped-preview")!.TextContent);
        Assert.Contains("𠮷野川の清掃", preview.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await GoalCountAsync(app));

        var (importStatus, report) = await PostAsync(planner, preview, "Import", _ => { });
        Assert.True(importStatus == HttpStatusCode.OK, report.QuerySelector(".form-errors")?.TextContent);
        Assert.Equal("取り込みました: 1部、目標2件、指標3件を作成しました。", report.QuerySelector("#mapped-report")!.TextContent);
        Assert.Equal(before + 2, await GoalCountAsync(app));
        Assert.Equal("𠮷野川の清掃", await app.ReadAsync(db => db.Goals.Where(g => g.Number == 10).Select(g => g.Title).SingleAsync(Ct)));
        var entry = Assert.Single(await ImportAccounts.ImportEntriesAsync(app));
        Assert.Equal("企画・行政経営課(デモ)", entry.ActorName);
        Assert.Contains("mapped-workbook", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_imports_as_well()
    {
        await using var app = AuthoringApp.Start();
        using var admin = await app.SignInAsync("admin@iruma.example.jp");
        var before = await GoalCountAsync(app);
        var (_, mapping) = await UploadAsync(admin, Valid());

        var (status, page) = await PostAsync(admin, mapping, "Import", Map);

        Assert.True(status == HttpStatusCode.OK, page.QuerySelector(".form-errors")?.TextContent);
        Assert.Equal(before + 2, await GoalCountAsync(app));
    }

    [Theory]
    [InlineData("plan", ReportStatus.Submitted, "目標設定は提出済")]
    [InlineData("year-end", null, "期末報告は公開")]
    public async Task A_report_under_review_or_published_refuses_the_import_and_nothing_is_written(string phase, ReportStatus? status, string message)
    {
        await using var app = AuthoringApp.Start();
        if (status is { } set)
        {
            await ImportAccounts.SetStatusAsync(app, phase, set);
        }

        using var planner = await app.SignInAsync(Planner);
        var before = await GoalCountAsync(app);
        var (_, mapping) = await UploadAsync(planner, Valid());

        var (code, page) = await PostAsync(planner, mapping, "Import", form =>
        {
            Map(form);
            form.Set("Phase", phase);
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Contains($"「市民生活部」の{message}のため変更できません", page.QuerySelector(".form-errors")?.TextContent ?? page.Body?.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(before, await GoalCountAsync(app));
        Assert.Empty(await ImportAccounts.ImportEntriesAsync(app));
    }

    [Fact]
    public async Task Another_citys_planning_staff_get_a_404_that_names_nothing_of_the_city()
    {
        await using var app = AuthoringApp.Start();
        await ImportAccounts.AddOtherCityAsync(app);
        using var other = await app.SignInAsync(ImportAccounts.OtherCityPlanner);

        using var response = await other.GetAsync(Page);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("市民生活部", body, StringComparison.Ordinal);
        Assert.DoesNotContain("入間市", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_mapping_is_saved_and_pre_selected_for_the_next_workbook()
    {
        await using var app = AuthoringApp.Start();
        using var planner = await app.SignInAsync(Planner);
        var (_, mapping) = await UploadAsync(planner, Valid());
        await PostAsync(planner, mapping, "Preview", Map);

        var (_, again) = await UploadAsync(planner, Valid());

        Assert.Equal("取組名", again.QuerySelector("#column-GoalTitle option[selected]")?.GetAttribute("value"));
        Assert.Equal("現状", again.QuerySelector("#column-Baseline option[selected]")?.GetAttribute("value"));
        Assert.Null(again.QuerySelector("#column-Due option[selected]"));
        Assert.Equal(1, await app.ReadAsync(db => db.ImportColumnMappings.CountAsync(Ct)));
    }

    [Fact]
    public async Task One_wrong_row_refuses_the_whole_import_with_its_place()
    {
        await using var app = AuthoringApp.Start();
        using var planner = await app.SignInAsync(Planner);
        var before = await GoalCountAsync(app);
        var (_, mapping) = await UploadAsync(planner, Workbook(
            [10, "正しい目標", "市民生活部", "回数", 1, 2, "回"],
            [11, "誤った現状値", "市民生活部", "回数", "三", 2, "回"]));

        var (status, page) = await PostAsync(planner, mapping, "Import", Map);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("「取組」シート 3行目 E「現状」列", page.QuerySelector(".form-errors")?.TextContent ?? page.Body?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#mapped-report"));
        Assert.Equal(before, await GoalCountAsync(app));
    }

    [Theory]
    [InlineData("shimin-seikatsu@iruma.example.jp")]
    [InlineData("viewer@iruma.example.jp")]
    public async Task Only_planning_staff_of_the_city_may_use_it(string email)
    {
        await using var app = AuthoringApp.Start();
        using var other = await app.SignInAsync(email);

        using var response = await other.GetAsync(Page);

        // Forbid() sends a signed-in account to the access-denied page, as on every staff page.
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || (response.StatusCode == HttpStatusCode.Found && response.Headers.Location!.OriginalString.Contains("/account/denied", StringComparison.Ordinal)),
            $"{response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_gets_a_japanese_error()
    {
        await using var app = AuthoringApp.Start();
        using var planner = await app.SignInAsync(Planner);

        var (status, page) = await UploadAsync(planner, "not a zip"u8.ToArray());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("Excel ブック", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
    }
}
