using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using Mokuhyo.Data.Accounts;
using Mokuhyo.Data.Years;
using Mokuhyo.Web.Tests.Admin;
using Mokuhyo.Web.Tests.Authoring;

namespace Mokuhyo.Web.Tests.Templates;

/// <summary>
/// The department plan editor under the example formats: 経営資源 figures (町田市) and a multi-year 組織ビジョン
/// (小平市), authored in a newly opened 令和7年度, published and read back from the public report.
/// </summary>
public sealed class PlanSectionsEditingTests
{
    private const string Password = "Plan-sections-2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Opens 令和7年度 (2025) of a sample city and gives its department an editor; returns the editor's client.</summary>
    private static async Task<StaffClient> PrepareAsync(AdminApp app, string slug, string department)
    {
        var email = $"editor@{slug}.example.jp";
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<MokuhyoDbContext>();
            var city = await db.Municipalities.SingleAsync(m => m.Slug == slug, Ct);
            Assert.Equal(OpenYearOutcome.Opened, (await services.GetRequiredService<FiscalYearOpener>().OpenNextAsync(city.Id, 2025, Ct)).Outcome);
            var users = services.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser
            {
                UserName = email, Email = email, DisplayName = "編集 担当", MunicipalityId = city.Id,
                Assignments = [new UnitAssignment { UnitCode = department, Role = AssignmentRole.Editor }],
            };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, StaffRoles.Editor)).Succeeded);
            return 0;
        });
        return new StaffClient(await app.SignedInAsync(email, Password));
    }

    private static Task<Mokuhyo.Domain.Reports.PublishedReport> PublishPlanAsync(AdminApp app, string slug, int year, string department) => app.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<MokuhyoDbContext>();
        var id = await db.OrgUnits.Where(u => u.Code == department && db.ReportingYears.Any(y => y.Id == u.ReportingYearId && y.Year == year
            && db.Municipalities.Any(m => m.Id == y.MunicipalityId && m.Slug == slug))).Select(u => u.Id).SingleAsync(Ct);
        return await services.GetRequiredService<ReportPublisher>().PublishAsync(id, "plan", Ct);
    });

    /// <summary>The department's stored plan items of a year, each as section|label|text|from|to.</summary>
    private static Task<List<string>> PlanOfAsync(AdminApp app, string slug, int year, string department) =>
        app.WithDbAsync(async db => (await db.PlanItems.AsNoTracking()
            .Where(i => db.OrgUnits.Any(u => u.Id == i.OrgUnitId && u.Code == department && db.ReportingYears.Any(y => y.Id == u.ReportingYearId && y.Year == year
                && db.Municipalities.Any(m => m.Id == y.MunicipalityId && m.Slug == slug))))
            .OrderBy(i => i.SectionKey).ThenBy(i => i.Ordinal).ToListAsync(Ct))
            .Select(i => string.Join('|', i.SectionKey, i.Label, i.Text, i.FromYear, i.ToYear)).ToList());

    private static async Task<string> PublicTextAsync(AdminApp app, string path)
    {
        using var client = app.NewClient();
        return Compact((await Html.GetAsync(client, path)).Body!.TextContent);
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public async Task Figures_of_the_format_are_entered_checked_and_published_with_their_units()
    {
        await using var app = await AdminApp.StartAsync(exampleData: true);
        using var editor = await PrepareAsync(app, "machida", "toshi-seibi");
        const string PlanPath = "/staff/2025/toshi-seibi/plan/plan";

        // Each figure the format defines has a row of its own, chosen in a list of the format's figures.
        var page = await editor.GetPageAsync(PlanPath);
        Assert.Equal(["staff", "budget"], page.QuerySelectorAll("select[name$='].Label']").Select(s => ((AngleSharp.Html.Dom.IHtmlSelectElement)s).Value));
        Assert.Contains("職員数(人)", page.QuerySelector("#Input_Sections_0__Items_0__Label")!.TextContent, StringComparison.Ordinal);

        // A value that is not a number, and the same figure twice: refused by name, nothing stored.
        var bad = await editor.SubmitAsync(page, f => f
            .Set("Input.Sections[0].Items[0].Text", "八十六人")
            .Set("Input.Sections[0].Items[1].Label", "staff")
            .Set("Input.Sections[0].Items[1].Text", "90")
            .Set("Input.Sections[1].Items[0].Text", "歩いて楽しい駅前(見本)"), "add:section-1");
        Assert.Equal(HttpStatusCode.OK, bad.Status); // the add command only reshapes the form
        bad = await editor.SubmitAsync(bad.Page, f => { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.Status);
        Assert.Equal("職員数は数値で入力してください。", GoalForms.ErrorBeside(bad.Page, "Input_Sections_0__Items_0__Text"));
        Assert.Equal("「職員数」が二度入力されています。一つにまとめてください。", GoalForms.ErrorBeside(bad.Page, "Input_Sections_0__Items_1__Label"));
        Assert.Empty(await PlanOfAsync(app, "machida", 2025, "toshi-seibi"));

        var tooBig = await editor.SubmitAsync(bad.Page, f => f
            .Set("Input.Sections[0].Items[0].Text", "1e3")
            .Set("Input.Sections[0].Items[1].Label", "budget")
            .Set("Input.Sections[0].Items[1].Text", "123456789012345"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooBig.Status);
        Assert.Equal("職員数は数値で入力してください。", GoalForms.ErrorBeside(tooBig.Page, "Input_Sections_0__Items_0__Text"));
        Assert.Equal("予算額は整数部14桁・小数部4桁以内の数値で入力してください。", GoalForms.ErrorBeside(tooBig.Page, "Input_Sections_0__Items_1__Text"));
        Assert.Empty(await PlanOfAsync(app, "machida", 2025, "toshi-seibi"));

        // Full-width digits and thousands separators, as a Japanese input method types them.
        var saved = await editor.SubmitAsync(tooBig.Page, f => f
            .Set("Input.Sections[0].Items[0].Text", "９０")
            .Set("Input.Sections[0].Items[1].Label", "budget")
            .Set("Input.Sections[0].Items[1].Text", "4,600,000.50"));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(
            ["priority-policy||歩いて楽しい駅前(見本)||", "resources|staff|90||", "resources|budget|4600000.5||"],
            await PlanOfAsync(app, "machida", 2025, "toshi-seibi"));

        await PublishPlanAsync(app, "machida", 2025, "toshi-seibi");
        var text = await PublicTextAsync(app, "/machida/2025/toshi-seibi");
        Assert.Contains("経営資源", text, StringComparison.Ordinal);
        Assert.Contains("職員数90人", text, StringComparison.Ordinal);
        Assert.Contains("予算額4,600,000.5千円", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_stale_plan_form_is_refused_with_a_conflict_and_overwrites_nothing(DatabaseProvider provider)
    {
        await using var app = await AdminApp.StartAsync(provider, exampleData: true);
        using var first = await PrepareAsync(app, "machida", "toshi-seibi");
        using var second = new StaffClient(await app.SignedInAsync("editor@machida.example.jp", Password));
        const string PlanPath = "/staff/2025/toshi-seibi/plan/plan";
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(await first.GetPageAsync(PlanPath), f => f
            .Set("Input.Sections[0].Items[0].Text", "80"))).Status);

        var firstPage = await first.GetPageAsync(PlanPath);
        var secondPage = await second.GetPageAsync(PlanPath);
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(firstPage, f => f.Set("Input.Sections[0].Items[0].Text", "85"))).Status);

        var stale = await second.SubmitAsync(secondPage, f => f.Set("Input.Sections[0].Items[0].Text", "99").Set("Input.Sections[0].Items[1].Text", "5000"));
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.StartsWith("保存できませんでした。部の方針は、あなたが編集を始めた後に他の人が変更しています。", GoalForms.Notice(stale.Page), StringComparison.Ordinal);
        Assert.Contains("職員数: 85人", stale.Page.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["resources|staff|85||"], await PlanOfAsync(app, "machida", 2025, "toshi-seibi"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_vision_spans_the_years_it_is_given_and_wrong_spans_are_refused(DatabaseProvider provider)
    {
        await using var app = await AdminApp.StartAsync(provider, exampleData: true);
        using var editor = await PrepareAsync(app, "kodaira", "kankyo");
        const string PlanPath = "/staff/2025/kankyo/plan/plan";
        const string Earlier = "令和8年度までに、市民一人あたりのごみ排出量を県内で最も少ない水準にします(見本)。";

        // The vision written in 令和6年度 for 令和6–8年度 covers this year: shown, not edited here.
        var page = await editor.GetPageAsync(PlanPath);
        var vision = page.GetElementById("section-vision")!;
        Assert.Contains(Earlier, vision.TextContent, StringComparison.Ordinal);
        Assert.Contains("令和6年度(2024年度)の部の方針に書かれた項目(令和6年度～令和8年度(2024～2026年度))", Compact(vision.TextContent), StringComparison.Ordinal);
        Assert.Empty(vision.QuerySelectorAll("textarea"));

        // Four new rows, each with a span the rule refuses.
        for (var i = 0; i < 4; i++)
        {
            page = (await editor.SubmitAsync(page, _ => { }, "add:section-1")).Page;
        }

        Assert.Equal("2025", page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#Input_Sections_1__Items_0__FromYear")!.Value);
        Assert.Equal("令和7年度(2025年度)", page.QuerySelector("#Input_Sections_1__Items_0__ToYear option[selected]")!.TextContent);
        var refused = await editor.SubmitAsync(page, f => f
            .Set("Input.Sections[1].Items[0].Text", "逆の順").Set("Input.Sections[1].Items[0].FromYear", "2026").Set("Input.Sections[1].Items[0].ToYear", "2025")
            .Set("Input.Sections[1].Items[1].Text", "長すぎ").Set("Input.Sections[1].Items[1].FromYear", "2025").Set("Input.Sections[1].Items[1].ToYear", "2030")
            .Set("Input.Sections[1].Items[2].Text", "今年なし").Set("Input.Sections[1].Items[2].FromYear", "2026").Set("Input.Sections[1].Items[2].ToYear", "2027")
            .Set("Input.Sections[1].Items[3].Text", "年でない").Set("Input.Sections[1].Items[3].FromYear", "令和七").Set("Input.Sections[1].Items[3].ToYear", ""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal("開始年度(令和8年度(2026年度))は終了年度(令和7年度(2025年度))以前にしてください。",
            GoalForms.ErrorBeside(refused.Page, "Input_Sections_1__Items_0__ToYear"));
        Assert.Equal("期間は5年度以内にしてください(令和7年度～令和12年度(2025～2030年度)は6年度です)。",
            GoalForms.ErrorBeside(refused.Page, "Input_Sections_1__Items_1__ToYear"));
        Assert.Equal("期間には編集中の令和7年度(2025年度)を含めてください(令和8年度～令和9年度(2026～2027年度))。",
            GoalForms.ErrorBeside(refused.Page, "Input_Sections_1__Items_2__FromYear"));
        Assert.Equal("開始年度は西暦4桁の年度で指定してください。", GoalForms.ErrorBeside(refused.Page, "Input_Sections_1__Items_3__FromYear"));
        Assert.Equal("終了年度を選んでください。", GoalForms.ErrorBeside(refused.Page, "Input_Sections_1__Items_3__ToYear"));
        Assert.Empty(await PlanOfAsync(app, "kodaira", 2025, "kankyo"));

        var saved = await editor.SubmitAsync(refused.Page, f => f
            .Set("Input.Sections[1].Items[0].Text", "令和9年度までに、緑の量を保ちます(見本)。").Set("Input.Sections[1].Items[0].FromYear", "2025").Set("Input.Sections[1].Items[0].ToYear", "2027")
            .Set("Input.Sections[1].Items[1].Remove", "true").Set("Input.Sections[1].Items[1].Text", "")
            .Set("Input.Sections[1].Items[2].Text", "").Set("Input.Sections[1].Items[3].Text", ""));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(["vision||令和9年度までに、緑の量を保ちます(見本)。|2025|2027"], await PlanOfAsync(app, "kodaira", 2025, "kankyo"));
        var reread = await editor.GetPageAsync(PlanPath);
        Assert.Equal("2027", reread.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#Input_Sections_1__Items_0__ToYear")!.Value);

        await PublishPlanAsync(app, "kodaira", 2025, "kankyo");
        var text = await PublicTextAsync(app, "/kodaira/2025/kankyo");
        Assert.Contains(Compact(Earlier), text, StringComparison.Ordinal);
        Assert.Contains("令和9年度までに、緑の量を保ちます(見本)。", text, StringComparison.Ordinal);
        Assert.Contains("令和7年度～令和9年度", text, StringComparison.Ordinal);

        // The next year shows both visions that cover it, though neither was written in it.
        await app.WithServicesAsync(async services =>
        {
            var city = await services.GetRequiredService<MokuhyoDbContext>().Municipalities.SingleAsync(m => m.Slug == "kodaira", Ct);
            return (await services.GetRequiredService<FiscalYearOpener>().OpenNextAsync(city.Id, 2026, Ct)).Outcome;
        });
        var next = await editor.GetPageAsync("/staff/2026/kankyo/plan/plan");
        var nextVision = Compact(next.GetElementById("section-vision")!.TextContent);
        Assert.Contains("令和7年度(2025年度)の部の方針に書かれた項目(令和7年度～令和9年度(2025～2027年度))", nextVision, StringComparison.Ordinal);
        await PublishPlanAsync(app, "kodaira", 2026, "kankyo");
        var nextText = await PublicTextAsync(app, "/kodaira/2026/kankyo");
        Assert.Contains(Compact(Earlier), nextText, StringComparison.Ordinal);
        Assert.Contains("令和9年度までに、緑の量を保ちます(見本)。", nextText, StringComparison.Ordinal);
    }
}
