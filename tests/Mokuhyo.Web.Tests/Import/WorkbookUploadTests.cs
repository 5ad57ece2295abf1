using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Domain.Workflow;
using Mokuhyo.Web.Tests.Authoring;

namespace Mokuhyo.Web.Tests.Import;

/// <summary>The staff Excel round trip: download drafts, upload them back, through access rules and the workflow.</summary>
public sealed class WorkbookUploadTests
{
    private const string Page = "/staff/2022/import";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<byte[]> ExportAsync(StaffClient client, string phase)
    {
        using var response = await client.GetAsync($"{Page}?handler=Export&phase={phase}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    private static async Task<(HttpStatusCode Status, IDocument Page)> UploadAsync(StaffClient client, string phase, byte[] file)
    {
        var form = await client.GetPageAsync(Page);
        var token = form.QuerySelector("form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(phase), "phase" },
        };
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = MediaTypeHeaderValue.Parse("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(bytes, "file", "goals.xlsx");
        using var response = await client.Http.PostAsync(new Uri(Page, UriKind.Relative), content, Ct);
        return (response.StatusCode, await Html.ParseAsync(await response.Content.ReadAsStringAsync(Ct)));
    }

    private static Task<ReportStatus?> PlanStatusAsync(AuthoringApp app) =>
        app.ReadAsync(db => db.ReportStates.Where(s => s.PhaseKey == "plan").Select(s => (ReportStatus?)s.Status).SingleOrDefaultAsync(Ct));

    [Fact]
    public async Task An_editor_downloads_the_drafts_and_uploads_them_back_which_starts_the_draft()
    {
        await using var app = AuthoringApp.Start();
        using var editor = await app.SignInAsync("shimin-seikatsu@iruma.example.jp");
        var workbook = await ExportAsync(editor, "plan");

        var (status, page) = await UploadAsync(editor, "plan", workbook);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(page.QuerySelector(".form-errors"));
        Assert.NotNull(page.QuerySelector(".notice"));
        Assert.Equal(ReportStatus.Draft, await PlanStatusAsync(app));
    }

    [Fact]
    public async Task A_published_report_is_not_changed_by_an_upload()
    {
        await using var app = AuthoringApp.Start();
        using var editor = await app.SignInAsync("shimin-seikatsu@iruma.example.jp");
        var workbook = await ExportAsync(editor, "year-end");
        var before = await app.ReadAsync(db => db.Goals.OrderBy(g => g.Number).Select(g => g.Version).ToListAsync(Ct));

        var (status, page) = await UploadAsync(editor, "year-end", workbook);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("公開", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await app.ReadAsync(db => db.Goals.OrderBy(g => g.Number).Select(g => g.Version).ToListAsync(Ct)));
    }

    [Theory]
    [InlineData("viewer@iruma.example.jp")]
    [InlineData("chiiki@iruma.example.jp")]
    public async Task An_account_that_may_not_edit_the_whole_department_changes_nothing(string email)
    {
        await using var app = AuthoringApp.Start();
        using var editor = await app.SignInAsync("shimin-seikatsu@iruma.example.jp");
        var workbook = await ExportAsync(editor, "plan");
        using var other = await app.SignInAsync(email);

        var (status, page) = await UploadAsync(other, "plan", workbook);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("権限", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await PlanStatusAsync(app));
    }

    [Fact]
    public async Task Planning_staff_import_into_a_department_they_are_not_bound_to_and_the_trail_names_them()
    {
        await using var app = AuthoringApp.Start();
        using var planner = await app.SignInAsync(AuthoringApp.Planning);
        var workbook = await ExportAsync(planner, "plan");

        var (status, page) = await UploadAsync(planner, "plan", workbook);

        Assert.True(status == HttpStatusCode.OK, page.QuerySelector(".form-errors")?.TextContent);
        Assert.Equal(ReportStatus.Draft, await PlanStatusAsync(app));
        var entry = Assert.Single(await ImportAccounts.ImportEntriesAsync(app));
        Assert.Equal("企画・行政経営課(デモ)", entry.ActorName);
        Assert.Contains("template-workbook", entry.Changes, StringComparison.Ordinal);
        Assert.Contains("\"plan\"", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_of_another_department_changes_nothing()
    {
        await using var app = AuthoringApp.Start();
        await ImportAccounts.AddOtherDepartmentAsync(app);
        using var editor = await app.SignInAsync(AuthoringApp.Editor);
        var workbook = await ExportAsync(editor, "plan");
        using var other = await app.SignInAsync(ImportAccounts.OtherDepartmentEditor);

        var (status, page) = await UploadAsync(other, "plan", workbook);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("「市民生活部」を変更する権限がない", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await PlanStatusAsync(app));
        Assert.Empty(await ImportAccounts.ImportEntriesAsync(app));
    }

    [Theory]
    [InlineData(ReportStatus.Submitted, "提出済")]
    [InlineData(ReportStatus.Approved, "承認済")]
    [InlineData(ReportStatus.Published, "公開")]
    public async Task Planning_staff_cannot_import_into_a_report_under_review_or_published(ReportStatus status, string word)
    {
        await using var app = AuthoringApp.Start();
        using var planner = await app.SignInAsync(AuthoringApp.Planning);
        var workbook = await ExportAsync(planner, "plan");
        await ImportAccounts.SetStatusAsync(app, "plan", status);
        var before = await app.ReadAsync(db => db.Goals.OrderBy(g => g.Number).Select(g => g.Version).ToListAsync(Ct));

        var (code, page) = await UploadAsync(planner, "plan", workbook);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Contains($"「市民生活部」の目標設定は{word}のため変更できません", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(status, await PlanStatusAsync(app));
        Assert.Equal(before, await app.ReadAsync(db => db.Goals.OrderBy(g => g.Number).Select(g => g.Version).ToListAsync(Ct)));
        Assert.Empty(await ImportAccounts.ImportEntriesAsync(app));
    }

    [Fact]
    public async Task Another_citys_planning_staff_cannot_even_address_the_year()
    {
        await using var app = AuthoringApp.Start();
        await ImportAccounts.AddOtherCityAsync(app);
        using var editor = await app.SignInAsync(AuthoringApp.Editor);
        var workbook = await ExportAsync(editor, "plan");
        using var other = await app.SignInAsync(ImportAccounts.OtherCityPlanner);

        using var page = await other.GetAsync(Page);
        using var export = await other.GetAsync($"{Page}?handler=Export&phase=plan");
        var body = await page.Content.ReadAsStringAsync(Ct) + await export.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        Assert.DoesNotContain("市民生活部", body, StringComparison.Ordinal);
        Assert.DoesNotContain("入間市", body, StringComparison.Ordinal);
        Assert.Null(await PlanStatusAsync(app));
        Assert.NotEmpty(workbook);
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_gets_a_japanese_error_and_changes_nothing()
    {
        await using var app = AuthoringApp.Start();
        using var editor = await app.SignInAsync("shimin-seikatsu@iruma.example.jp");

        var (status, page) = await UploadAsync(editor, "plan", "<script>alert(1)</script> not a zip"u8.ToArray());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", page.QuerySelector(".form-errors")!.TextContent);
        Assert.Null(await PlanStatusAsync(app));
    }

    [Fact]
    public async Task Anonymous_readers_are_sent_to_sign_in()
    {
        await using var app = AuthoringApp.Start();
        using var anonymous = app.Anonymous();

        using var response = await anonymous.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
