using Mokuhyo.Domain.Goals;

namespace Mokuhyo.Domain.Ratings;

/// <summary>Whether a goal or indicator was achieved, in the terms every city shares.</summary>
public enum RatingOutcome
{
    Met = 0,
    NotMet = 1,
    NotRated = 2,
}

/// <summary>Why an indicator carries no rating.</summary>
public enum NotRatedReason
{
    None = 0,

    /// <summary>An output reported without a target (223回).</summary>
    NoTarget = 1,

    /// <summary>Qualitative: nothing to compare.</summary>
    Qualitative = 2,

    /// <summary>A target exists but no actual has been reported yet.</summary>
    MissingActual = 3,

    /// <summary>A milestone not done whose due date has not passed (or that has none).</summary>
    NotYetDue = 4,
}

/// <summary>The computed rating of one indicator or goal.</summary>
public sealed record Rating(RatingOutcome Outcome, RatingLevel? Level, decimal? Ratio, NotRatedReason Reason)
{
    public static Rating NotRated(NotRatedReason reason) => new(RatingOutcome.NotRated, null, null, reason);

    internal static Rating At(RatingLevel level, decimal? ratio) =>
        new(level.CountsAsMet ? RatingOutcome.Met : RatingOutcome.NotMet, level, ratio, NotRatedReason.None);

    /// <summary>
    /// The ratio as a percentage with one decimal, truncated rather than rounded so that a near miss
    /// (69.99 against 70) never reads 100.0% beside 未達成.
    /// </summary>
    public decimal? RatioPercent => Ratio is { } r ? decimal.Truncate(r * 1000m) / 10m : null;
}

/// <summary>The one place where achievement is rated; pages, documents and exports all call it.</summary>
public static class AchievementRater
{
    /// <summary>Rates a numeric indicator: the ratio of actual to target, turned into a level of the scale.</summary>
    public static Rating RateNumeric(decimal? target, TargetDirection direction, decimal? actual, RatingScale scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        if (target is not { } t)
        {
            return Rating.NotRated(NotRatedReason.NoTarget);
        }

        if (actual is not { } a)
        {
            return Rating.NotRated(NotRatedReason.MissingActual);
        }

        // A ratio against zero (or a negative target) means nothing: only which side of the target counts.
        if (t <= 0m)
        {
            var reached = direction switch
            {
                TargetDirection.AtLeast => a >= t,
                TargetDirection.AtMost => a <= t,
                _ => a == t,
            };
            return Rating.At(reached ? scale.Best : scale.Worst, null);
        }

        switch (direction)
        {
            case TargetDirection.AtLeast:
            {
                var ratio = a / t;
                return Rating.At(scale.LevelFor(ratio), ratio);
            }

            case TargetDirection.AtMost:
            {
                if (a <= 0m)
                {
                    return Rating.At(scale.Best, null);
                }

                var ratio = t / a;
                return Rating.At(scale.LevelFor(ratio), ratio);
            }

            default:
            {
                // Closeness either side of the target: 11 or 13 against 12 are both short of ちょうど.
                if (a == t)
                {
                    return Rating.At(scale.Best, 1m);
                }

                var ratio = a <= 0m ? 0m : Math.Min(a / t, t / a);
                var level = scale.LevelFor(ratio);
                return Rating.At(ReferenceEquals(level, scale.Best) ? scale.Levels[1] : level, ratio);
            }
        }
    }

    /// <summary>Rates a milestone: done by its due date is the best level; late or overdue is the worst.</summary>
    public static Rating RateMilestone(DateOnly? due, DateOnly? done, DateOnly evaluatedOn, RatingScale scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        if (done is { } d)
        {
            return Rating.At(due is { } dueDate && d > dueDate ? scale.Worst : scale.Best, null);
        }

        return due is { } pending && evaluatedOn > pending
            ? Rating.At(scale.Worst, null)
            : Rating.NotRated(NotRatedReason.NotYetDue);
    }

    /// <summary>Rates an indicator of any kind.</summary>
    public static Rating Rate(IndicatorKind kind, decimal? target, TargetDirection direction, decimal? actual,
        DateOnly? due, DateOnly? done, DateOnly evaluatedOn, RatingScale scale) => kind switch
        {
            IndicatorKind.Numeric => RateNumeric(target, direction, actual, scale),
            IndicatorKind.Milestone => RateMilestone(due, done, evaluatedOn, scale),
            IndicatorKind.Output => Rating.NotRated(NotRatedReason.NoTarget),
            _ => Rating.NotRated(NotRatedReason.Qualitative),
        };

    /// <summary>
    /// A goal takes the worst level among its rated indicators, so one missed target is never hidden
    /// by another that was met; among indicators at that level, the lowest ratio is shown. Without a
    /// rated indicator the goal is not rated, for the most actionable reason among its indicators
    /// (an actual still missing before a milestone not yet due, before a goal of outputs only).
    /// </summary>
    public static Rating RateGoal(IEnumerable<Rating> indicatorRatings, RatingScale scale)
    {
        ArgumentNullException.ThrowIfNull(indicatorRatings);
        ArgumentNullException.ThrowIfNull(scale);
        Rating? worst = null;
        var worstIndex = -1;
        var reason = NotRatedReason.Qualitative;
        foreach (var rating in indicatorRatings)
        {
            if (rating.Level is null)
            {
                if (ReasonPriority(rating.Reason) > ReasonPriority(reason))
                {
                    reason = rating.Reason;
                }

                continue;
            }

            var index = IndexOf(scale, rating.Level);
            if (index > worstIndex || (index == worstIndex && rating.Ratio < worst!.Ratio))
            {
                worst = rating;
                worstIndex = index;
            }
        }

        return worst ?? Rating.NotRated(reason);
    }

    /// <summary>
    /// A goal's rating under the scale's mode. Computed: the indicators decide. Manual: the approver's
    /// confirmed level, else the division's own (自己評価), else the computed one; the computed rating
    /// is always kept so that a report can show both where they differ. An unknown level key counts as none.
    /// </summary>
    public static GoalRating RateGoal(Rating computed, string? selfLevelKey, string? confirmedLevelKey, RatingScale scale)
    {
        ArgumentNullException.ThrowIfNull(computed);
        ArgumentNullException.ThrowIfNull(scale);
        if (scale.Mode != RatingMode.Manual)
        {
            return new GoalRating(computed, computed, null, null);
        }

        var self = selfLevelKey is null ? null : scale.FindLevel(selfLevelKey);
        var confirmed = confirmedLevelKey is null ? null : scale.FindLevel(confirmedLevelKey);
        var given = confirmed ?? self;
        var final = given is null ? computed : Rating.At(given, computed.Ratio);
        return new GoalRating(final, computed, self, confirmed);
    }

    private static int ReasonPriority(NotRatedReason reason) => reason switch
    {
        NotRatedReason.MissingActual => 3,
        NotRatedReason.NotYetDue => 2,
        NotRatedReason.NoTarget => 1,
        _ => 0,
    };

    private static int IndexOf(RatingScale scale, RatingLevel level)
    {
        for (var i = 0; i < scale.Levels.Count; i++)
        {
            if (string.Equals(scale.Levels[i].Key, level.Key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return scale.Levels.Count - 1;
    }
}

/// <summary>A goal's rating as decided, the one computed from its indicators, and the levels given by hand.</summary>
public sealed record GoalRating(Rating Final, Rating Computed, RatingLevel? Self, RatingLevel? Confirmed)
{
    /// <summary>Whether the approver has confirmed a level given by hand.</summary>
    public bool IsConfirmed => Confirmed is not null;

    /// <summary>Whether the rating given by hand differs from the computed one (shown side by side then).</summary>
    public bool Differs => !string.Equals(Final.Level?.Key, Computed.Level?.Key, StringComparison.Ordinal);
}
