using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Web.Tests.Admin;

namespace Mokuhyo.Web.Tests.Tenancy;

public abstract class HostAdministrationTests(TenancyApp tenancy)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<KeyValuePair<string, string>> Form(string code, string slug, string name = "所沢市") =>
        [new("Input.Code", code), new("Input.Slug", slug), new("Input.Name", name), new("Input.Prefecture", "埼玉県")];

    [Fact]
    public async Task Only_the_host_administrator_manages_municipalities()
    {
        tenancy.SkipIfUnavailable();
        using var host = await tenancy.HostAsync();
        using var list = await host.GetAsync(new Uri("/staff/admin/municipalities", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("112259", await list.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var iruma = await tenancy.App.WithDbAsync(db => db.Municipalities.Where(m => m.Slug == "iruma").Select(m => m.Id).SingleAsync(Ct));
        using var cityAdmin = await tenancy.App.SignedInAsync("admin@iruma.example.jp");
        foreach (var path in new[] { "/staff/admin/municipalities", "/staff/admin/municipalities/new", $"/staff/admin/municipalities/{iruma}" })
        {
            using var response = await cityAdmin.GetAsync(new Uri(path, UriKind.Relative), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath == "/account/denied"),
                $"{path}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("112250", "tokorozawa", "検査数字(6桁目)が合いません。前の5桁からは 9 になります")]
    [InlineData("11208", "tokorozawa", "6桁の数字で入力してください")]
    [InlineData("11208a", "tokorozawa", "6桁の数字で入力してください")]
    [InlineData("112259", "tokorozawa", "全国地方公共団体コード「112259」の自治体は既に登録されています")]
    [InlineData("112011", "iruma", "URL名「iruma」は既にほかの自治体が使っています")]
    [InlineData("112011", "staff", "URL名「staff」はこのサイトが使う語のため使えません")]
    [InlineData("112011", "sitemap", "このサイトが使う語")]
    [InlineData("112011", "Tokorozawa", "英小文字・数字・ハイフン")]
    [InlineData("112011", "-tokorozawa", "英小文字・数字・ハイフン")]
    [InlineData("", "tokorozawa", "全国地方公共団体コードを入力してください")]
    public async Task A_bad_code_or_slug_is_refused_in_Japanese_and_nothing_is_added(string code, string slug, string message)
    {
        tenancy.SkipIfUnavailable();
        using var host = await tenancy.HostAsync();
        var before = await tenancy.App.WithDbAsync(db => db.Municipalities.CountAsync(Ct));
        using var response = await AdminApp.PostFormAsync(host, "/staff/admin/municipalities/new", null, Form(code, slug));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal(before, await tenancy.App.WithDbAsync(db => db.Municipalities.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_new_municipality_gets_the_shipped_format_its_public_page_and_a_first_administrator()
    {
        tenancy.SkipIfUnavailable();
        using var host = await tenancy.HostAsync();
        using var created = await AdminApp.PostFormAsync(host, "/staff/admin/municipalities/new", null, Form("112089", "tokorozawa"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await tenancy.App.WithDbAsync(db => db.Municipalities.Where(m => m.Code == "112089").Select(m => m.Id).SingleAsync(Ct));
        Assert.Equal($"/staff/admin/municipalities/{id}?done=created", created.Headers.Location!.OriginalString);
        Assert.Equal(1, await tenancy.App.WithDbAsync(db => db.FormatVersions.CountAsync(f => f.MunicipalityId == id, Ct)));

        using var page = await tenancy.App.NewClient().GetAsync(new Uri("/tokorozawa", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("所沢市", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // The first administrator: the account form opens on the new city with the administrator's role chosen.
        using var form = await host.GetAsync(new Uri($"/staff/admin/users/new?municipality={id}", UriKind.Relative), Ct);
        var html = await form.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"<option value=\"{id}\" selected=\"selected\">", html, StringComparison.Ordinal);
        using var account = await AdminApp.PostFormAsync(host, "/staff/admin/users/new", null,
        [
            new("Input.MunicipalityId", id.ToString()), new("Input.Email", "kanri@tokorozawa.example.jp"), new("Input.Password", "Tokorozawa-kanri-2026"),
            new("Input.DisplayName", "所沢市 管理者"), new("Input.Roles", StaffRoles.SystemAdministrator),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        var (municipality, roles) = await tenancy.App.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByEmailAsync("kanri@tokorozawa.example.jp");
            return (user!.MunicipalityId, await users.GetRolesAsync(user));
        });
        Assert.Equal(id, municipality);
        Assert.Equal([StaffRoles.SystemAdministrator], roles);
    }

    [Fact]
    public async Task Editing_keeps_the_code_checks_the_slug_and_detects_a_concurrent_edit()
    {
        tenancy.SkipIfUnavailable();
        using var host = await tenancy.HostAsync();
        using var created = await AdminApp.PostFormAsync(host, "/staff/admin/municipalities/new", null, Form("112038", "kawagoe", "川越市"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (id, version) = await tenancy.App.WithDbAsync(async db =>
        {
            var m = await db.Municipalities.SingleAsync(m => m.Code == "112038", Ct);
            return (m.Id, m.Version);
        });
        var path = $"/staff/admin/municipalities/{id}";
        List<KeyValuePair<string, string>> Edit(string slug, string name, long v) =>
            [new("Input.Slug", slug), new("Input.Name", name), new("Input.Version", v.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Input.Code", "999999")];

        using var reserved = await AdminApp.PostFormAsync(host, path, null, Edit("api", "川越市", version));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reserved.StatusCode);

        using var saved = await AdminApp.PostFormAsync(host, path, null, Edit("kawagoe-city", "川越市役所", version));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await tenancy.App.WithDbAsync(db => db.Municipalities.SingleAsync(m => m.Id == id, Ct));
        Assert.Equal(("112038", "kawagoe-city", "川越市役所"), (after.Code, after.Slug, after.Name));

        using var stale = await AdminApp.PostFormAsync(host, path, null, Edit("kawagoe", "古い内容", version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("ほかの人が先に変更したため", await stale.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("川越市役所", await tenancy.App.WithDbAsync(db => db.Municipalities.Where(m => m.Id == id).Select(m => m.Name).SingleAsync(Ct)));

        using var list = await tenancy.App.NewClient().GetAsync(new Uri("/api/v1/municipalities", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }
}

public sealed class HostAdministrationOnSqliteTests(TenancyApp tenancy) : HostAdministrationTests(tenancy), IClassFixture<TenancyApp>;

public sealed class HostAdministrationOnPostgresTests(TenancyAppOnPostgres tenancy) : HostAdministrationTests(tenancy), IClassFixture<TenancyAppOnPostgres>;
