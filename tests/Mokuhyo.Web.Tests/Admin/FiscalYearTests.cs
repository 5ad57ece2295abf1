using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using Mokuhyo.Data.Years;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Workflow;

namespace Mokuhyo.Web.Tests.Admin;

public sealed class FiscalYearTests
{
    private const string Planning = "kikaku@iruma.example.jp";
    private const string DepartmentEditor = "shimin-seikatsu@iruma.example.jp";
    private const string DivisionEditor = "chiiki@iruma.example.jp";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task OpenNextYearAsync(AdminApp app) => await app.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<MokuhyoDbContext>();
        var municipality = await db.Municipalities.SingleAsync(Ct);
        var result = await services.GetRequiredService<FiscalYearOpener>().OpenNextAsync(municipality.Id, 2023, Ct);
        Assert.Equal(OpenYearOutcome.Opened, result.Outcome);
        return result;
    });

    private static Task<List<OrgUnit>> UnitsAsync(AdminApp app, int year) =>
        app.WithDbAsync(db => db.OrgUnits.AsNoTracking().Where(u => db.ReportingYears.Any(y => y.Id == u.ReportingYearId && y.Year == year)).ToListAsync(Ct));

    private static Task<Dictionary<int, Guid>> GoalIdsAsync(AdminApp app, int year) =>
        app.WithDbAsync(db => db.Goals.Where(g => db.ReportingYears.Any(y => y.Id == g.ReportingYearId && y.Year == year))
            .ToDictionaryAsync(g => g.Number, g => g.Id, Ct));

    private static async Task<HttpResponseMessage> CarryAsync(HttpClient client, params Guid[] goals) =>
        await AdminApp.PostFormAsync(client, "/staff/years/2023/carry-forward", null,
            goals.Select(g => new KeyValuePair<string, string>("Goals", g.ToString("D", CultureInfo.InvariantCulture))));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Opening_the_next_year_copies_the_tree_with_the_same_codes_each_unit_pointing_to_its_predecessor(DatabaseProvider provider)
    {
        await using var app = await AdminApp.StartAsync(provider);
        var planning = await app.SignedInAsync(Planning);

        using var opened = await AdminApp.PostFormAsync(planning, "/staff/years", "/staff/years?handler=Open", [new("year", "2023")]);

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/staff/years/2023/units?done=opened", opened.Headers.Location?.OriginalString);
        var before = await UnitsAsync(app, 2022);
        var after = await UnitsAsync(app, 2023);
        Assert.Equal(before.Select(u => u.Code).Order(StringComparer.Ordinal), after.Select(u => u.Code).Order(StringComparer.Ordinal));
        foreach (var unit in after)
        {
            var previous = before.Single(u => u.Id == unit.PreviousUnitId);
            Assert.Equal((previous.Code, previous.Name, previous.Kind, previous.IsReportingUnit), (unit.Code, unit.Name, unit.Kind, unit.IsReportingUnit));
            Assert.Equal(previous.Responsibilities, unit.Responsibilities);
            Assert.Equal(before.SingleOrDefault(u => u.Id == previous.ParentId)?.Code, after.SingleOrDefault(u => u.Id == unit.ParentId)?.Code);
        }

        var (year2023, newestFormat) = await app.WithDbAsync(async db => (
            await db.ReportingYears.SingleAsync(y => y.Year == 2023, Ct),
            await db.FormatVersions.OrderByDescending(f => f.Number).FirstAsync(Ct)));
        Assert.Equal(newestFormat.Id, year2023.FormatVersionId);
        Assert.Empty(await GoalIdsAsync(app, 2023));

        using var twice = await AdminApp.PostFormAsync(planning, "/staff/years", "/staff/years?handler=Open", [new("year", "2023")]);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("既に開始されています", await twice.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Single(await app.WithDbAsync(db => db.ReportingYears.Where(y => y.Year > 2022).ToListAsync(Ct)));

        var editor = await app.SignedInAsync(DivisionEditor);
        using var refused = await AdminApp.PostFormAsync(editor, "/staff/years", "/staff/years?handler=Open", [new("year", "2024")]);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/denied", refused.Headers.Location?.PathAndQuery ?? refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_division_carries_its_goals_forward_with_targets_but_no_actuals_and_each_copy_points_to_last_years_goal(DatabaseProvider provider)
    {
        await using var app = await AdminApp.StartAsync(provider);
        await OpenNextYearAsync(app);
        var last = await GoalIdsAsync(app, 2022);
        var division = await app.SignedInAsync(DivisionEditor);

        var page = await Html.GetAsync(division, "/staff/years/2023/carry-forward");
        var enabled = page.QuerySelectorAll("input[name='Goals']:not([disabled])").Select(i => Guid.Parse(i.GetAttribute("value")!)).ToHashSet();
        Assert.Equal(new[] { last[1], last[2], last[3] }.ToHashSet(), enabled);

        using (var notTheirs = await CarryAsync(division, last[1], last[6]))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, notTheirs.StatusCode);
            Assert.Contains("この目標を引き継ぐ権限がありません", await notTheirs.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.Empty(await GoalIdsAsync(app, 2023));

        using (var carried = await CarryAsync(division, last[1], last[3]))
        {
            Assert.Equal(HttpStatusCode.Redirect, carried.StatusCode);
        }

        var units = await UnitsAsync(app, 2023);
        var departmentId = units.Single(u => u.Code == "shimin-seikatsu").Id;
        var (originals, copies, state) = await app.WithDbAsync(async db => (
            await db.Goals.AsNoTracking().Include(g => g.Indicators).ThenInclude(i => i.Actuals).Include(g => g.Results)
                .Where(g => g.Id == last[1] || g.Id == last[3]).OrderBy(g => g.Number).ToListAsync(Ct),
            await db.Goals.AsNoTracking().Include(g => g.Indicators).ThenInclude(i => i.Actuals).Include(g => g.Results)
                .Where(g => g.PreviousGoalId != null).OrderBy(g => g.Number).ToListAsync(Ct),
            await db.ReportStates.AsNoTracking().SingleAsync(s => s.DepartmentId == departmentId, Ct)));
        Assert.Equal([1, 2], copies.Select(g => g.Number));
        Assert.Equal(originals.Select(g => g.Id), copies.Select(g => g.PreviousGoalId!.Value));
        foreach (var (original, copy) in originals.Zip(copies))
        {
            Assert.Equal(original.Title, copy.Title);
            Assert.Equal(original.Body, copy.Body);
            Assert.Equal(original.PlannedActions, copy.PlannedActions);
            Assert.Equal(original.PlanReferences, copy.PlanReferences);
            Assert.Equal(units.Single(u => u.Code == "chiiki-shinko").Id, copy.LeadUnitId);
            Assert.Equal(units.Single(u => u.Code == "shimin-seikatsu").Id, copy.DepartmentId);
            Assert.Equal(original.Indicators.Select(i => (i.Name, i.Kind, i.TargetValue, i.Direction, i.Unit)),
                copy.Indicators.Select(i => (i.Name, i.Kind, i.TargetValue, i.Direction, i.Unit)));
            Assert.All(copy.Indicators, i => Assert.Empty(i.Actuals));
            Assert.Empty(copy.Results);
        }

        Assert.NotEmpty(originals[0].Indicators.Single().Actuals);
        Assert.Equal(("plan", ReportStatus.Draft), (state.PhaseKey, state.Status));

        using var again = await CarryAsync(division, last[1]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal(2, (await GoalIdsAsync(app, 2023)).Count);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Merging_a_unit_moves_its_goals_and_bindings_to_the_survivor_and_later_carried_goals_follow(DatabaseProvider provider)
    {
        await using var app = await AdminApp.StartAsync(provider);
        await OpenNextYearAsync(app);
        var last = await GoalIdsAsync(app, 2022);
        var department = await app.SignedInAsync(DepartmentEditor);
        using (var carried = await CarryAsync(department, last[1], last[6]))
        {
            Assert.Equal(HttpStatusCode.Redirect, carried.StatusCode);
        }

        var planning = await app.SignedInAsync(Planning);
        var merging = await Html.GetAsync(planning, "/staff/years/2023/units/chiiki-shinko");
        var version = merging.QuerySelector("form[action*='handler=Merge'] input[name='Version']")!.GetAttribute("value")!;

        using var merged = await AdminApp.PostFormAsync(planning, "/staff/years/2023/units/chiiki-shinko", "/staff/years/2023/units/chiiki-shinko?handler=Merge",
            [new("TargetCode", "jinken-suishin"), new("Version", version)]);

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var units = await UnitsAsync(app, 2023);
        Assert.DoesNotContain(units, u => u.Code == "chiiki-shinko");
        Assert.Contains(await UnitsAsync(app, 2022), u => u.Code == "chiiki-shinko");
        var survivor = units.Single(u => u.Code == "jinken-suishin");
        var goals = await app.WithDbAsync(db => db.Goals.AsNoTracking().Where(g => g.ReportingYearId == survivor.ReportingYearId).ToListAsync(Ct));
        Assert.Equal(survivor.Id, goals.Single(g => g.PreviousGoalId == last[1]).LeadUnitId);
        Assert.Equal(units.Single(u => u.Code == "shimin").Id, goals.Single(g => g.PreviousGoalId == last[6]).LeadUnitId);
        var binding = await app.WithDbAsync(db => db.UnitAssignments.SingleAsync(a => db.Users.Any(u => u.Id == a.UserId && u.Email == DivisionEditor), Ct));
        Assert.Equal("jinken-suishin", binding.UnitCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == UnitTreeEditor.MergedAction, Ct)));

        using (var later = await CarryAsync(department, last[2]))
        {
            Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        }

        var carriedLater = await app.WithDbAsync(db => db.Goals.AsNoTracking().SingleAsync(g => g.PreviousGoalId == last[2], Ct));
        Assert.Equal(survivor.Id, carriedLater.LeadUnitId);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Unit_edits_are_checked_beside_their_fields_and_refused_on_a_stale_version(DatabaseProvider provider)
    {
        await using var app = await AdminApp.StartAsync(provider);
        await OpenNextYearAsync(app);
        var planning = await app.SignedInAsync(Planning);
        const string Units = "/staff/years/2023/units";

        using (var wrong = await AdminApp.PostFormAsync(planning, Units, Units + "?handler=Add",
                   [new("Add.Code", "shimin"), new("Add.Name", ""), new("Add.Kind", "係"), new("Add.ParentCode", "shimin-seikatsu")]))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
            var page = await Html.ParseAsync(await wrong.Content.ReadAsStringAsync(Ct));
            string ErrorOf(string id) => page.QuerySelector("#" + id)!.ParentElement!.QuerySelector(".field-error")!.TextContent;
            Assert.Contains("この組織コードはこの年度で既に使われています", ErrorOf("Add-code"), StringComparison.Ordinal);
            Assert.Contains("組織名を入力してください", ErrorOf("Add-name"), StringComparison.Ordinal);
            Assert.Contains("種別は様式で定められた種別", ErrorOf("Add-kind"), StringComparison.Ordinal);
        }

        using (var added = await AdminApp.PostFormAsync(planning, Units, Units + "?handler=Add",
                   [new("Add.Code", "madoguchi"), new("Add.Name", "窓口担当"), new("Add.Kind", "担当"), new("Add.ParentCode", "shimin"),
                    new("Add.Responsibilities", "証明書の交付\r\n\r\n 届出の受付 ")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var units = await UnitsAsync(app, 2023);
        var madoguchi = units.Single(u => u.Code == "madoguchi");
        Assert.Equal((units.Single(u => u.Code == "shimin").Id, (Guid?)null), (madoguchi.ParentId!.Value, madoguchi.PreviousUnitId));
        Assert.Equal(["証明書の交付", "届出の受付"], madoguchi.Responsibilities);

        const string Bohan = Units + "/kotsu-bohan";
        List<KeyValuePair<string, string>> Edit(long version) =>
            [new("Edit.Name", "交通防犯課"), new("Edit.Kind", "課"), new("Edit.Responsibilities", "交通安全\n防犯対策"), new("Edit.Version", version.ToString(CultureInfo.InvariantCulture))];
        using (var saved = await AdminApp.PostFormAsync(planning, Bohan, Bohan + "?handler=Edit", Edit(0)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using (var stale = await AdminApp.PostFormAsync(planning, Bohan, Bohan + "?handler=Edit", Edit(0)))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Contains("ほかの人が先に変更したため", await stale.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using (var split = await AdminApp.PostFormAsync(planning, Bohan, Bohan + "?handler=Split",
                   [new("Split.Code", "bohan"), new("Split.Name", "防犯課"), new("Moved", "1"), new("Version", "1")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, split.StatusCode);
            Assert.Equal(Units + "/bohan?done=split", split.Headers.Location?.OriginalString);
        }

        units = await UnitsAsync(app, 2023);
        var kotsu = units.Single(u => u.Code == "kotsu-bohan");
        var bohan = units.Single(u => u.Code == "bohan");
        Assert.Equal(["交通安全"], kotsu.Responsibilities);
        Assert.Equal(["防犯対策"], bohan.Responsibilities);
        Assert.Equal((kotsu.ParentId, kotsu.PreviousUnitId), (bohan.ParentId, bohan.PreviousUnitId));

        using (var notEmpty = await AdminApp.PostFormAsync(planning, Units + "/shimin", Units + "/shimin?handler=Delete", [new("Version", "0")]))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, notEmpty.StatusCode);
            Assert.Contains("下位組織があるため削除できません", await notEmpty.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using (var moved = await AdminApp.PostFormAsync(planning, Units + "/madoguchi", Units + "/madoguchi?handler=Move",
                   [new("ParentCode", "madoguchi"), new("Version", "0")]))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, moved.StatusCode);
        }

        using (var deleted = await AdminApp.PostFormAsync(planning, Units + "/madoguchi", Units + "/madoguchi?handler=Delete", [new("Version", "0")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.DoesNotContain(await UnitsAsync(app, 2023), u => u.Code == "madoguchi");
    }
}
