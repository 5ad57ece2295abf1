using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;

namespace Mokuhyo.Web.Tests.Admin;

public sealed class StaffApiTests
{
    private const string DepartmentEditor = "shimin-seikatsu@iruma.example.jp";
    private const string DivisionEditor = "chiiki@iruma.example.jp";
    private const string Approver = "bucho@iruma.example.jp";
    private const string Report = "/api/v1/staff/years/2022/departments/shimin-seikatsu";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A token made directly, as the token page would, for tests about the API rather than the page.</summary>
    private static Task<string> TokenAsync(AdminApp app, string email, TokenScope scope, DateTimeOffset? expiresAt = null) =>
        app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<MokuhyoDbContext>();
            var user = await db.Users.SingleAsync(u => u.Email == email, Ct);
            return (await services.GetRequiredService<AccessTokens>().CreateAsync(user.Id, "test", scope, expiresAt, Ct)).Text;
        });

    private static HttpClient Bearer(AdminApp app, string token)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return document.RootElement.Clone();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private static Task<HttpResponseMessage> PutActualAsync(HttpClient client, int goal, int indicator, string phase, object body) =>
        client.PutAsJsonAsync(new Uri($"{Report}/goals/{goal}/indicators/{indicator}/actuals/{phase}", UriKind.Relative), body, Ct);

    private static Task<HttpResponseMessage> TransitionAsync(HttpClient client, string phase, string action, long version, string? comment = null) =>
        client.PostAsJsonAsync(new Uri($"{Report}/phases/{phase}/transitions", UriKind.Relative), new { action, comment, version }, Ct);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_token_made_on_the_page_works_on_the_staff_API_and_only_its_hash_is_stored(DatabaseProvider provider)
    {
        await using var app = await AdminApp.StartAsync(provider);
        var editor = await app.SignedInAsync(DepartmentEditor);

        using var created = await AdminApp.PostFormAsync(editor, "/staff/account/tokens", "/staff/account/tokens?handler=Create",
            [new("Input.Name", "実績値の取り込み"), new("Input.Scope", "Write"), new("Input.ExpiresOn", "")]);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.True(created.Headers.CacheControl?.NoStore);
        var page = await Html.ParseAsync(await created.Content.ReadAsStringAsync(Ct));
        var token = page.QuerySelector("#new-token")!.GetAttribute("value")!;
        Assert.Matches("^mkh_[A-Za-z0-9_-]{43}$", token);

        var api = Bearer(app, token);
        using (var draft = await api.GetAsync(new Uri($"{Report}/phases/year-end/draft", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
            var report = await JsonAsync(draft);
            Assert.Equal(9, report.GetProperty("goalGroups").EnumerateArray().Sum(g => g.GetProperty("goals").GetArrayLength()));
        }

        using (var state = await api.GetAsync(new Uri($"{Report}/phases/year-end/state", UriKind.Relative), Ct))
        {
            var json = await JsonAsync(state);
            Assert.Equal("published", json.GetProperty("status").GetString());
            Assert.Equal("公開", json.GetProperty("statusLabel").GetString());
            // Reopening a published report is planning staff's, not the editor's.
            Assert.Empty(json.GetProperty("allowedActions").EnumerateArray());
        }

        var stored = await app.WithDbAsync(db => db.PersonalAccessTokens.AsNoTracking().SingleAsync(Ct));
        Assert.Equal(AccessTokens.Hash(token), stored.TokenHash);
        Assert.Equal(token[..8], stored.Prefix);
        Assert.Equal(TokenScope.Write, stored.Scope);
        Assert.NotNull(stored.LastUsedAt);
        Assert.False(await app.WithDbAsync(db => db.PersonalAccessTokens.AnyAsync(t => t.TokenHash.Contains(token) || t.Name.Contains(token), Ct)));
        Assert.DoesNotContain(token, (await Html.GetAsync(editor, "/staff/account/tokens")).DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoked_expired_unknown_and_malformed_tokens_get_401_problem_details()
    {
        await using var app = await AdminApp.StartAsync();
        var revoked = await TokenAsync(app, DepartmentEditor, TokenScope.Read);
        var expired = await TokenAsync(app, DepartmentEditor, TokenScope.Read, DateTimeOffset.UtcNow.AddMinutes(-1));
        var editor = await app.SignedInAsync(DepartmentEditor);
        var id = await app.WithDbAsync(db => db.PersonalAccessTokens.Where(t => t.TokenHash == AccessTokens.Hash(revoked)).Select(t => t.Id).SingleAsync(Ct));
        using (var revoke = await AdminApp.PostFormAsync(editor, "/staff/account/tokens",
                   $"/staff/account/tokens?handler=Revoke&id={id.ToString("D", CultureInfo.InvariantCulture)}", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        }

        using (var past = await AdminApp.PostFormAsync(editor, "/staff/account/tokens", "/staff/account/tokens?handler=Create",
                   [new("Input.Name", "期限切れ"), new("Input.Scope", "Read"), new("Input.ExpiresOn", "2020-01-01")]))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
            Assert.Contains("有効期限は明日から366日後までの日付", await past.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        var unknown = "mkh_" + new string('A', 43);
        foreach (var header in new[] { "Bearer " + revoked, "Bearer " + expired, "Bearer " + unknown, "Bearer garbage", "Basic dXNlcjpwYXNz" })
        {
            var client = app.NewClient();
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);
            using var response = await client.GetAsync(new Uri($"{Report}/phases/year-end/state", UriKind.Relative), Ct);
            var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.Equal("認証が必要です", problem.GetProperty("title").GetString());
            Assert.Contains("アクセストークンが無効です", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using var anonymous = await app.NewClient().GetAsync(new Uri($"{Report}/phases/year-end/state", UriKind.Relative), Ct);
        Assert.Contains("Authorization ヘッダー", (await ProblemAsync(anonymous, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The token is for the staff API only, and a signed-in browser still reaches it with its cookie.
        using var cookie = await editor.GetAsync(new Uri($"{Report}/phases/year-end/state", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, cookie.StatusCode);
    }

    [Fact]
    public async Task A_read_token_may_read_but_gets_403_on_writes()
    {
        await using var app = await AdminApp.StartAsync();
        var api = Bearer(app, await TokenAsync(app, DepartmentEditor, TokenScope.Read));

        using var read = await api.GetAsync(new Uri($"{Report}/phases/interim/state", UriKind.Relative), Ct);
        using var write = await PutActualAsync(api, 1, 1, "interim", new { value = 39000, asOf = "2022-09-30", version = 0 });
        using var transition = await TransitionAsync(api, "interim", "submit", 0);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("読み取り専用", (await ProblemAsync(write, HttpStatusCode.Forbidden)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAsync(transition, HttpStatusCode.Forbidden);
        Assert.False(await app.WithDbAsync(db => db.IndicatorActuals.AnyAsync(a => a.PhaseKey == "interim", Ct)));
    }

    [Fact]
    public async Task A_write_token_of_another_divisions_editor_gets_403_from_the_access_policy()
    {
        await using var app = await AdminApp.StartAsync();
        var api = Bearer(app, await TokenAsync(app, DivisionEditor, TokenScope.Write));

        using var other = await PutActualAsync(api, 6, 1, "interim", new { value = 50.5m, asOf = "2022-09-30", version = 0 });
        using var own = await PutActualAsync(api, 1, 1, "interim", new { value = 39000, asOf = "2022-09-30", version = 0 });

        Assert.Contains("この目標を編集する権限がありません", (await ProblemAsync(other, HttpStatusCode.Forbidden)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var saved = await app.WithDbAsync(db => db.IndicatorActuals.AsNoTracking().SingleAsync(a => a.PhaseKey == "interim", Ct));
        Assert.Equal((39000m, new DateOnly(2022, 9, 30)), (saved.Value!.Value, saved.AsOf!.Value));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Putting_an_actual_with_a_stale_version_gets_409_and_a_published_report_is_locked(DatabaseProvider provider)
    {
        await using var app = await AdminApp.StartAsync(provider);
        var api = Bearer(app, await TokenAsync(app, DepartmentEditor, TokenScope.Write));

        using var created = await PutActualAsync(api, 1, 1, "interim", new { value = 39000, asOf = "2022-09-30", version = 0 });
        using var updated = await PutActualAsync(api, 1, 1, "interim", new { value = 39500, asOf = "2022-10-01", version = 0 });
        using var stale = await PutActualAsync(api, 1, 1, "interim", new { value = 1, asOf = "2022-10-01", version = 0 });
        using var locked = await PutActualAsync(api, 1, 1, "year-end", new { value = 1, asOf = "2023-03-31", version = 1 });
        using var malformed = await api.PutAsync(new Uri($"{Report}/goals/1/indicators/1/actuals/interim", UriKind.Relative),
            new StringContent("{\"value\": \"たくさん\"", System.Text.Encoding.UTF8, "application/json"), Ct);
        using var invalid = await PutActualAsync(api, 1, 1, "interim", new { value = 1, asOf = "1999-01-01" });
        using var missing = await PutActualAsync(api, 1, 9, "interim", new { value = 1, version = 0 });

        Assert.Equal(0, (await JsonAsync(created)).GetProperty("version").GetInt64());
        Assert.Equal(1, (await JsonAsync(updated)).GetProperty("version").GetInt64());
        var conflict = await ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal(1, conflict.GetProperty("currentVersion").GetInt64());
        Assert.Contains("ほかの人が変更しました", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("内容は変更できません", (await ProblemAsync(locked, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAsync(malformed, HttpStatusCode.BadRequest);
        var errors = (await ProblemAsync(invalid, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("version", out _));
        Assert.True(errors.TryGetProperty("asOf", out _));
        await ProblemAsync(missing, HttpStatusCode.NotFound);
        var saved = await app.WithDbAsync(db => db.IndicatorActuals.AsNoTracking().SingleAsync(a => a.PhaseKey == "interim", Ct));
        Assert.Equal(39500m, saved.Value);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Transitions_through_the_API_follow_the_workflow(DatabaseProvider provider)
    {
        await using var app = await AdminApp.StartAsync(provider);
        var editor = Bearer(app, await TokenAsync(app, DepartmentEditor, TokenScope.Write));
        var approver = Bearer(app, await TokenAsync(app, Approver, TokenScope.Write));

        using (var illegal = await TransitionAsync(editor, "plan", "submit", 0))
        {
            var problem = await ProblemAsync(illegal, HttpStatusCode.UnprocessableEntity);
            Assert.Equal("この操作はできません", problem.GetProperty("title").GetString());
            Assert.Contains("報告が「未着手」の状態では「提出する」はできません", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var edited = await PutActualAsync(editor, 1, 1, "plan", new { value = 40000, asOf = "2022-04-01", version = 0 }))
        {
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        }

        long version;
        using (var state = await editor.GetAsync(new Uri($"{Report}/phases/plan/state", UriKind.Relative), Ct))
        {
            var json = await JsonAsync(state);
            Assert.Equal("draft", json.GetProperty("status").GetString());
            version = json.GetProperty("version").GetInt64();
        }

        using (var submitted = await TransitionAsync(editor, "plan", "submit", version, "提出します"))
        {
            Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync(Ct));
            Assert.Equal("submitted", (await JsonAsync(submitted)).GetProperty("status").GetString());
        }

        using (var stale = await TransitionAsync(approver, "plan", "approve", version))
        {
            await ProblemAsync(stale, HttpStatusCode.Conflict);
        }

        using (var notEditors = await TransitionAsync(editor, "plan", "approve", version + 1))
        {
            await ProblemAsync(notEditors, HttpStatusCode.Forbidden);
        }

        using (var noComment = await TransitionAsync(approver, "plan", "return", version + 1))
        {
            Assert.Contains("コメント", (await ProblemAsync(noComment, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var approved = await TransitionAsync(approver, "plan", "approve", version + 1))
        {
            Assert.Equal("approved", (await JsonAsync(approved)).GetProperty("status").GetString());
        }

        using (var unknown = await TransitionAsync(approver, "plan", "destroy", version + 2))
        {
            Assert.True((await ProblemAsync(unknown, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("action", out _));
        }

        using (var published = await TransitionAsync(approver, "plan", "publish", version + 2))
        {
            Assert.Equal("published", (await JsonAsync(published)).GetProperty("status").GetString());
        }

        Assert.True(await app.WithDbAsync(db => db.PublishedReports.AnyAsync(p => p.PhaseKey == "plan", Ct)));
    }

    [Fact]
    public async Task The_staff_endpoints_are_in_the_OpenAPI_document_under_the_Staff_tag()
    {
        await using var app = await AdminApp.StartAsync();

        using var response = await app.NewClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct);
        var paths = (await JsonAsync(response)).GetProperty("paths");

        var put = paths.GetProperty("/api/v1/staff/years/{year}/departments/{department}/goals/{number}/indicators/{ordinal}/actuals/{phase}").GetProperty("put");
        Assert.Equal("PutStaffIndicatorActual", put.GetProperty("operationId").GetString());
        Assert.Equal(["Staff"], put.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.True(paths.TryGetProperty("/api/v1/staff/years/{year}/departments/{department}/phases/{phase}/transitions", out _));
    }
}
