using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Ratings;

namespace Mokuhyo.Data.Tests.Formats;

/// <summary>Every rating scale shipped in templates/, at and either side of each threshold.</summary>
public sealed class ShippedScaleTests
{
    public static TheoryData<string, decimal, decimal, string> Boundaries => new()
    {
        // template, target, actual (at least), level key
        { "default", 70m, 70m, "met" },
        { "default", 70m, 69.99m, "not-met" },
        { "default", 70m, 0m, "not-met" },
        { "example-three-step-interim", 100m, 100m, "a" },
        { "example-three-step-interim", 100m, 99.99m, "b" },
        { "example-three-step-interim", 100m, 80m, "b" },
        { "example-three-step-interim", 100m, 79.99m, "c" },
        { "example-three-step-interim", 100m, 0m, "c" },
        { "example-five-step-two-checks", 100m, 120m, "s" },
        { "example-five-step-two-checks", 100m, 119.99m, "a" },
        { "example-five-step-two-checks", 100m, 100m, "a" },
        { "example-five-step-two-checks", 100m, 99.99m, "b" },
        { "example-five-step-two-checks", 100m, 80m, "b" },
        { "example-five-step-two-checks", 100m, 79.99m, "c" },
        { "example-five-step-two-checks", 100m, 60m, "c" },
        { "example-five-step-two-checks", 100m, 59.99m, "d" },
        { "example-five-step-two-checks", 100m, 0m, "d" },
        { "example-self-rating-no-interim", 100m, 100m, "a" },
        { "example-self-rating-no-interim", 100m, 70m, "b" },
        { "example-self-rating-no-interim", 100m, 69.99m, "c" },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void A_shipped_scale_rates_a_ratio_at_its_thresholds(string template, decimal target, decimal actual, string level)
    {
        var scale = EmbeddedFiles.ReadTemplate(template).RatingScale;

        var rating = AchievementRater.RateNumeric(target, TargetDirection.AtLeast, actual, scale);

        Assert.Equal(level, rating.Level!.Key);
        Assert.Equal(scale.FindLevel(level)!.CountsAsMet ? RatingOutcome.Met : RatingOutcome.NotMet, rating.Outcome);
    }

    [Theory]
    [InlineData("example-five-step-two-checks", 80, 100, "b")] // at most 80: 100 reaches 0.8
    [InlineData("example-five-step-two-checks", 80, 66, "s")] // 80/66 = 1.21
    [InlineData("example-three-step-interim", 480, 530, "b")] // 480/530 = 0.905
    public void A_ceiling_target_is_rated_by_the_inverse_ratio(string template, int target, int actual, string level)
    {
        var scale = EmbeddedFiles.ReadTemplate(template).RatingScale;

        Assert.Equal(level, AchievementRater.RateNumeric(target, TargetDirection.AtMost, actual, scale).Level!.Key);
    }

    [Fact]
    public void The_self_rating_scale_takes_the_confirmed_level_then_the_own_one_and_keeps_the_computed_one()
    {
        var scale = EmbeddedFiles.ReadTemplate("example-self-rating-no-interim").RatingScale;
        var computed = AchievementRater.RateNumeric(50m, TargetDirection.AtLeast, 41m, scale);

        var confirmed = AchievementRater.RateGoal(computed, "b", "a", scale);
        var own = AchievementRater.RateGoal(computed, "b", null, scale);
        var none = AchievementRater.RateGoal(computed, null, null, scale);

        Assert.Equal(("a", true, true), (confirmed.Final.Level!.Key, confirmed.IsConfirmed, confirmed.Differs));
        Assert.Equal("b", confirmed.Computed.Level!.Key);
        Assert.Equal(("b", false, false), (own.Final.Level!.Key, own.IsConfirmed, own.Differs));
        Assert.Equal(("b", false, false), (none.Final.Level!.Key, none.IsConfirmed, none.Differs));
    }

    [Fact]
    public void A_computed_scale_ignores_levels_given_by_hand()
    {
        var scale = EmbeddedFiles.ReadTemplate("example-three-step-interim").RatingScale;
        var computed = AchievementRater.RateNumeric(100m, TargetDirection.AtLeast, 85m, scale);

        var rating = AchievementRater.RateGoal(computed, "a", "a", scale);

        Assert.Equal("b", rating.Final.Level!.Key);
        Assert.False(rating.Differs);
    }
}
