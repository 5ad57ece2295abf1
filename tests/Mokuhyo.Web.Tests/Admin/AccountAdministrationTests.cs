using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Domain.Municipalities;

namespace Mokuhyo.Web.Tests.Admin;

public sealed class AccountAdministrationTests
{
    private const string Admin = "admin@iruma.example.jp";
    private const string NewPassword = "chiiki-shinko-2025";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<KeyValuePair<string, string>> NewAccount(string email, string password) =>
    [
        new("Input.Email", email),
        new("Input.DisplayName", "地域振興課 新任担当"),
        new("Input.Password", password),
        new("Input.Roles", StaffRoles.Editor),
        new("Input.Bindings[0].UnitCode", "chiiki-shinko"),
        new("Input.Bindings[0].Role", "Editor"),
        new("Input.Bindings[1].UnitCode", ""),
        new("Input.Bindings[1].Role", "Editor"),
    ];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Administrator_creates_an_editor_bound_to_a_unit_who_can_then_sign_in(DatabaseProvider provider)
    {
        await using var app = await AdminApp.StartAsync(provider);
        var admin = await app.SignedInAsync(Admin);

        using var created = await AdminApp.PostFormAsync(admin, "/staff/admin/users/new", null, NewAccount("shinnin@iruma.example.jp", NewPassword));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.EndsWith("?done=created", created.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var user = await app.WithDbAsync(db => db.Users.Include(u => u.Assignments).SingleAsync(u => u.Email == "shinnin@iruma.example.jp", Ct));
        var binding = Assert.Single(user.Assignments);
        Assert.Equal(("chiiki-shinko", AssignmentRole.Editor), (binding.UnitCode, binding.Role));
        var userId = user.Id.ToString("D", CultureInfo.InvariantCulture);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == userId && a.Action == "account-created", Ct)));

        var editor = await app.SignedInAsync("shinnin@iruma.example.jp", NewPassword);
        var board = await Html.GetAsync(editor, "/staff");
        Assert.Contains("地域振興課 新任担当", board.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using var list = await editor.GetAsync(new Uri("/staff/admin/users", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.StartsWith("/account/denied", list.Headers.Location?.PathAndQuery ?? list.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weak_initial_password_or_an_unknown_unit_is_refused_beside_its_field()
    {
        await using var app = await AdminApp.StartAsync();
        var admin = await app.SignedInAsync(Admin);
        var fields = NewAccount("weak@iruma.example.jp", "abc");
        fields[4] = new("Input.Bindings[0].UnitCode", "no-such-unit");

        using var response = await AdminApp.PostFormAsync(admin, "/staff/admin/users/new", null, fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(Ct));
        var password = page.QuerySelector("#Input_Password")!.ParentElement!.QuerySelector(".field-error")!.TextContent;
        Assert.Contains("パスワードは12文字以上にしてください。", password, StringComparison.Ordinal);
        Assert.Contains("数字", password, StringComparison.Ordinal);
        var unit = page.QuerySelector("#binding-0-unit")!.ParentElement!.QuerySelector(".field-error")!.TextContent;
        Assert.Contains("「no-such-unit」の組織はこの自治体にありません", unit, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "weak@iruma.example.jp", Ct)));
    }

    [Fact]
    public async Task An_administrator_of_another_municipality_neither_sees_nor_changes_this_ones_accounts()
    {
        await using var app = await AdminApp.StartAsync();
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<MokuhyoDbContext>();
            var tokorozawa = new Municipality { Code = "112089", Slug = "tokorozawa", Name = "所沢市" };
            db.Municipalities.Add(tokorozawa);
            await db.SaveChangesAsync(Ct);
            var users = services.GetRequiredService<UserManager<StaffUser>>();
            var other = new StaffUser { UserName = "admin@tokorozawa.example.jp", Email = "admin@tokorozawa.example.jp", DisplayName = "所沢市 管理者", MunicipalityId = tokorozawa.Id };
            Assert.True((await users.CreateAsync(other, NewPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(other, StaffRoles.SystemAdministrator)).Succeeded);
            return 0;
        });
        var chiiki = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "chiiki@iruma.example.jp", Ct));
        var other = await app.SignedInAsync("admin@tokorozawa.example.jp", NewPassword);

        var list = await Html.GetAsync(other, "/staff/admin/users");
        Assert.DoesNotContain("iruma.example.jp", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("admin@tokorozawa.example.jp", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using (var page = await other.GetAsync(new Uri($"/staff/admin/users/{chiiki.Id}", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }

        var token = await AdminApp.AntiforgeryTokenAsync(other, "/staff/admin/users");
        using (var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))
        using (var locked = await other.PostAsync(new Uri($"/staff/admin/users/{chiiki.Id}?handler=Lock", UriKind.Relative), content, Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, locked.StatusCode);
        }

        using (var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.DisplayName", "乗っ取り"),
                   new("Input.Roles", StaffRoles.SystemAdministrator), new("Input.ConcurrencyStamp", chiiki.ConcurrencyStamp ?? "")]))
        using (var saved = await other.PostAsync(new Uri($"/staff/admin/users/{chiiki.Id}?handler=Save", UriKind.Relative), content, Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, saved.StatusCode);
        }

        var after = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == chiiki.Id, Ct));
        Assert.Equal((chiiki.DisplayName, chiiki.LockoutEnd), (after.DisplayName, after.LockoutEnd));
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_with_a_message()
    {
        await using var app = await AdminApp.StartAsync();
        // A client each, as sign-in is also rate limited by address.
        for (var i = 0; i < 5; i++)
        {
            using var failed = await AdminApp.SignInAsync(app.NewClient(), "viewer@iruma.example.jp", "wrong-password-1");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            var text = await failed.Content.ReadAsStringAsync(Ct);
            Assert.Contains(i < 4 ? "メールアドレスまたはパスワードが正しくありません" : "一時的にロックされています", text, StringComparison.Ordinal);
        }

        using var locked = await AdminApp.SignInAsync(app.NewClient(), "viewer@iruma.example.jp", DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("一時的にロックされています", await locked.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Administrator_locks_an_account_changes_its_roles_and_resets_its_password(DatabaseProvider provider)
    {
        await using var app = await AdminApp.StartAsync(provider);
        var admin = await app.SignedInAsync(Admin);
        var viewer = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "viewer@iruma.example.jp", Ct));
        var page = $"/staff/admin/users/{viewer.Id}";

        using (var locked = await AdminApp.PostFormAsync(admin, page, page + "?handler=Lock", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        }

        using (var refused = await AdminApp.SignInAsync(app.NewClient(), "viewer@iruma.example.jp", DemoAccounts.Password))
        {
            Assert.Contains("ロックされています", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using (var unlocked = await AdminApp.PostFormAsync(admin, page, page + "?handler=Unlock", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        }

        var stamp = (await Html.GetAsync(admin, page)).QuerySelector("input[name='Input.ConcurrencyStamp']")!.GetAttribute("value")!;
        using (var saved = await AdminApp.PostFormAsync(admin, page, page + "?handler=Save",
                   [new("Input.DisplayName", "閲覧者(人事課)"), new("Input.Roles", StaffRoles.Viewer), new("Input.Roles", StaffRoles.Approver),
                    new("Input.Bindings[0].UnitCode", "shimin"), new("Input.Bindings[0].Role", "Approver"), new("Input.ConcurrencyStamp", stamp)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using (var stale = await AdminApp.PostFormAsync(admin, page, page + "?handler=Save",
                   [new("Input.DisplayName", "古い画面から"), new("Input.Roles", StaffRoles.Viewer), new("Input.ConcurrencyStamp", stamp)]))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        using (var weak = await AdminApp.PostFormAsync(admin, page, page + "?handler=Password", [new("NewPassword", "short")]))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
            Assert.Contains("パスワードは12文字以上にしてください。", await weak.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using (var reset = await AdminApp.PostFormAsync(admin, page, page + "?handler=Password", [new("NewPassword", NewPassword)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        }

        await app.SignedInAsync("viewer@iruma.example.jp", NewPassword);
        var viewerId = viewer.Id.ToString("D", CultureInfo.InvariantCulture);
        var (user, roles, audit) = await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<MokuhyoDbContext>();
            var u = await db.Users.Include(x => x.Assignments).SingleAsync(x => x.Id == viewer.Id, Ct);
            var r = await services.GetRequiredService<UserManager<StaffUser>>().GetRolesAsync(u);
            var a = await db.AuditEntries.Where(e => e.EntityId == viewerId).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Ct);
            return (u, r, a);
        });
        Assert.Equal("閲覧者(人事課)", user.DisplayName);
        Assert.Equal([StaffRoles.Approver, StaffRoles.Viewer], roles.Order(StringComparer.Ordinal));
        Assert.Equal(("shimin", AssignmentRole.Approver), (user.Assignments.Single().UnitCode, user.Assignments.Single().Role));
        Assert.Equal(["account-locked", "account-unlocked", "account-changed", "password-reset"], audit);
    }
}
