using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data.Formats;
using Mokuhyo.Data.Tests.TestSupport;
using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Municipalities;

namespace Mokuhyo.Data.Tests.Formats;

public sealed class ExampleFormatsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_example_municipalities_load_beside_the_seed_published_and_marked_as_samples(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateWithDemoDataAsync(provider);
        await using (var db = database.NewContext())
        {
            Assert.Equal(3, await new DataServices(db).Loader.LoadExampleDataAsync(ct));
            Assert.Equal(0, await new DataServices(db).Loader.LoadExampleDataAsync(ct));
        }

        await using var read = database.NewContext();
        var municipalities = await read.Municipalities.OrderBy(m => m.Code).ToListAsync(ct);
        Assert.Equal(["052035", "112259", "132098", "132110"], municipalities.Select(m => m.Code));
        Assert.All(municipalities, m => Assert.True(LocalGovernmentCode.TryParse(m.Code, out _)));
        Assert.Equal(["yokote", "machida", "kodaira"], municipalities.Where(m => m.IsExample).Select(m => m.Slug));
        Assert.False(municipalities.Single(m => m.Slug == "iruma").IsExample);

        var catalog = new DataServices(read).Catalog;
        var kodaira = await catalog.FindReportAsync("kodaira", new Domain.Calendar.FiscalYear(2024), "kankyo", cancellationToken: ct);
        Assert.NotNull(kodaira);
        Assert.True(kodaira.Municipality.IsExample);
        Assert.Equal("year-end", kodaira.Phase.Key);
        var vision = Assert.Single(kodaira.PlanSections, s => s.Key == "vision");
        Assert.Equal("令和6年度～令和8年度", Assert.Single(vision.Items).Span);
        Assert.Equal(["means", "deadline", "issues", "next-steps"], kodaira.Goals.First().Fields.Select(f => f.Key));
        Assert.Equal("令和7年3月31日", kodaira.Goals.First().Fields.Single(f => f.Key == "deadline").Lines.Single());

        var machida = await catalog.FindReportAsync("machida", new Domain.Calendar.FiscalYear(2024), "toshi-seibi", cancellationToken: ct);
        var resources = Assert.Single(machida!.PlanSections, s => s.Kind == "figures");
        Assert.Equal([("職員数", "86人"), ("予算額", "4,520,000千円")], resources.Items.Select(i => (i.Label!, i.Text)));
        Assert.Equal(4, await read.PublishedReports.CountAsync(p => p.DepartmentCode == "toshi-seibi", ct));

        var yokote = await catalog.FindReportAsync("yokote", new Domain.Calendar.FiscalYear(2024), "kaikei-kanrisha", cancellationToken: ct);
        var confirmed = yokote!.Goals.First();
        Assert.Equal(("A", true, "B"), (confirmed.Rating.Label, confirmed.RatingConfirmed!.Value, confirmed.ComputedRating!.Label));
        var own = yokote.Goals.Last();
        Assert.Equal(("B", false, "C"), (own.Rating.Label, own.RatingConfirmed!.Value, own.ComputedRating!.Label));
    }

    [Fact]
    public async Task Changing_the_format_leaves_the_published_year_as_it_was()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateWithDemoDataAsync(DatabaseProvider.Sqlite);
        await using var db = database.NewContext();
        var services = new DataServices(db);
        var formats = new FormatAdministration(db, services.Clock);
        var iruma = await db.Municipalities.SingleAsync(m => m.Slug == "iruma", ct);
        var before = await db.PublishedReports.AsNoTracking().Select(p => p.Json).ToListAsync(ct);
        var page = (await services.Catalog.FindReportAsync("iruma", new Domain.Calendar.FiscalYear(2022), "shimin-seikatsu", cancellationToken: ct))!;

        var changed = JsonNode.Parse(EmbeddedFiles.ReadTemplateJson("default"))!;
        changed["labels"]!["goalsHeading"] = "組織目標";
        changed["ratingScale"] = JsonNode.Parse(EmbeddedFiles.ReadTemplateJson("example-five-step-two-checks"))!["ratingScale"]!.DeepClone();
        var saved = await formats.SaveAsync(iruma.Id, changed.ToJsonString(), basedOn: 1, ct);

        Assert.Equal((FormatSaveOutcome.Saved, 2), (saved.Outcome, saved.Number));
        Assert.Equal(FormatAssignOutcome.Published, (await formats.AssignAsync(iruma.Id, 2022, 2, ct)).Outcome);
        Assert.Equal(before, await db.PublishedReports.AsNoTracking().Select(p => p.Json).ToListAsync(ct));
        var after = (await services.Catalog.FindReportAsync("iruma", new Domain.Calendar.FiscalYear(2022), "shimin-seikatsu", cancellationToken: ct))!;
        Assert.Equal(Domain.Reports.ReportJson.Serialize(page), Domain.Reports.ReportJson.Serialize(after));
        Assert.Equal("課の目標(達成すべき目標)", after.Labels.GoalsHeading);

        // The drafts of the year are still built with the version the year is bound to.
        var department = await db.OrgUnits.SingleAsync(u => u.Code == "shimin-seikatsu", ct);
        var draft = await DraftReports.BuildAsync(db, department.Id, "year-end", services.Clock, ct);
        Assert.Equal("課の目標(達成すべき目標)", draft.Labels.GoalsHeading);
        Assert.Equal("達成・未達成", draft.Labels.RatingScaleName);
    }

    [Fact]
    public async Task A_year_that_has_published_nothing_can_take_another_version_that_fits_its_content()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateWithDemoDataAsync(DatabaseProvider.Sqlite);
        await using var db = database.NewContext();
        var formats = new FormatAdministration(db, new DataServices(db).Clock);
        var iruma = await db.Municipalities.SingleAsync(m => m.Slug == "iruma", ct);
        var v1 = await db.FormatVersions.SingleAsync(f => f.MunicipalityId == iruma.Id, ct);
        var year2023 = new ReportingYear { MunicipalityId = iruma.Id, Year = 2023, FormatVersionId = v1.Id };
        db.ReportingYears.Add(year2023);
        var unit = new Domain.Organization.OrgUnit { ReportingYearId = year2023.Id, Code = "shimin-seikatsu", Name = "市民生活部", Kind = "部", IsReportingUnit = true };
        db.OrgUnits.Add(unit);
        db.PlanItems.Add(new Domain.Organization.PlanItem { OrgUnitId = unit.Id, SectionKey = "priority-policy", Ordinal = 1, Text = "重点" });
        await db.SaveChangesAsync(ct);

        var fits = JsonNode.Parse(EmbeddedFiles.ReadTemplateJson("default"))!;
        fits["name"] = "令和5年度からの様式";
        Assert.Equal(FormatSaveOutcome.Saved, (await formats.SaveAsync(iruma.Id, fits.ToJsonString(), 1, ct)).Outcome);
        Assert.Equal(FormatAssignOutcome.Assigned, (await formats.AssignAsync(iruma.Id, 2023, 2, ct)).Outcome);
        Assert.Equal(2, (await db.ReportingYears.Include(y => y.FormatVersion).SingleAsync(y => y.Year == 2023, ct)).FormatVersion!.Number);

        // 2023 holds a 重点方針 item: a format without that section has no place for it.
        var without = JsonNode.Parse(fits.ToJsonString())!;
        without["planSections"]!.AsArray().RemoveAt(1);
        Assert.Equal(FormatSaveOutcome.Saved, (await formats.SaveAsync(iruma.Id, without.ToJsonString(), 2, ct)).Outcome);
        var refused = await formats.AssignAsync(iruma.Id, 2023, 3, ct);
        Assert.Equal((FormatAssignOutcome.Incompatible, "planSections: priority-policy"), (refused.Outcome, Assert.Single(refused.Missing)));
        Assert.Equal(FormatAssignOutcome.NoSuchVersion, (await formats.AssignAsync(iruma.Id, 2023, 9, ct)).Outcome);
        Assert.Equal(FormatAssignOutcome.NoSuchYear, (await formats.AssignAsync(iruma.Id, 2031, 1, ct)).Outcome);
    }

    [Fact]
    public async Task Two_saves_from_the_same_version_make_one_version_and_one_conflict()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateWithDemoDataAsync(DatabaseProvider.Sqlite);
        await using var db = database.NewContext();
        var formats = new FormatAdministration(db, new DataServices(db).Clock);
        var iruma = await db.Municipalities.SingleAsync(m => m.Slug == "iruma", ct);
        string Named(string name)
        {
            var json = JsonNode.Parse(EmbeddedFiles.ReadTemplateJson("default"))!;
            json["name"] = name;
            return json.ToJsonString();
        }

        var first = await formats.SaveAsync(iruma.Id, Named("一人目"), 1, ct);
        var second = await formats.SaveAsync(iruma.Id, Named("二人目"), 1, ct);
        var same = await formats.SaveAsync(iruma.Id, Named("一人目"), 2, ct);
        var invalid = await formats.SaveAsync(iruma.Id, "{}", 2, ct);

        Assert.Equal((FormatSaveOutcome.Saved, 2), (first.Outcome, first.Number));
        Assert.Equal((FormatSaveOutcome.Conflict, 2), (second.Outcome, second.Number));
        Assert.Equal(FormatSaveOutcome.Unchanged, same.Outcome);
        Assert.Equal(FormatSaveOutcome.Invalid, invalid.Outcome);
        Assert.NotEmpty(invalid.Problems);
        Assert.Equal(2, await db.FormatVersions.CountAsync(f => f.MunicipalityId == iruma.Id, ct));
    }

    [Fact]
    public async Task Required_fields_left_empty_are_named_goal_by_goal()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.NewContext();
        await new DataServices(db).Loader.LoadExampleDataAsync(ct);
        var format = EmbeddedFiles.ReadTemplate("example-self-rating-no-interim");
        var goals = await db.Goals.Include(g => g.FieldValues)
            .Where(g => db.OrgUnits.Any(u => u.Id == g.DepartmentId && u.Code == "kaikei-kanrisha")).OrderBy(g => g.Number).ToListAsync(ct);

        Assert.Empty(RequiredFields.Missing(format, format.FindPhase("year-end")!, goals));

        goals[1].FieldValues.RemoveAll(v => v.FieldKey == "self-comment");
        goals[0].FieldValues.Single(v => v.FieldKey == "self-rating").Value = "z";
        var missing = RequiredFields.Missing(format, format.FindPhase("year-end")!, goals.OrderBy(g => g.Number));

        Assert.Equal([(1, "自己評価"), (2, "自己評価コメント")], missing.Select(m => (m.GoalNumber, m.Label)));
    }
}
