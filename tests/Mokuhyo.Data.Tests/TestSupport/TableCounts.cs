using Microsoft.EntityFrameworkCore;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Data.Tests.TestSupport;

/// <summary>The number of rows in every table of the model.</summary>
public sealed record TableCounts(
    int Municipalities,
    int FormatVersions,
    int ReportingYears,
    int OrgUnits,
    int PlanItems,
    int Goals,
    int GoalCoUnits,
    int Indicators,
    int IndicatorActuals,
    int GoalResults,
    int ResultBlocks,
    int PublishedReports)
{
    public static async Task<TableCounts> ReadAsync(MokuhyoDbContext db)
    {
        var ct = TestContext.Current.CancellationToken;
        return new TableCounts(
            await db.Set<Municipality>().CountAsync(ct),
            await db.Set<FormatVersion>().CountAsync(ct),
            await db.Set<ReportingYear>().CountAsync(ct),
            await db.Set<OrgUnit>().CountAsync(ct),
            await db.Set<PlanItem>().CountAsync(ct),
            await db.Set<Goal>().CountAsync(ct),
            await db.Set<GoalCoUnit>().CountAsync(ct),
            await db.Set<Indicator>().CountAsync(ct),
            await db.Set<IndicatorActual>().CountAsync(ct),
            await db.Set<GoalResult>().CountAsync(ct),
            await db.Set<ResultBlock>().CountAsync(ct),
            await db.Set<PublishedReport>().CountAsync(ct));
    }

    /// <summary>True when every table is empty.</summary>
    public bool AllEmpty => this == new TableCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
