using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data;
using Mokuhyo.Web.Tests.Admin;

namespace Mokuhyo.Web.Tests.Templates;

public sealed class FormatAdminTests
{
    private const string Page = "/staff/admin/format";
    private const string Planning = "kikaku@iruma.example.jp";
    private const string Administrator = "admin@iruma.example.jp";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string DefaultWith(Action<JsonNode> change)
    {
        var json = JsonNode.Parse(EmbeddedFiles.ReadTemplateJson("default"))!;
        change(json);
        return json.ToJsonString();
    }

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, string? json, string? basedOn)
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (json is not null)
        {
            fields.Add(new("json", json));
        }

        if (basedOn is not null)
        {
            fields.Add(new("basedOn", basedOn));
        }

        return AdminApp.PostFormAsync(client, Page, Page + "?handler=Save", fields);
    }

    private static Task<int> VersionsAsync(AdminApp app) =>
        app.WithDbAsync(db => db.FormatVersions.CountAsync(f => db.Municipalities.Any(m => m.Id == f.MunicipalityId && m.Slug == "iruma"), Ct));

    [Theory]
    [InlineData("viewer@iruma.example.jp")]
    [InlineData("shimin-seikatsu@iruma.example.jp")]
    [InlineData("bucho@iruma.example.jp")]
    public async Task Only_planning_staff_and_administrators_reach_the_format(string email)
    {
        await using var app = await AdminApp.StartAsync();
        using var anonymous = app.NewClient();
        using var denied = await app.SignedInAsync(email);
        using var planning = await app.SignedInAsync(Planning);
        using var administrator = await app.SignedInAsync(Administrator);

        using (var response = await anonymous.GetAsync(new Uri(Page, UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using (var response = await denied.GetAsync(new Uri(Page, UriKind.Relative), Ct))
        {
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/denied", StringComparison.Ordinal)));
        }

        using (var response = await denied.GetAsync(new Uri(Page + "?handler=Download", UriKind.Relative), Ct))
        {
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }

        foreach (var client in new[] { planning, administrator })
        {
            var page = await Html.GetAsync(client, Page);
            Assert.Contains("\"key\": \"default\"", page.QuerySelector("textarea[name=json]")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_template_and_the_schema_download_as_json()
    {
        await using var app = await AdminApp.StartAsync();
        using var client = await app.SignedInAsync(Planning);

        using var template = await client.GetAsync(new Uri(Page + "?handler=Download&version=1", UriKind.Relative), Ct);
        using var schema = await client.GetAsync(new Uri(Page + "?handler=Schema", UriKind.Relative), Ct);
        using var missing = await client.GetAsync(new Uri(Page + "?handler=Download&version=7", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal(EmbeddedFiles.ReadTemplateJson("default"), await template.Content.ReadAsStringAsync(Ct));
        Assert.Equal("application/schema+json", schema.Content.Headers.ContentType?.MediaType);
        Assert.Contains("https://json-schema.org/draft/2020-12/schema", await schema.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task An_invalid_template_is_listed_by_field_in_Japanese_and_nothing_is_saved()
    {
        await using var app = await AdminApp.StartAsync();
        using var client = await app.SignedInAsync(Planning);
        var json = DefaultWith(j =>
        {
            j["labels"]!.AsObject().Remove("goalsHeading");
            j["ratingScale"]!["levels"]![1]!["minRatio"] = 0.5;
        });

        using var invalid = await SaveAsync(client, json, "1");
        using var notJson = await SaveAsync(client, "{ \"key\": ", "1");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var page = await Html.ParseAsync(await invalid.Content.ReadAsStringAsync(Ct));
        var rows = page.QuerySelectorAll(".format-problems tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("$.labels", StringComparison.Ordinal) && r.Contains("必須の項目", StringComparison.Ordinal)
            && r.Contains("goalsHeading", StringComparison.Ordinal));
        Assert.Equal(json, page.QuerySelector("textarea[name=json]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notJson.StatusCode);
        Assert.Contains("JSONとして読めません", await notJson.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(1, await VersionsAsync(app));
    }

    [Fact]
    public async Task A_malformed_request_is_a_400_and_a_stale_one_a_409()
    {
        await using var app = await AdminApp.StartAsync();
        using var client = await app.SignedInAsync(Planning);
        var renamed = DefaultWith(j => j["name"] = "入間市 組織目標の様式(令和5年度改定)");

        using var noVersion = await SaveAsync(client, renamed, null);
        using var noJson = await SaveAsync(client, null, "1");
        using var saved = await SaveAsync(client, renamed, "1");
        using var stale = await SaveAsync(client, DefaultWith(j => j["name"] = "別の改定"), "1");

        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noJson.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Page + "?saved=2", saved.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("第2版", await stale.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(2, await VersionsAsync(app));

        var page = await Html.GetAsync(client, Page + "?saved=2");
        Assert.Contains("第2版として保存しました", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("入間市 組織目標の様式(令和5年度改定)",
            JsonNode.Parse(page.QuerySelector("textarea[name=json]")!.TextContent)!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_published_year_keeps_its_version_and_its_words()
    {
        await using var app = await AdminApp.StartAsync();
        using var client = await app.SignedInAsync(Planning);
        using var before = app.NewClient();
        var published = await (await before.GetAsync(new Uri("/iruma/2022/shimin-seikatsu", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);

        using var saved = await SaveAsync(client, DefaultWith(j => j["labels"]!["goalsHeading"] = "組織目標(改定後)"), "1");
        using var assign = await AdminApp.PostFormAsync(client, Page, Page + "?handler=Assign", [new("year", "2022"), new("version", "2")]);
        using var badAssign = await AdminApp.PostFormAsync(client, Page, Page + "?handler=Assign", [new("year", "2022")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, assign.StatusCode);
        Assert.Contains("公表済み", await assign.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badAssign.StatusCode);
        var after = await (await before.GetAsync(new Uri("/iruma/2022/shimin-seikatsu", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Equal(published, after);
        Assert.DoesNotContain("改定後", after, StringComparison.Ordinal);
    }
}
