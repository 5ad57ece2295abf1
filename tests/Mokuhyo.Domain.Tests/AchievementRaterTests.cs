using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Ratings;
using Mokuhyo.Domain.Tests.TestSupport;

namespace Mokuhyo.Domain.Tests;

public class AchievementRaterTests
{
    private static readonly RatingScale Seed = RatingScale.MetOrNotMet;

    private static readonly DateOnly Due = new(2022, 12, 28);

    // ---- At least (以上) --------------------------------------------------------------------------------

    public static TheoryData<decimal, decimal, RatingOutcome, decimal> AtLeastCases => new()
    {
        { 61.7m, 70m, RatingOutcome.NotMet, 88.1m },
        { 65.85m, 80m, RatingOutcome.NotMet, 82.3m },
        { 12m, 12m, RatingOutcome.Met, 100m },
        { 70m, 70m, RatingOutcome.Met, 100m },
        { 69.99m, 70m, RatingOutcome.NotMet, 99.9m },
        { 140m, 70m, RatingOutcome.Met, 200m },
        { 0m, 70m, RatingOutcome.NotMet, 0m },
    };

    [Theory]
    [MemberData(nameof(AtLeastCases))]
    public void At_least_rates_the_ratio_of_actual_to_target(decimal actual, decimal target, RatingOutcome outcome, decimal ratioPercent)
    {
        var rating = AchievementRater.RateNumeric(target, TargetDirection.AtLeast, actual, Seed);

        Assert.Equal(outcome, rating.Outcome);
        Assert.Equal(ratioPercent, rating.RatioPercent);
        Assert.Equal(NotRatedReason.None, rating.Reason);
    }

    [Fact]
    public void Rating_is_met_when_actual_reaches_a_floor_target()
    {
        var rating = AchievementRater.RateNumeric(70m, TargetDirection.AtLeast, 70m, Seed);

        Assert.Equal(RatingOutcome.Met, rating.Outcome);
        Assert.Equal("met", rating.Level?.Key);
        Assert.Equal(1m, rating.Ratio);
    }

    [Fact]
    public void Ratio_percent_is_truncated_not_rounded()
    {
        // 61.7 / 70 = 0.88142857…: 88.1, where 65.85 / 80 = 0.823125 would round to 82.3 either way.
        var rating = AchievementRater.RateNumeric(70m, TargetDirection.AtLeast, 61.7m, Seed);

        Assert.Equal(61.7m / 70m, rating.Ratio);
        Assert.Equal(88.1m, rating.RatioPercent);
    }

    [Fact]
    public void Ratio_percent_truncates_a_value_that_would_round_up()
    {
        // 0.8869 would round to 88.7; truncated it is 88.6.
        var rating = AchievementRater.RateNumeric(100m, TargetDirection.AtLeast, 88.69m, Seed);

        Assert.Equal(88.6m, rating.RatioPercent);
    }

    [Fact]
    public void A_near_miss_never_reads_100_percent_beside_not_met()
    {
        var rating = AchievementRater.RateNumeric(70m, TargetDirection.AtLeast, 69.99m, Seed);

        Assert.Equal(RatingOutcome.NotMet, rating.Outcome);
        Assert.Equal(99.9m, rating.RatioPercent);
        Assert.NotEqual(100m, rating.RatioPercent);
    }

    [Fact]
    public void Exceeding_a_floor_target_gives_a_ratio_above_one()
    {
        var rating = AchievementRater.RateNumeric(70m, TargetDirection.AtLeast, 140m, Seed);

        Assert.Equal(RatingOutcome.Met, rating.Outcome);
        Assert.Equal(2m, rating.Ratio);
    }

    // ---- At most (以下) ---------------------------------------------------------------------------------

    [Fact]
    public void At_most_is_met_below_the_ceiling()
    {
        var rating = AchievementRater.RateNumeric(10m, TargetDirection.AtMost, 8m, Seed);

        Assert.Equal(RatingOutcome.Met, rating.Outcome);
        Assert.Equal(1.25m, rating.Ratio);
    }

    [Fact]
    public void At_most_is_met_on_the_ceiling()
    {
        var rating = AchievementRater.RateNumeric(10m, TargetDirection.AtMost, 10m, Seed);

        Assert.Equal(RatingOutcome.Met, rating.Outcome);
        Assert.Equal(1m, rating.Ratio);
    }

    [Fact]
    public void At_most_is_not_met_above_the_ceiling_with_the_ratio_of_target_to_actual()
    {
        var rating = AchievementRater.RateNumeric(10m, TargetDirection.AtMost, 12m, Seed);

        Assert.Equal(RatingOutcome.NotMet, rating.Outcome);
        Assert.Equal(10m / 12m, rating.Ratio);
        Assert.Equal(83.3m, rating.RatioPercent);
    }

    [Fact]
    public void At_most_with_an_actual_of_zero_is_met_without_a_ratio()
    {
        var rating = AchievementRater.RateNumeric(10m, TargetDirection.AtMost, 0m, Seed);

        Assert.Equal(RatingOutcome.Met, rating.Outcome);
        Assert.Null(rating.Ratio);
        Assert.Null(rating.RatioPercent);
    }

    // ---- Exactly (ちょうど) -----------------------------------------------------------------------------

    [Theory]
    [InlineData(12, RatingOutcome.Met)]
    [InlineData(11, RatingOutcome.NotMet)]
    [InlineData(13, RatingOutcome.NotMet)]
    [InlineData(0, RatingOutcome.NotMet)]
    [InlineData(24, RatingOutcome.NotMet)]
    public void Exactly_is_met_only_on_the_target(int actual, RatingOutcome expected)
    {
        Assert.Equal(expected, AchievementRater.RateNumeric(12m, TargetDirection.Exactly, actual, Seed).Outcome);
    }

    [Fact]
    public void Exactly_measures_closeness_from_either_side()
    {
        var under = AchievementRater.RateNumeric(12m, TargetDirection.Exactly, 11m, Seed);
        var over = AchievementRater.RateNumeric(12m, TargetDirection.Exactly, 13m, Seed);
        var hit = AchievementRater.RateNumeric(12m, TargetDirection.Exactly, 12m, Seed);

        Assert.Equal(11m / 12m, under.Ratio);
        Assert.Equal(12m / 13m, over.Ratio);
        Assert.Equal(1m, hit.Ratio);
    }

    [Fact]
    public void Exactly_with_a_non_positive_actual_has_a_ratio_of_zero()
    {
        var rating = AchievementRater.RateNumeric(12m, TargetDirection.Exactly, -3m, Seed);

        Assert.Equal(RatingOutcome.NotMet, rating.Outcome);
        Assert.Equal(0m, rating.Ratio);
    }

    // ---- Zero and negative targets ----------------------------------------------------------------------

    [Fact]
    public void Zero_target_at_least_with_actual_zero_is_met_without_a_ratio()
    {
        var rating = AchievementRater.RateNumeric(0m, TargetDirection.AtLeast, 0m, Seed);

        Assert.Equal(RatingOutcome.Met, rating.Outcome);
        Assert.Null(rating.Ratio);
    }

    [Fact]
    public void Zero_target_at_most_with_actual_one_is_not_met_without_a_ratio()
    {
        var rating = AchievementRater.RateNumeric(0m, TargetDirection.AtMost, 1m, Seed);

        Assert.Equal(RatingOutcome.NotMet, rating.Outcome);
        Assert.Null(rating.Ratio);
    }

    [Theory]
    [InlineData(TargetDirection.AtMost, 0, RatingOutcome.Met)]
    [InlineData(TargetDirection.AtLeast, -1, RatingOutcome.NotMet)]
    [InlineData(TargetDirection.Exactly, 0, RatingOutcome.Met)]
    [InlineData(TargetDirection.Exactly, 1, RatingOutcome.NotMet)]
    public void Zero_target_compares_only_which_side_of_the_target_the_actual_is(TargetDirection direction, int actual, RatingOutcome expected)
    {
        var rating = AchievementRater.RateNumeric(0m, direction, actual, Seed);

        Assert.Equal(expected, rating.Outcome);
        Assert.Null(rating.Ratio);
    }

    [Fact]
    public void Zero_target_met_on_a_graded_scale_takes_the_best_level_and_missed_the_worst()
    {
        Assert.Equal("S", AchievementRater.RateNumeric(0m, TargetDirection.AtMost, 0m, TestScales.Sabcd).Level?.Key);
        Assert.Equal("D", AchievementRater.RateNumeric(0m, TargetDirection.AtMost, 1m, TestScales.Sabcd).Level?.Key);
    }

    [Fact]
    public void Negative_target_at_least_is_met_when_the_actual_is_not_below_it()
    {
        var rating = AchievementRater.RateNumeric(-5m, TargetDirection.AtLeast, -3m, Seed);

        Assert.Equal(RatingOutcome.Met, rating.Outcome);
        Assert.Null(rating.Ratio);
    }

    // ---- Nothing to rate --------------------------------------------------------------------------------

    [Fact]
    public void Missing_actual_is_not_rated()
    {
        var rating = AchievementRater.RateNumeric(70m, TargetDirection.AtLeast, null, Seed);

        Assert.Equal(RatingOutcome.NotRated, rating.Outcome);
        Assert.Equal(NotRatedReason.MissingActual, rating.Reason);
        Assert.Null(rating.Level);
        Assert.Null(rating.Ratio);
        Assert.Null(rating.RatioPercent);
    }

    [Theory]
    [InlineData(61.7)]
    [InlineData(null)]
    public void Missing_target_is_not_rated_for_want_of_a_target(double? actual)
    {
        var rating = AchievementRater.RateNumeric(null, TargetDirection.AtLeast, (decimal?)actual, Seed);

        Assert.Equal(RatingOutcome.NotRated, rating.Outcome);
        Assert.Equal(NotRatedReason.NoTarget, rating.Reason);
        Assert.Null(rating.Level);
    }

    [Fact]
    public void Rating_requires_a_scale()
    {
        Assert.Throws<ArgumentNullException>(() => AchievementRater.RateNumeric(70m, TargetDirection.AtLeast, 70m, null!));
        Assert.Throws<ArgumentNullException>(() => AchievementRater.RateMilestone(Due, null, Due, null!));
        Assert.Throws<ArgumentNullException>(() => AchievementRater.RateGoal([], null!));
    }

    // ---- Milestones -------------------------------------------------------------------------------------

    [Fact]
    public void Milestone_done_before_its_due_date_is_met()
    {
        var rating = AchievementRater.RateMilestone(Due, new DateOnly(2022, 12, 1), new DateOnly(2023, 3, 31), Seed);

        Assert.Equal(RatingOutcome.Met, rating.Outcome);
        Assert.Null(rating.Ratio);
    }

    [Fact]
    public void Milestone_done_on_its_due_date_is_met()
    {
        Assert.Equal(RatingOutcome.Met, AchievementRater.RateMilestone(Due, Due, new DateOnly(2023, 3, 31), Seed).Outcome);
    }

    [Fact]
    public void Milestone_done_after_its_due_date_is_not_met()
    {
        var rating = AchievementRater.RateMilestone(Due, new DateOnly(2023, 1, 5), new DateOnly(2023, 3, 31), Seed);

        Assert.Equal(RatingOutcome.NotMet, rating.Outcome);
    }

    [Fact]
    public void Milestone_done_without_a_due_date_is_met()
    {
        Assert.Equal(RatingOutcome.Met, AchievementRater.RateMilestone(null, new DateOnly(2023, 1, 5), new DateOnly(2023, 3, 31), Seed).Outcome);
    }

    [Fact]
    public void Milestone_not_done_and_evaluated_after_its_due_date_is_not_met()
    {
        var rating = AchievementRater.RateMilestone(Due, null, new DateOnly(2023, 3, 31), Seed);

        Assert.Equal(RatingOutcome.NotMet, rating.Outcome);
        Assert.Equal(NotRatedReason.None, rating.Reason);
    }

    [Theory]
    [InlineData(2022, 10, 1)]
    [InlineData(2022, 12, 28)]
    public void Milestone_not_done_and_not_yet_due_is_not_rated(int year, int month, int day)
    {
        var rating = AchievementRater.RateMilestone(Due, null, new DateOnly(year, month, day), Seed);

        Assert.Equal(RatingOutcome.NotRated, rating.Outcome);
        Assert.Equal(NotRatedReason.NotYetDue, rating.Reason);
    }

    [Fact]
    public void Milestone_not_done_without_a_due_date_is_not_rated()
    {
        var rating = AchievementRater.RateMilestone(null, null, new DateOnly(2023, 3, 31), Seed);

        Assert.Equal(RatingOutcome.NotRated, rating.Outcome);
        Assert.Equal(NotRatedReason.NotYetDue, rating.Reason);
    }

    [Fact]
    public void Milestone_on_a_graded_scale_is_the_best_level_when_on_time_and_the_worst_when_late()
    {
        Assert.Equal("A", AchievementRater.RateMilestone(Due, Due, Due, TestScales.Abc).Level?.Key);
        Assert.Equal("C", AchievementRater.RateMilestone(Due, Due.AddDays(1), Due.AddDays(1), TestScales.Abc).Level?.Key);
    }

    // ---- Rate (any kind) --------------------------------------------------------------------------------

    [Fact]
    public void Output_is_not_rated_for_want_of_a_target_even_with_a_figure()
    {
        var rating = AchievementRater.Rate(IndicatorKind.Output, 200m, TargetDirection.AtLeast, 223m, null, null, Due, Seed);

        Assert.Equal(RatingOutcome.NotRated, rating.Outcome);
        Assert.Equal(NotRatedReason.NoTarget, rating.Reason);
    }

    [Fact]
    public void Qualitative_is_not_rated_as_qualitative()
    {
        var rating = AchievementRater.Rate(IndicatorKind.Qualitative, null, TargetDirection.AtLeast, null, null, null, Due, Seed);

        Assert.Equal(RatingOutcome.NotRated, rating.Outcome);
        Assert.Equal(NotRatedReason.Qualitative, rating.Reason);
    }

    [Fact]
    public void Rate_dispatches_numeric_indicators_to_the_ratio()
    {
        var rating = AchievementRater.Rate(IndicatorKind.Numeric, 70m, TargetDirection.AtLeast, 61.7m, null, null, Due, Seed);

        Assert.Equal(RatingOutcome.NotMet, rating.Outcome);
        Assert.Equal(88.1m, rating.RatioPercent);
    }

    [Fact]
    public void Rate_dispatches_milestones_to_their_dates()
    {
        var rating = AchievementRater.Rate(IndicatorKind.Milestone, null, TargetDirection.AtLeast, null, Due, null, Due.AddDays(1), Seed);

        Assert.Equal(RatingOutcome.NotMet, rating.Outcome);
    }

    // ---- Graded scales ----------------------------------------------------------------------------------

    [Theory]
    [InlineData(85, "B", RatingOutcome.NotMet)]
    [InlineData(50, "C", RatingOutcome.NotMet)]
    [InlineData(120, "A", RatingOutcome.Met)]
    [InlineData(100, "A", RatingOutcome.Met)]
    [InlineData(80, "B", RatingOutcome.NotMet)]
    [InlineData(79.99, "C", RatingOutcome.NotMet)]
    [InlineData(0, "C", RatingOutcome.NotMet)]
    public void Three_step_scale_places_the_ratio_at_the_first_level_it_reaches(double actual, string level, RatingOutcome outcome)
    {
        var rating = AchievementRater.RateNumeric(100m, TargetDirection.AtLeast, (decimal)actual, TestScales.Abc);

        Assert.Equal(level, rating.Level?.Key);
        Assert.Equal(outcome, rating.Outcome);
    }

    [Theory]
    [InlineData(120, "S", RatingOutcome.Met)]
    [InlineData(150, "S", RatingOutcome.Met)]
    [InlineData(119.9, "A", RatingOutcome.Met)]
    [InlineData(100, "A", RatingOutcome.Met)]
    [InlineData(99.9, "B", RatingOutcome.NotMet)]
    [InlineData(80, "B", RatingOutcome.NotMet)]
    [InlineData(79.9, "C", RatingOutcome.NotMet)]
    [InlineData(60, "C", RatingOutcome.NotMet)]
    [InlineData(59.9, "D", RatingOutcome.NotMet)]
    [InlineData(0, "D", RatingOutcome.NotMet)]
    public void Five_step_scale_places_the_ratio_at_the_first_level_it_reaches(double actual, string level, RatingOutcome outcome)
    {
        var rating = AchievementRater.RateNumeric(100m, TargetDirection.AtLeast, (decimal)actual, TestScales.Sabcd);

        Assert.Equal(level, rating.Level?.Key);
        Assert.Equal(outcome, rating.Outcome);
    }

    [Fact]
    public void Five_step_scale_rates_at_most_by_target_over_actual()
    {
        // 10件以下 with 8件: 10 / 8 = 1.25, S.
        Assert.Equal("S", AchievementRater.RateNumeric(10m, TargetDirection.AtMost, 8m, TestScales.Sabcd).Level?.Key);
        // 10件以下 with 16件: 10 / 16 = 0.625, C.
        Assert.Equal("C", AchievementRater.RateNumeric(10m, TargetDirection.AtMost, 16m, TestScales.Sabcd).Level?.Key);
    }

    [Theory]
    [InlineData(13)]
    [InlineData(12.5)]
    [InlineData(11.9)]
    public void Exactly_direction_miss_never_reaches_the_best_level_even_when_close(double actual)
    {
        var rating = AchievementRater.RateNumeric(12m, TargetDirection.Exactly, (decimal)actual, TestScales.Abc);

        Assert.Equal("B", rating.Level?.Key);
        Assert.Equal(RatingOutcome.NotMet, rating.Outcome);
    }

    [Fact]
    public void Exactly_direction_miss_is_kept_below_a_best_level_that_starts_under_100_percent()
    {
        // 11.9 against 12 is 99.2 %, which reaches A (≥ 95 %) on the lenient scale; a miss of ちょうど must not.
        var rating = AchievementRater.RateNumeric(12m, TargetDirection.Exactly, 11.9m, TestScales.Lenient);

        Assert.Equal("B", rating.Level?.Key);
        Assert.Equal(RatingOutcome.NotMet, rating.Outcome);
    }

    [Fact]
    public void Exact_hit_takes_the_best_level_even_on_a_scale_whose_best_needs_more_than_100_percent()
    {
        var rating = AchievementRater.RateNumeric(12m, TargetDirection.Exactly, 12m, TestScales.Sabcd);

        Assert.Equal("S", rating.Level?.Key);
        Assert.Equal(1m, rating.Ratio);
    }

    // ---- Goals ------------------------------------------------------------------------------------------

    [Fact]
    public void Goal_takes_the_worst_of_its_rated_indicators()
    {
        var met = AchievementRater.RateNumeric(70m, TargetDirection.AtLeast, 75m, Seed);
        var notMet = AchievementRater.RateNumeric(70m, TargetDirection.AtLeast, 61.7m, Seed);

        var goal = AchievementRater.RateGoal([met, notMet, met], Seed);

        Assert.Equal(RatingOutcome.NotMet, goal.Outcome);
        Assert.Same(notMet, goal);
    }

    [Fact]
    public void Goal_on_a_graded_scale_takes_the_lowest_level_whatever_the_order()
    {
        var a = AchievementRater.RateNumeric(100m, TargetDirection.AtLeast, 110m, TestScales.Abc);
        var b = AchievementRater.RateNumeric(100m, TargetDirection.AtLeast, 90m, TestScales.Abc);
        var c = AchievementRater.RateNumeric(100m, TargetDirection.AtLeast, 50m, TestScales.Abc);

        Assert.Equal("C", AchievementRater.RateGoal([a, c, b], TestScales.Abc).Level?.Key);
        Assert.Equal("C", AchievementRater.RateGoal([c, b, a], TestScales.Abc).Level?.Key);
        Assert.Equal("B", AchievementRater.RateGoal([a, b], TestScales.Abc).Level?.Key);
        Assert.Equal(0.5m, AchievementRater.RateGoal([a, c, b], TestScales.Abc).Ratio);
    }

    [Fact]
    public void Goal_ignores_unrated_indicators()
    {
        var met = AchievementRater.RateNumeric(70m, TargetDirection.AtLeast, 75m, Seed);
        var missing = AchievementRater.RateNumeric(70m, TargetDirection.AtLeast, null, Seed);
        var output = AchievementRater.Rate(IndicatorKind.Output, null, TargetDirection.AtLeast, 223m, null, null, Due, Seed);

        var goal = AchievementRater.RateGoal([missing, met, output], Seed);

        Assert.Equal(RatingOutcome.Met, goal.Outcome);
    }

    [Fact]
    public void Goal_with_only_unrated_indicators_is_not_rated()
    {
        var missing = AchievementRater.RateNumeric(70m, TargetDirection.AtLeast, null, Seed);
        var qualitative = AchievementRater.Rate(IndicatorKind.Qualitative, null, TargetDirection.AtLeast, null, null, null, Due, Seed);

        var goal = AchievementRater.RateGoal([missing, qualitative], Seed);

        Assert.Equal(RatingOutcome.NotRated, goal.Outcome);
        Assert.Null(goal.Level);
    }

    [Fact]
    public void Goal_without_indicators_is_not_rated()
    {
        var goal = AchievementRater.RateGoal([], Seed);

        Assert.Equal(RatingOutcome.NotRated, goal.Outcome);
        Assert.Null(goal.Level);
    }

    [Fact]
    public void Goal_not_rated_for_a_missing_actual_says_so_rather_than_qualitative()
    {
        var missing = AchievementRater.RateNumeric(70m, TargetDirection.AtLeast, null, Seed);
        var output = AchievementRater.Rate(IndicatorKind.Output, null, TargetDirection.AtLeast, 223m, null, null, Due, Seed);
        var qualitative = AchievementRater.Rate(IndicatorKind.Qualitative, null, TargetDirection.AtLeast, null, null, null, Due, Seed);

        Assert.Equal(NotRatedReason.MissingActual, AchievementRater.RateGoal([qualitative, output, missing], Seed).Reason);
        Assert.Equal(NotRatedReason.NoTarget, AchievementRater.RateGoal([qualitative, output], Seed).Reason);
        Assert.Equal(NotRatedReason.Qualitative, AchievementRater.RateGoal([qualitative], Seed).Reason);
    }

    [Fact]
    public void Goal_with_several_indicators_at_the_worst_level_shows_the_lowest_ratio()
    {
        var near = AchievementRater.RateNumeric(100m, TargetDirection.AtLeast, 95m, Seed);
        var far = AchievementRater.RateNumeric(100m, TargetDirection.AtLeast, 40m, Seed);

        Assert.Equal(0.4m, AchievementRater.RateGoal([near, far], Seed).Ratio);
        Assert.Equal(0.4m, AchievementRater.RateGoal([far, near], Seed).Ratio);
    }
}
