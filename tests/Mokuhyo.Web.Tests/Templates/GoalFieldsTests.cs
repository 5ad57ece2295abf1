using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using Mokuhyo.Data.Formats;
using Mokuhyo.Data.Years;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Workflow;
using Mokuhyo.Web.Tests.Admin;

namespace Mokuhyo.Web.Tests.Templates;

/// <summary>A city's own goal fields on the staff pages: filled per goal, required ones refusing submission until filled.</summary>
public sealed class GoalFieldsTests
{
    private const string Editor = "shimin-seikatsu@iruma.example.jp";
    private const string Report = "/staff/2023/shimin-seikatsu/plan";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>令和5年度 opened under a second version of the format with a required 達成のための方法 and a date field, and one goal.</summary>
    private static async Task PrepareAsync(AdminApp app) => await app.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<MokuhyoDbContext>();
        var iruma = await db.Municipalities.SingleAsync(m => m.Slug == "iruma", Ct);
        Assert.Equal(OpenYearOutcome.Opened, (await services.GetRequiredService<FiscalYearOpener>().OpenNextAsync(iruma.Id, 2023, Ct)).Outcome);
        var format = JsonNode.Parse(EmbeddedFiles.ReadTemplateJson("default"))!;
        format["goalFields"] = JsonNode.Parse("""
            [
              { "key": "means", "label": "達成のための方法", "kind": "list", "column": "plan", "required": true },
              { "key": "deadline", "label": "達成時期", "kind": "date", "column": "plan" }
            ]
            """);
        var formats = services.GetRequiredService<FormatAdministration>();
        Assert.Equal(FormatSaveOutcome.Saved, (await formats.SaveAsync(iruma.Id, format.ToJsonString(), 1, Ct)).Outcome);
        Assert.Equal(FormatAssignOutcome.Assigned, (await formats.AssignAsync(iruma.Id, 2023, 2, Ct)).Outcome);
        var year = await db.ReportingYears.SingleAsync(y => y.MunicipalityId == iruma.Id && y.Year == 2023, Ct);
        var department = await db.OrgUnits.SingleAsync(u => u.ReportingYearId == year.Id && u.Code == "shimin-seikatsu", Ct);
        var lead = await db.OrgUnits.SingleAsync(u => u.ReportingYearId == year.Id && u.Code == "chiiki-shinko", Ct);
        db.Goals.Add(new Goal { ReportingYearId = year.Id, DepartmentId = department.Id, LeadUnitId = lead.Id, Number = 1, Title = "地域活動の支援" });
        await db.SaveChangesAsync(Ct);
        return true;
    });

    [Fact]
    public async Task A_required_field_left_empty_refuses_submission_naming_the_goal_and_the_field()
    {
        await using var app = await AdminApp.StartAsync();
        await PrepareAsync(app);
        using var client = await app.SignedInAsync(Editor);

        using var badDate = await AdminApp.PostFormAsync(client, Report + "/goals/1/fields", null,
            [new("version", "0"), new("field.means", "説明会を開く\n回覧で知らせる"), new("field.deadline", "令和6年3月")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badDate.StatusCode);
        Assert.Contains("「達成時期」は 2025-03-31 の形の日付", await badDate.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var dateOnly = await AdminApp.PostFormAsync(client, Report + "/goals/1/fields", null,
            [new("version", "0"), new("field.means", string.Empty), new("field.deadline", "2024-03-31")]);
        Assert.Equal(HttpStatusCode.Redirect, dateOnly.StatusCode);

        using var refused = await Submit(client);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("目標1の「達成のための方法」が入力されていません", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // The staff API refuses the same submission, listing the goal and the field.
        var token = await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<MokuhyoDbContext>();
            var user = await db.Users.SingleAsync(u => u.Email == Editor, Ct);
            return (await services.GetRequiredService<Mokuhyo.Data.Accounts.AccessTokens>().CreateAsync(user.Id, "test",
                Mokuhyo.Data.Accounts.TokenScope.Write, null, Ct)).Text;
        });
        using (var api = app.NewClient())
        {
            api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var stateVersion = await app.WithDbAsync(db => db.ReportStates
                .Where(s => s.PhaseKey == "plan" && db.ReportingYears.Any(y => y.Id == s.ReportingYearId && y.Year == 2023)).Select(s => s.Version).SingleAsync(Ct));
            using var apiRefused = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api,
                new Uri("/api/v1/staff/years/2023/departments/shimin-seikatsu/phases/plan/transitions", UriKind.Relative),
                new { action = "submit", comment = (string?)null, version = stateVersion }, Ct);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, apiRefused.StatusCode);
            using var problem = System.Text.Json.JsonDocument.Parse(await apiRefused.Content.ReadAsStringAsync(Ct));
            var missing = Assert.Single(problem.RootElement.GetProperty("missingFields").EnumerateArray());
            Assert.Equal((1, "means", "達成のための方法"), (missing.GetProperty("goal").GetInt32(), missing.GetProperty("field").GetString(),
                missing.GetProperty("label").GetString()));
        }

        var version = await app.WithDbAsync(db => db.Goals.Where(g => g.Title == "地域活動の支援").Select(g => g.Version).SingleAsync(Ct));
        using var saved = await AdminApp.PostFormAsync(client, Report + "/goals/1/fields", null,
            [new("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("field.means", "説明会を開く\n回覧で知らせる"),
             new("field.deadline", "2024-03-31")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var stale = await AdminApp.PostFormAsync(client, Report + "/goals/1/fields", null,
            [new("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("field.means", "別の方法")]);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var preview = await Html.GetAsync(client, Report + "/preview");
        Assert.Contains("回覧で知らせる", preview.QuerySelector(".goal__fields")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("令和6年3月31日", preview.QuerySelector(".goal__fields")!.TextContent, StringComparison.Ordinal);

        using var submitted = await Submit(client);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(ReportStatus.Submitted, await app.WithDbAsync(db => db.ReportStates
            .Where(s => s.PhaseKey == "plan" && db.ReportingYears.Any(y => y.Id == s.ReportingYearId && y.Year == 2023)).Select(s => s.Status).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Another_divisions_editor_cannot_fill_the_fields_of_a_goal()
    {
        await using var app = await AdminApp.StartAsync();
        await PrepareAsync(app);
        using var viewer = await app.SignedInAsync("viewer@iruma.example.jp");

        using var response = await viewer.GetAsync(new Uri(Report + "/goals/1/fields", UriKind.Relative), Ct);

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/denied", StringComparison.Ordinal)));
    }

    private static async Task<HttpResponseMessage> Submit(HttpClient client)
    {
        var page = await Html.GetAsync(client, Report);
        var version = page.QuerySelector("form input[name=version]")!.GetAttribute("value")!;
        return await AdminApp.PostFormAsync(client, Report, Report + "?handler=Transition", [new("action", "Submit"), new("version", version)]);
    }
}
