using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using Mokuhyo.Web.Tests.Admin;

namespace Mokuhyo.Web.Tests.PublicSite;

/// <summary>
/// A goal's history across years. The demo data has one real year, so a second one is made here the way
/// staff make it: the next year opened, goal 4 carried forward, its target raised, the plan published.
/// </summary>
public sealed class GoalHistoryPageTests
{
    private const string Planning = "kikaku@iruma.example.jp";
    private const string DepartmentEditor = "shimin-seikatsu@iruma.example.jp";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_goal_of_the_only_published_year_says_plainly_that_it_has_no_other_year()
    {
        await using var app = await AdminApp.StartAsync(DatabaseProvider.Sqlite);
        var page = await Html.GetAsync(app.NewClient(), "/iruma/2022/shimin-seikatsu/goals/4/history");

        Assert.Equal("市民生活部 目標4の経年推移", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("引き継ぎ元・引き継ぎ先がありません", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("section.history-indicator tbody tr");
        Assert.Equal("令和4年度(2022年度)", rows.Single().QuerySelector("th")!.TextContent);
        Assert.Equal(["70%以上", "61.7%", "88.1%"], rows.Single().QuerySelectorAll("td").Skip(1).Take(3).Select(c => c.TextContent));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_goal_carried_into_a_published_next_year_shows_both_years_from_either_year(DatabaseProvider provider)
    {
        await using var app = await AdminApp.StartAsync(provider);
        var planning = await app.SignedInAsync(Planning);
        using (var opened = await AdminApp.PostFormAsync(planning, "/staff/years", "/staff/years?handler=Open", [new("year", "2023")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        }

        var goal4 = await app.WithDbAsync(db => db.Goals.Where(g => g.Number == 4 && db.ReportingYears.Any(y => y.Id == g.ReportingYearId && y.Year == 2022))
            .Select(g => g.Id).SingleAsync(Ct));
        var editor = await app.SignedInAsync(DepartmentEditor);
        using (var carried = await AdminApp.PostFormAsync(editor, "/staff/years/2023/carry-forward", null,
                   [new("Goals", goal4.ToString("D", CultureInfo.InvariantCulture))]))
        {
            Assert.Equal(HttpStatusCode.Redirect, carried.StatusCode);
        }

        // Before the next year is published, the public sees one year only.
        var before = await Html.GetAsync(app.NewClient(), "/iruma/2022/shimin-seikatsu/goals/4/history");
        Assert.NotNull(before.QuerySelector(".notice"));

        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<MokuhyoDbContext>();
            var copy = await db.Goals.Include(g => g.Indicators).SingleAsync(g => g.PreviousGoalId == goal4, Ct);
            copy.Indicators.Single().TargetValue = 75m;
            await db.SaveChangesAsync(Ct);
            return await services.GetRequiredService<ReportPublisher>().PublishAsync(copy.DepartmentId, "plan", Ct);
        });
        var number2023 = await app.WithDbAsync(db => db.Goals.Where(g => g.PreviousGoalId == goal4).Select(g => g.Number).SingleAsync(Ct));

        foreach (var path in new[] { "/iruma/2022/shimin-seikatsu/goals/4/history", $"/iruma/2023/shimin-seikatsu/goals/{number2023}/history" })
        {
            var page = await Html.GetAsync(app.NewClient(), path);
            Assert.Null(page.QuerySelector(".notice"));
            Assert.Equal(["令和4年度(2022年度)", "令和5年度(2023年度)"],
                page.QuerySelectorAll("section[aria-labelledby=years-heading] tbody th").Select(th => th.QuerySelector(".muted") is { } current ? th.TextContent.Replace(current.TextContent, "", StringComparison.Ordinal).Trim() : th.TextContent.Trim()));
            var rows = page.QuerySelectorAll("section.history-indicator tbody tr");
            Assert.Equal(2, rows.Length);
            Assert.Equal(["70%以上", "61.7%"], rows[0].QuerySelectorAll("td").Skip(1).Take(2).Select(c => c.TextContent));
            Assert.Equal(["75%以上", "なし"], rows[1].QuerySelectorAll("td").Skip(1).Take(2).Select(c => c.TextContent));
            var chart = page.QuerySelector("section.history-indicator svg[role=img]")!;
            Assert.Contains("令和5年度", chart.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        }
    }
}
