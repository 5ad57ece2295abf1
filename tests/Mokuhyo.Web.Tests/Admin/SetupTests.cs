using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Domain.Calendar;

namespace Mokuhyo.Web.Tests.Admin;

public sealed class SetupTests(WebApps apps)
{
    private const string Password = "shiyakusho-2025-kanri";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<KeyValuePair<string, string>> Form(string code = "112259", string slug = "iruma", string password = Password) =>
    [
        new("Input.MunicipalityCode", code),
        new("Input.MunicipalityName", "入間市"),
        new("Input.Slug", slug),
        new("Input.Email", "kanri@city.iruma.example.jp"),
        new("Input.DisplayName", "情報政策課 管理者"),
        new("Input.Password", password),
        new("Input.ConfirmPassword", password),
    ];

    [Fact]
    public async Task Setup_creates_the_municipality_and_its_administrator_once_and_then_is_not_found()
    {
        await using var app = await AdminApp.StartAsync(demoData: false);
        var client = app.NewClient();

        using var done = await AdminApp.PostFormAsync(client, "/setup", null, Form());

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/staff/years", done.Headers.Location?.OriginalString);
        using (var staff = await client.GetAsync(new Uri("/staff/years", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        }

        var (municipality, format, roles) = await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<MokuhyoDbContext>();
            var m = await db.Municipalities.Include(x => x.Formats).SingleAsync(Ct);
            var user = await db.Users.SingleAsync(Ct);
            var r = await services.GetRequiredService<UserManager<StaffUser>>().GetRolesAsync(user);
            Assert.Equal(m.Id, user.MunicipalityId);
            return (m, m.Formats.Single(), r);
        });
        Assert.Equal(("112259", "iruma", "入間市"), (municipality.Code, municipality.Slug, municipality.Name));
        Assert.Equal(1, format.Number);
        Assert.Equal(EmbeddedFiles.ReadTemplateJson("default"), format.Json);
        Assert.Equal([StaffRoles.HostAdministrator, StaffRoles.SystemAdministrator], roles.Order(StringComparer.Ordinal));

        // The new city's first year has no tree to copy: it is opened empty and built unit by unit.
        var year = FiscalYear.Of(JapanTime.Today(TimeProvider.System)).StartYear.ToString(CultureInfo.InvariantCulture);
        using (var opened = await AdminApp.PostFormAsync(client, "/staff/years", "/staff/years?handler=Open", [new("year", year)]))
        {
            Assert.Equal($"/staff/years/{year}/units?done=opened", opened.Headers.Location?.OriginalString);
        }

        using (var added = await AdminApp.PostFormAsync(client, $"/staff/years/{year}/units", $"/staff/years/{year}/units?handler=Add",
                   [new("Add.Code", "shimin-seikatsu"), new("Add.Name", "市民生活部"), new("Add.Kind", "部"), new("Add.IsReportingUnit", "true")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var unit = await app.WithDbAsync(db => db.OrgUnits.SingleAsync(Ct));
        Assert.Equal(("市民生活部", true, (Guid?)null), (unit.Name, unit.IsReportingUnit, unit.PreviousUnitId));

        using var again = await app.NewClient().GetAsync(new Uri("/setup", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        using var signedIn = await client.GetAsync(new Uri("/setup", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, signedIn.StatusCode);
    }

    [Fact]
    public async Task Setup_puts_Japanese_messages_beside_wrong_fields_and_creates_nothing()
    {
        await using var app = await AdminApp.StartAsync(demoData: false);

        using var response = await AdminApp.PostFormAsync(app.NewClient(), "/setup", null, Form(code: "112250", slug: "staff", password: "short"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(Ct));
        var errors = page.QuerySelectorAll(".field-error").Select(e => e.TextContent).ToList();
        Assert.Contains(errors, e => e.Contains("全国地方公共団体コードが正しくありません", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("URL名は英小文字", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("パスワードは12文字以上", StringComparison.Ordinal));
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Municipalities.CountAsync(Ct)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Two_simultaneous_setups_create_one_administrator(DatabaseProvider provider)
    {
        await using var app = await AdminApp.StartAsync(provider, demoData: false);
        var first = app.NewClient();
        var second = app.NewClient();
        var tokens = await Task.WhenAll(AdminApp.AntiforgeryTokenAsync(first, "/setup"), AdminApp.AntiforgeryTokenAsync(second, "/setup"));

        var responses = await Task.WhenAll(
            Post(first, tokens[0], Form()),
            Post(second, tokens[1], [.. Form(code: "112089", slug: "tokorozawa").Select(f => f.Key == "Input.Email" ? new("Input.Email", "kanri@tokorozawa.example.jp") : f)]));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.Redirect);
        Assert.Contains(loser.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.NotFound });
        if (loser.StatusCode == HttpStatusCode.Conflict)
        {
            Assert.Contains("別の管理者が先に初期設定を完了しました", await loser.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(Ct)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Municipalities.CountAsync(Ct)));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        static async Task<HttpResponseMessage> Post(HttpClient client, string token, List<KeyValuePair<string, string>> fields)
        {
            using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
            return await client.PostAsync(new Uri("/setup", UriKind.Relative), content, Ct);
        }
    }

    [Fact]
    public async Task Setup_is_not_found_once_accounts_exist()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);

        using var response = await client.GetAsync(new Uri("/setup", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
