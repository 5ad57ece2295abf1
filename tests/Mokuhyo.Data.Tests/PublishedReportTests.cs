using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data.Tests.TestSupport;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Data.Tests;

public class PublishedReportTests
{
    private static readonly FiscalYear Year2022 = new(2022);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_published_demo_report_is_found_with_its_summary_and_ratings(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        await using var db = database.NewContext();

        var report = await new DataServices(db).Catalog.FindReportAsync("iruma", Year2022, "shimin-seikatsu",
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotNull(report);
        Assert.Equal("112259", report.Municipality.Code);
        Assert.Equal("入間市", report.Municipality.Name);
        Assert.Equal(2022, report.FiscalYear);
        Assert.Equal("令和4年度", report.FiscalYearLabel);
        Assert.Equal(new ReportPhase("year-end", "期末報告", "year-end"), report.Phase);
        Assert.Equal(1, report.Revision);
        Assert.Equal(FixedClock.AfterFiscalYear2022.Now, report.PublishedAt);
        Assert.Equal("市民生活部の目標", report.Title);

        Assert.Equal(9, report.Summary.Goals);
        Assert.Equal(2, report.Summary.Met);
        Assert.Equal(2, report.Summary.NotMet);
        Assert.Equal(5, report.Summary.NotRated);
        var goals = report.Goals.ToDictionary(g => g.Number);
        Assert.Equal(Enumerable.Range(1, 9), report.Goals.Select(g => g.Number));
        Assert.Equal([5, 8], report.Goals.Where(g => g.Rating.Outcome == "met").Select(g => g.Number));
        Assert.Equal([4, 6], report.Goals.Where(g => g.Rating.Outcome == "not-met").Select(g => g.Number));
        Assert.Equal([1, 2, 3, 7, 9], report.Goals.Where(g => g.Rating.Outcome == "not-rated").Select(g => g.Number));

        // 61.7% against 70%以上: 88.1% (truncated), 未達成.
        Assert.Equal("not-met", goals[4].Rating.Outcome);
        Assert.Equal("未達成", goals[4].Rating.Label);
        Assert.Equal(88.1m, goals[4].Rating.RatioPercent);
        Assert.Equal("61.7%", Assert.Single(goals[4].Indicators).Actual!.Text);
        Assert.Equal("70%以上", goals[4].Indicators[0].Target!.Text);

        Assert.Equal(2, goals[6].Indicators.Count);
        Assert.Equal(["65.85%", "82.12%"], goals[6].Indicators.Select(i => i.Actual!.Text));
        Assert.All(goals[6].Indicators, i =>
        {
            Assert.Equal(new DateOnly(2023, 3, 31), i.Actual!.AsOf!.Date);
            Assert.Equal("令和5年3月末日現在", i.Actual.AsOf.Label);
        });

        var milestone = Assert.Single(goals[8].Indicators);
        Assert.Equal("milestone", milestone.Kind);
        Assert.Equal(new ReportDate(new DateOnly(2022, 10, 1), "令和4年10月1日"), milestone.Done);
        Assert.Equal("met", milestone.Rating.Outcome);

        var households = Assert.Single(goals[1].Indicators);
        Assert.Equal("40,070世帯", households.Actual!.Text);
        Assert.Equal("令和4年10月1日現在", households.Actual.AsOf!.Label);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Decimals_come_back_exactly_as_written(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        await using var db = database.NewContext();
        var ct = TestContext.Current.CancellationToken;

        // Stored: the columns are numeric(18,4) (PostgreSQL) or text (SQLite); either way the value is the same.
        var actuals = await db.IndicatorActuals.Where(a => a.Value != null).Select(a => a.Value!.Value).ToListAsync(ct);
        Assert.Equal(
            new[] { 40070m, 61.7m, 12m, 65.85m, 82.12m, 223m, 11342m, 169602m, 343m, 797m }.Order(),
            actuals.Order());
        var targets = await db.Indicators.Where(i => i.TargetValue != null).Select(i => i.TargetValue!.Value).ToListAsync(ct);
        Assert.Equal(new[] { 12m, 70m, 80m }, targets.Order());

        // Published: written out without the column's padding (80, not 80.0000).
        var report = await new DataServices(db).Catalog.FindReportAsync("iruma", Year2022, "shimin-seikatsu", cancellationToken: ct);
        var card = report!.Goals.Single(g => g.Number == 6).Indicators[0];
        Assert.Equal(80m, card.Target!.Value);
        Assert.Equal("80%以上(対人口比)", card.Target.Text);
        Assert.Equal("対人口比", card.Target.Note);
        Assert.Equal(65.85m, card.Actual!.Value);
        Assert.Equal("65.85%", card.Actual.Text);
        Assert.Equal("12種類", report.Goals.Single(g => g.Number == 5).Indicators[0].Actual!.Text);
        Assert.Equal("12種類以上", report.Goals.Single(g => g.Number == 5).Indicators[0].Target!.Text);
        Assert.Equal(["223回", "11,342人"], report.Goals.Single(g => g.Number == 7).Indicators.Select(i => i.Actual!.Text));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_published_report_keeps_the_order_of_plan_items_units_and_result_blocks(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        await using var db = database.NewContext();

        var report = await new DataServices(db).Catalog.FindReportAsync("iruma", Year2022, "shimin-seikatsu",
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotNull(report);
        Assert.Equal(["basic-direction", "priority-policy"], report.PlanSections.Select(s => s.Key));
        Assert.Equal([1, 2], report.PlanSections[0].Items.Select(i => i.Number));
        Assert.StartsWith("互いの人権を尊重し合いながら", report.PlanSections[0].Items[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("交通安全の推進や", report.PlanSections[0].Items[1].Text, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3, 4, 5], report.PlanSections[1].Items.Select(i => i.Number));
        Assert.StartsWith("窓口業務や電話対応で", report.PlanSections[1].Items[4].Text, StringComparison.Ordinal);

        Assert.Equal(["chiiki-shinko", "jinken-suishin", "shimin", "kotsu-bohan"], report.Department.Children.Select(c => c.Code));
        Assert.Equal(["danjo-kyodo-sankaku-center", "shohi-seikatsu-center"], report.Department.Children[1].Children.Select(c => c.Code));
        Assert.Equal(7, report.Department.Responsibilities.Count);
        Assert.Equal("自治の振興", report.Department.Responsibilities[0]);
        Assert.Equal("交通安全・防犯対策", report.Department.Responsibilities[6]);

        Assert.Equal(["chiiki-shinko", "jinken-suishin", "shimin", "kotsu-bohan"], report.GoalGroups.Select(g => g.LeadUnit.Code));
        var goal4 = report.Goals.Single(g => g.Number == 4);
        Assert.Equal(["paragraph", "bullet-list"], goal4.Result!.Blocks.Select(b => b.Kind));
        Assert.Equal("実施した講座", goal4.Result.Blocks[1].Heading);
        Assert.Equal(5, goal4.Result.Blocks[1].Items.Count);
        Assert.Equal("女性応援講座(アサーショントレーニング)", goal4.Result.Blocks[1].Items[4]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_published_report_does_not_change_when_the_live_goal_does_until_it_is_published_again(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        const string OldTitle = "男女共同参画社会の実現";
        const string NewTitle = "男女共同参画社会の実現と女性活躍の推進";
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);

        Guid departmentId;
        await using (var db = database.NewContext())
        {
            var goal = await db.Goals.SingleAsync(g => g.Number == 4, ct);
            Assert.Equal(OldTitle, goal.Title);
            goal.Title = NewTitle;
            await db.SaveChangesAsync(ct);
            departmentId = goal.DepartmentId;
        }

        await using (var db = database.NewContext())
        {
            var report = await new DataServices(db).Catalog.FindReportAsync("iruma", Year2022, "shimin-seikatsu", cancellationToken: ct);
            Assert.Equal(1, report!.Revision);
            Assert.Equal(OldTitle, report.Goals.Single(g => g.Number == 4).Title);
        }

        await using (var db = database.NewContext())
        {
            var published = await new DataServices(db).Publisher.PublishAsync(departmentId, "year-end", ct);
            Assert.Equal(2, published.Revision);
        }

        await using (var db = database.NewContext())
        {
            var catalog = new DataServices(db).Catalog;
            var report = await catalog.FindReportAsync("iruma", Year2022, "shimin-seikatsu", cancellationToken: ct);
            Assert.Equal(2, report!.Revision);
            Assert.Equal(NewTitle, report.Goals.Single(g => g.Number == 4).Title);
            var yearEnd = await catalog.FindReportAsync("iruma", Year2022, "shimin-seikatsu", "year-end", ct);
            Assert.Equal(2, yearEnd!.Revision);
            var year = await catalog.FindYearAsync("iruma", Year2022, ct);
            Assert.Equal(2, Assert.Single(year!.Departments).Revision);

            var stored = await db.PublishedReports.OrderBy(p => p.Revision).ToListAsync(ct);
            Assert.Equal([1, 2], stored.Select(p => p.Revision));
            var first = ReportJson.Deserialize(stored[0].Json);
            Assert.Equal(1, first.Revision);
            Assert.Equal(OldTitle, first.Goals.Single(g => g.Number == 4).Title);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_latest_phase_is_shown_unless_a_phase_is_asked_for(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        await using (var db = database.NewContext())
        {
            // Published after the year-end report, but earlier in the year's cycle.
            var department = await db.OrgUnits.SingleAsync(u => u.Code == "shimin-seikatsu", ct);
            var plan = await new DataServices(db).Publisher.PublishAsync(department.Id, "plan", ct);
            Assert.Equal(1, plan.Revision);
            Assert.Equal(0, plan.PhaseOrder);
        }

        await using var read = database.NewContext();
        var catalog = new DataServices(read).Catalog;
        Assert.Equal("year-end", (await catalog.FindReportAsync("iruma", Year2022, "shimin-seikatsu", cancellationToken: ct))!.Phase.Key);
        var planReport = await catalog.FindReportAsync("iruma", Year2022, "shimin-seikatsu", "plan", ct);
        Assert.Equal("plan", planReport!.Phase.Key);
        Assert.Null(planReport.Goals.First().Result);
        Assert.Null(await catalog.FindReportAsync("iruma", Year2022, "shimin-seikatsu", "interim", ct));
        Assert.Equal("year-end", Assert.Single((await catalog.FindYearAsync("iruma", Year2022, ct))!.Departments).Phase.Key);
    }
}
