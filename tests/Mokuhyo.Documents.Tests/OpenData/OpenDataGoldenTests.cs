using Mokuhyo.Documents.OpenData;
using Mokuhyo.Tests.Common;
using static Mokuhyo.Documents.Tests.OpenData.OpenDataFiles;

namespace Mokuhyo.Documents.Tests.OpenData;

/// <summary>The golden test of the open data: every fact of the seed document is in the CSV files, goal by goal.</summary>
public sealed class OpenDataGoldenTests(SeedReport seed)
{
    [Fact]
    public async Task Plans_and_goals_files_hold_every_fact_of_the_department()
    {
        var report = await seed.GetAsync();

        var text = Joined(WriteAndRead(OpenDataDataset.Plans, report)) + "\n" + Joined(WriteAndRead(OpenDataDataset.Goals, report));

        Assert.Empty(SeedFacts.Missing(text, SeedFacts.Department));
    }

    [Fact]
    public async Task Each_goal_has_its_own_facts_within_its_rows_of_goals_and_indicators()
    {
        var report = await seed.GetAsync();
        var goals = WriteAndRead(OpenDataDataset.Goals, report);
        var indicators = WriteAndRead(OpenDataDataset.Indicators, report);

        Assert.Equal(SeedFacts.Goals.Select(g => g.Number), goals.Select(r => r.GetInt32("goal_number")!.Value));
        foreach (var goal in SeedFacts.Goals)
        {
            var row = Assert.Single(goals, r => r.GetInt32("goal_number") == goal.Number);
            var text = Joined([row, .. indicators.Where(r => r.GetInt32("goal_number") == goal.Number)]);
            Assert.Empty(SeedFacts.Missing(text, [goal.Title, .. goal.Facts]).Select(f => $"goal {goal.Number}: {f}"));
            Assert.Equal(goal.Division, row["lead_unit_name"]);
            Assert.Equal(goal.Rating ?? "評価対象外", row["rating_label"]);
        }
    }

    [Fact]
    public async Task Indicator_rows_carry_the_figures_of_the_seed_as_plain_numbers()
    {
        var report = await seed.GetAsync();
        var indicators = WriteAndRead(OpenDataDataset.Indicators, report);

        string Actual(int goal, int indicator) =>
            indicators.Single(r => r.GetInt32("goal_number") == goal && r.GetInt32("indicator_number") == indicator)["actual_value"];

        Assert.Equal("40070", Actual(1, 1));
        Assert.Equal("61.7", Actual(4, 1));
        Assert.Equal("65.85", Actual(6, 1));
        Assert.Equal("82.12", Actual(6, 2));
        Assert.Equal("11342", Actual(7, 2));
        Assert.Equal("169602", Actual(9, 1));
        Assert.Equal(
            [40070m, 61.7m, 65.85m, 82.12m, 11342m, 169602m],
            new[] { (1, 1), (4, 1), (6, 1), (6, 2), (7, 2), (9, 1) }.Select(k => decimal.Parse(Actual(k.Item1, k.Item2), System.Globalization.CultureInfo.InvariantCulture)));
    }
}
