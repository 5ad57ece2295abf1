using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using Mokuhyo.Tests.Common;
using Mokuhyo.Web.Tests.Authoring;

namespace Mokuhyo.Web.Tests.Cycle;

/// <summary>
/// The public report's phase, as-of date and last update, and a result still missing once its phase's
/// publication date has passed: 未報告 from that day in Tokyo, the usual wording before it.
/// </summary>
public sealed class PublicTimelinessTests
{
    private const string ReportPath = "/iruma/2022/shimin-seikatsu";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_missing_year_end_result_reads_unreported_from_the_publication_date_and_the_header_shows_phase_as_of_and_last_update()
    {
        await using var app = CycleApp.Start(2023, 5, 1);
        using var planning = await app.SignInAsync(AuthoringApp.Planning);
        var form = FormData.Of(await planning.GetPageAsync("/staff/cycle/2022/calendar"), "#phase-year-end form");
        form.Set("Input.OpensOn", "2023-03-01").Set("Input.SubmitBy", "2023-04-20").Set("Input.ApproveBy", "2023-04-30").Set("Input.PublishOn", "2023-05-31");
        var (status, _, _) = await planning.SubmitAsync("/staff/cycle/2022/calendar?handler=Save", form);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, status);

        // Goal 9's year-end result and figures are withdrawn, and the report is published again (第2版) on 令和5年5月1日.
        await app.ReadAsync(async db =>
        {
            var goal = await db.Goals.SingleAsync(g => g.Number == 9 && db.OrgUnits.Any(u => u.Id == g.DepartmentId && u.Code == "shimin-seikatsu"), Ct);
            db.GoalResults.RemoveRange(db.GoalResults.Where(r => r.GoalId == goal.Id && r.PhaseKey == "year-end"));
            db.IndicatorActuals.RemoveRange(db.IndicatorActuals.Where(a => a.PhaseKey == "year-end" && db.Indicators.Any(i => i.Id == a.IndicatorId && i.GoalId == goal.Id)));
            await db.SaveChangesAsync(Ct);
            return goal.DepartmentId;
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var departmentId = await scope.ServiceProvider.GetRequiredService<MokuhyoDbContext>().OrgUnits
                .Where(u => u.Code == "shimin-seikatsu").Select(u => u.Id).SingleAsync(Ct);
            await scope.ServiceProvider.GetRequiredService<ReportPublisher>().PublishAsync(departmentId, "year-end", Ct);
        }

        using var visitor = app.Anonymous();
        var before = await visitor.GetPageAsync(ReportPath);
        var meta = before.QuerySelector(".report__meta")!.TextContent;
        Assert.Contains("公表段階: 期末報告 令和5年3月末日現在", meta, StringComparison.Ordinal);
        Assert.Contains("第2版", meta, StringComparison.Ordinal);
        Assert.Equal("最終更新: 令和5年5月1日", before.QuerySelector(".report__updated")!.TextContent.Trim());
        Assert.Equal("この段階の達成度合はまだ報告されていません。", before.QuerySelector("#goal-9 .goal__missing")!.TextContent.Trim());
        Assert.Empty(before.QuerySelectorAll(".goal__unreported"));
        Assert.DoesNotContain("未報告", before.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The day before the publication date still reads as before; from 0:00 on the day in Tokyo it is 未報告
        // (the cached page of the day before is not served).
        app.Clock.Set(new DateTimeOffset(2023, 5, 30, 23, 59, 0, TimeSpan.FromHours(9)));
        Assert.Empty((await visitor.GetPageAsync(ReportPath)).QuerySelectorAll(".goal__unreported"));
        app.Clock.Set(new DateTimeOffset(2023, 5, 31, 0, 0, 0, TimeSpan.FromHours(9)));
        var after = await visitor.GetPageAsync(ReportPath);
        var unreported = after.QuerySelectorAll(".goal__unreported");
        Assert.Equal("未報告", Assert.Single(unreported).TextContent.Trim());
        Assert.NotNull(after.QuerySelector("#goal-9 .goal__unreported"));
        Assert.All(after.QuerySelectorAll("#goal-9 .indicator__unreported"), cell => Assert.Equal("未報告", cell.TextContent.Trim()));
        // The other goals keep their results, and every seed fact of them is still shown.
        foreach (var goal in SeedFacts.Goals.Where(g => g.Number != 9))
        {
            var text = after.QuerySelector($"#goal-{goal.Number}")!.TextContent;
            Assert.Empty(SeedFacts.Missing(text, [goal.Title, .. goal.Facts]).Select(f => $"goal {goal.Number}: {f}"));
            Assert.DoesNotContain("未報告", text, StringComparison.Ordinal);
        }
    }
}
