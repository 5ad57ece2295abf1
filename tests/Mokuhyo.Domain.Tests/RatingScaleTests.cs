using Mokuhyo.Domain.Ratings;
using Mokuhyo.Domain.Tests.TestSupport;

namespace Mokuhyo.Domain.Tests;

public class RatingScaleTests
{
    [Fact]
    public void The_seed_scale_is_valid()
    {
        Assert.Empty(RatingScale.MetOrNotMet.Validate());
    }

    [Fact]
    public void The_seed_scale_is_met_then_not_met()
    {
        var scale = RatingScale.MetOrNotMet;

        Assert.Equal(["met", "not-met"], scale.Levels.Select(l => l.Key));
        Assert.Equal("達成", scale.Best.Label);
        Assert.True(scale.Best.CountsAsMet);
        Assert.Equal("未達成", scale.Worst.Label);
        Assert.False(scale.Worst.CountsAsMet);
        Assert.Equal("評価対象外", scale.NotRatedLabel);
    }

    [Fact]
    public void Graded_scales_are_valid()
    {
        Assert.Empty(TestScales.Abc.Validate());
        Assert.Empty(TestScales.Sabcd.Validate());
    }

    [Fact]
    public void A_scale_of_one_level_is_invalid()
    {
        var scale = TestScales.Scale("one", ("ok", 0m, true));

        Assert.Equal(["ratingScale.levels: at least two levels are needed."], scale.Validate());
    }

    [Fact]
    public void A_scale_without_levels_is_invalid()
    {
        Assert.Single(TestScales.Scale("none").Validate());
    }

    [Fact]
    public void Thresholds_that_do_not_fall_are_reported_by_level()
    {
        var scale = TestScales.Scale("rising", ("A", 0.8m, true), ("B", 1.0m, false), ("C", 0m, false));

        var problem = Assert.Single(scale.Validate());
        Assert.Equal("ratingScale.levels[1].minRatio: thresholds must fall from the best level to the worst.", problem);
    }

    [Fact]
    public void Equal_thresholds_do_not_fall()
    {
        var scale = TestScales.Scale("flat", ("A", 1.0m, true), ("B", 1.0m, false), ("C", 0m, false));

        Assert.Contains(scale.Validate(), p => p.StartsWith("ratingScale.levels[1].minRatio", StringComparison.Ordinal));
    }

    [Fact]
    public void A_worst_level_not_starting_at_zero_is_invalid()
    {
        var scale = TestScales.Scale("gap", ("A", 1.0m, true), ("B", 0.5m, false));

        Assert.Equal(["ratingScale.levels[1].minRatio: the worst level must start at 0."], scale.Validate());
    }

    [Fact]
    public void Duplicate_level_keys_are_invalid()
    {
        var scale = TestScales.Scale("dup", ("A", 1.0m, true), ("A", 0.5m, false), ("C", 0m, false));

        Assert.Equal(["ratingScale.levels: keys must be unique."], scale.Validate());
    }

    [Fact]
    public void Level_keys_are_compared_case_sensitively()
    {
        var scale = TestScales.Scale("case", ("a", 1.0m, true), ("A", 0m, false));

        Assert.Empty(scale.Validate());
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var scale = TestScales.Scale("bad", ("A", 0.5m, true), ("A", 0.8m, false));

        Assert.Equal(3, scale.Validate().Count);
    }

    [Theory]
    [InlineData(1.0, "met")]
    [InlineData(2.5, "met")]
    [InlineData(0.9999, "not-met")]
    [InlineData(0.0, "not-met")]
    [InlineData(-0.5, "not-met")]
    public void LevelFor_the_seed_scale_is_met_from_exactly_one(double ratio, string expected)
    {
        Assert.Equal(expected, RatingScale.MetOrNotMet.LevelFor((decimal)ratio).Key);
    }

    [Theory]
    [InlineData(1.2, "S")]
    [InlineData(1.1999, "A")]
    [InlineData(1.0, "A")]
    [InlineData(0.9999, "B")]
    [InlineData(0.8, "B")]
    [InlineData(0.7999, "C")]
    [InlineData(0.6, "C")]
    [InlineData(0.5999, "D")]
    [InlineData(0.0, "D")]
    public void LevelFor_reaches_a_level_on_its_threshold_and_not_just_below(double ratio, string expected)
    {
        Assert.Equal(expected, TestScales.Sabcd.LevelFor((decimal)ratio).Key);
    }

    [Fact]
    public void LevelFor_a_negative_ratio_is_the_worst_level()
    {
        Assert.Equal("C", TestScales.Abc.LevelFor(-1m).Key);
    }

    [Fact]
    public void FindLevel_finds_a_level_by_its_exact_key()
    {
        Assert.Equal("未達成", RatingScale.MetOrNotMet.FindLevel("not-met")?.Label);
        Assert.Null(RatingScale.MetOrNotMet.FindLevel("Met"));
        Assert.Null(RatingScale.MetOrNotMet.FindLevel("unknown"));
    }
}
