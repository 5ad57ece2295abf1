using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using Mokuhyo.Web.Tests.Admin;

namespace Mokuhyo.Web.Tests.Tenancy;

public abstract class PolicyTreeTests(TenancyApp tenancy)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<KeyValuePair<string, string>> Node(string code, string name, Guid? parent = null, string from = "2021", string to = "2030") =>
        [new("Input.ParentId", parent?.ToString() ?? ""), new("Input.Code", code), new("Input.Name", name), new("Input.ValidFrom", from), new("Input.ValidTo", to)];

    private Task<Guid> NodeIdAsync(string code) => tenancy.App.WithDbAsync(db => db.PolicyNodes.Where(n => n.Code == code).Select(n => n.Id).SingleAsync(Ct));

    private Task<Mokuhyo.Domain.Reports.PublishedReport> PublishYearEndAsync() => tenancy.App.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<MokuhyoDbContext>();
        var department = await db.OrgUnits.Where(u => u.Code == "shimin-seikatsu").Select(u => u.Id).SingleAsync(Ct);
        return await services.GetRequiredService<ReportPublisher>().PublishAsync(department, "year-end", Ct);
    });

    [Fact]
    public async Task Planning_staff_build_the_tree_editors_link_goals_and_the_public_browses_it_as_published()
    {
        tenancy.SkipIfUnavailable();
        using var planning = await tenancy.App.SignedInAsync("kikaku@iruma.example.jp");
        using (var viewer = await tenancy.App.SignedInAsync("viewer@iruma.example.jp"))
        {
            using var denied = await viewer.GetAsync(new Uri("/staff/policies", UriKind.Relative), Ct);
            Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await AdminApp.PostFormAsync(planning, "/staff/policies", null, Node("dai6", "第6次入間市総合計画"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AdminApp.PostFormAsync(planning, "/staff/policies", null, Node("dai6-1", "市民と共に進めるまちづくり", await NodeIdAsync("dai6")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AdminApp.PostFormAsync(planning, "/staff/policies", null, Node("dai6-1-1", "地域コミュニティの活性化", await NodeIdAsync("dai6-1")))).StatusCode);

        foreach (var (fields, message) in new[]
        {
            (Node("dai6-1-1-1", "深すぎる", await NodeIdAsync("dai6-1-1")), "事業の下には追加できません"),
            (Node("dai6-1", "重複"), "コード「dai6-1」は既に使われています"),
            (Node("Dai 6", "不正"), "コード「Dai 6」は使えません"),
            (Node("dai7", "逆順", null, "2030", "2021"), "終了年度は開始年度以降にしてください"),
        })
        {
            using var refused = await AdminApp.PostFormAsync(planning, "/staff/policies", null, fields);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains(message, await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.Equal(3, await tenancy.App.WithDbAsync(db => db.PolicyNodes.CountAsync(Ct)));

        // 地域振興課's editor links its goal 1 to a measure and a programme, on the interim report it may still edit.
        using var editor = await tenancy.App.SignedInAsync("chiiki@iruma.example.jp");
        const string links = "/staff/2022/shimin-seikatsu/interim/goals/1/policies";
        using (var linked = await AdminApp.PostFormAsync(editor, links, null, [new("nodes", (await NodeIdAsync("dai6-1")).ToString()), new("nodes", (await NodeIdAsync("dai6-1-1")).ToString())]))
        {
            Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        }

        Assert.Equal(2, await tenancy.App.WithDbAsync(db => db.GoalPolicyLinks.CountAsync(Ct)));
        using (var published = await AdminApp.PostFormAsync(editor, "/staff/2022/shimin-seikatsu/year-end/goals/1/policies", null, []))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, published.StatusCode);
            Assert.Contains("変更できません", await published.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.Equal(2, await tenancy.App.WithDbAsync(db => db.GoalPolicyLinks.CountAsync(Ct)));

        // Not public until published.
        using var reader = tenancy.App.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri("/iruma/2022/policies/dai6-1-1", UriKind.Relative), Ct)).StatusCode);

        await PublishYearEndAsync();
        var tree = await reader.GetStringAsync(new Uri("/iruma/2022/policies", UriKind.Relative), Ct);
        Assert.Contains("<a href=\"/iruma/2022/policies/dai6\" lang=\"ja\">第6次入間市総合計画</a>", tree, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/iruma/2022/policies/dai6-1-1\" lang=\"ja\">地域コミュニティの活性化</a>", tree, StringComparison.Ordinal);
        Assert.Contains("公表された目標 1件", tree, StringComparison.Ordinal);
        var node = await reader.GetStringAsync(new Uri("/iruma/2022/policies/dai6-1-1", UriKind.Relative), Ct);
        Assert.Contains("href=\"/iruma/2022/shimin-seikatsu#goal-1\"", node, StringComparison.Ordinal);
        var report = await reader.GetStringAsync(new Uri("/iruma/2022/shimin-seikatsu", UriKind.Relative), Ct);
        Assert.Contains("<a href=\"/iruma/2022/policies/dai6-1-1\" lang=\"ja\">地域コミュニティの活性化</a>", report, StringComparison.Ordinal);
        Assert.Contains("/iruma/2022/policies/dai6-1-1</loc>", await reader.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative), Ct), StringComparison.Ordinal);

        // Later edits (a rename, removed links) do not change what was published.
        var version = await tenancy.App.WithDbAsync(db => db.PolicyNodes.Where(n => n.Code == "dai6-1-1").Select(n => n.Version).SingleAsync(Ct));
        using (var renamed = await AdminApp.PostFormAsync(planning, "/staff/policies/dai6-1-1", null,
            [new("Input.Name", "改称後の事業"), new("Input.ValidFrom", "2021"), new("Input.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))]))
        {
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        }

        using (var unlinked = await AdminApp.PostFormAsync(editor, links, null, []))
        {
            Assert.Equal(HttpStatusCode.Redirect, unlinked.StatusCode);
        }

        Assert.Equal(0, await tenancy.App.WithDbAsync(db => db.GoalPolicyLinks.CountAsync(Ct)));
        node = await reader.GetStringAsync(new Uri("/iruma/2022/policies/dai6-1-1", UriKind.Relative), Ct);
        Assert.Contains("地域コミュニティの活性化", node, StringComparison.Ordinal);
        Assert.DoesNotContain("改称後の事業", node, StringComparison.Ordinal);
        Assert.Contains("href=\"/iruma/2022/shimin-seikatsu#goal-1\"", node, StringComparison.Ordinal);

        // A node with items under it stays; an unused one goes.
        using (var inUse = await AdminApp.PostFormAsync(planning, "/staff/policies", "/staff/policies?handler=Delete", [new("code", "dai6-1")]))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, inUse.StatusCode);
            Assert.Contains("削除できません", await inUse.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using (var deleted = await AdminApp.PostFormAsync(planning, "/staff/policies", "/staff/policies?handler=Delete", [new("code", "dai6-1-1")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.Equal(2, await tenancy.App.WithDbAsync(db => db.PolicyNodes.CountAsync(Ct)));
    }
}

public sealed class PolicyTreeOnSqliteTests(TenancyApp tenancy) : PolicyTreeTests(tenancy), IClassFixture<TenancyApp>;

public sealed class PolicyTreeOnPostgresTests(TenancyAppOnPostgres tenancy) : PolicyTreeTests(tenancy), IClassFixture<TenancyAppOnPostgres>;
