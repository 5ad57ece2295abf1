using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Mokuhyo.Data.Tests.TestSupport;
using Mokuhyo.Domain.Cycle;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Data.Tests;

/// <summary>The stamp that keys cached public pages: read past EF, so it is held to the model here.</summary>
public sealed class PublicationStampTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_statement_names_the_models_tables_and_columns(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var published = db.Model.FindEntityType(typeof(PublishedReport))!;
        var deadlines = db.Model.FindEntityType(typeof(PhaseDeadline))!;
        var version = deadlines.FindProperty(nameof(PhaseDeadline.Version))!
            .GetColumnName(StoreObjectIdentifier.Table(deadlines.GetTableName()!, deadlines.GetSchema()));

        Assert.Null(published.GetSchema());
        Assert.Null(deadlines.GetSchema());
        var fromModel = $"SELECT (SELECT COUNT(*) FROM \"{published.GetTableName()}\"), (SELECT COALESCE(SUM(\"{version}\"), 0) FROM \"{deadlines.GetTableName()}\")";
        Assert.Equal(PublicationStamp.Sql, fromModel);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_publication_and_a_schedule_change_each_change_the_stamp_and_a_draft_edit_does_not(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        var stamp = new PublicationStamp(provider, database.ConnectionString);
        var start = await stamp.ReadAsync(ct);
        Assert.Equal(start, await stamp.ReadAsync(ct));

        Guid departmentId;
        await using (var db = database.NewContext())
        {
            var goal = await db.Goals.SingleAsync(g => g.Number == 1, ct);
            departmentId = goal.DepartmentId;
            goal.Title = "下書きの題";
            await db.SaveChangesAsync(ct);
        }

        Assert.Equal(start, await stamp.ReadAsync(ct));

        await using (var db = database.NewContext())
        {
            await new DataServices(db).Publisher.PublishAsync(departmentId, "year-end", ct);
        }

        var published = await stamp.ReadAsync(ct);
        Assert.NotEqual(start, published);

        await using (var db = database.NewContext())
        {
            var year = await db.ReportingYears.FirstAsync(ct);
            db.PhaseDeadlines.Add(new PhaseDeadline
            {
                ReportingYearId = year.Id,
                PhaseKey = "year-end",
                OpensOn = new DateOnly(2023, 3, 1),
                SubmitBy = new DateOnly(2023, 4, 20),
                ApproveBy = new DateOnly(2023, 4, 30),
                PublishOn = new DateOnly(2023, 5, 31),
            });
            await db.SaveChangesAsync(ct);
        }

        var scheduled = await stamp.ReadAsync(ct);
        await using (var db = database.NewContext())
        {
            var deadline = await db.PhaseDeadlines.SingleAsync(ct);
            deadline.PublishOn = new DateOnly(2023, 6, 30);
            await db.SaveChangesAsync(ct);
        }

        Assert.NotEqual(scheduled, await stamp.ReadAsync(ct));
    }
}
