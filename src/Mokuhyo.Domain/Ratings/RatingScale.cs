namespace Mokuhyo.Domain.Ratings;

/// <summary>
/// A city's rating scale: levels from best to worst, each reached from a minimum achievement ratio.
/// The seed's scale is 達成 (ratio ≥ 1) / 未達成; others are A/B/C or S/A/B/C/D with thresholds.
/// </summary>
public sealed record RatingScale
{
    public required string Key { get; init; }

    public required string Name { get; init; }

    /// <summary>Levels ordered best first; the last one must start at ratio 0 so every ratio lands somewhere.</summary>
    public required IReadOnlyList<RatingLevel> Levels { get; init; }

    /// <summary>Shown for outputs, qualitative goals and missing actuals (評価対象外).</summary>
    public required string NotRatedLabel { get; init; }

    /// <summary>Computed from the indicators (the seed), or given by hand and confirmed by the approver.</summary>
    public RatingMode Mode { get; init; } = RatingMode.Computed;

    /// <summary>In manual mode: the goal field (kind rating) holding the division's own rating (自己評価).</summary>
    public string? SelfRatingField { get; init; }

    /// <summary>In manual mode: the goal field (kind rating) holding the approver's confirmed rating (上司評価).</summary>
    public string? ConfirmedRatingField { get; init; }

    /// <summary>The two-step scale of the seed document.</summary>
    public static RatingScale MetOrNotMet { get; } = new()
    {
        Key = "met-not-met",
        Name = "達成・未達成",
        Levels =
        [
            new RatingLevel { Key = "met", Label = "達成", MinRatio = 1m, CountsAsMet = true },
            new RatingLevel { Key = "not-met", Label = "未達成", MinRatio = 0m, CountsAsMet = false },
        ],
        NotRatedLabel = "評価対象外",
    };

    public RatingLevel Best => Levels[0];

    public RatingLevel Worst => Levels[^1];

    /// <summary>The level a ratio reaches: the first, from the best, whose threshold it meets.</summary>
    public RatingLevel LevelFor(decimal ratio)
    {
        foreach (var level in Levels)
        {
            if (ratio >= level.MinRatio)
            {
                return level;
            }
        }

        return Worst;
    }

    public RatingLevel? FindLevel(string key) => Levels.FirstOrDefault(l => string.Equals(l.Key, key, StringComparison.Ordinal));

    /// <summary>Problems that make the scale unusable, in English for developers and template authors.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Levels.Count < 2)
        {
            problems.Add("ratingScale.levels: at least two levels are needed.");
            return problems;
        }

        for (var i = 1; i < Levels.Count; i++)
        {
            if (Levels[i].MinRatio >= Levels[i - 1].MinRatio)
            {
                problems.Add($"ratingScale.levels[{i}].minRatio: thresholds must fall from the best level to the worst.");
            }
        }

        if (Worst.MinRatio != 0m)
        {
            problems.Add($"ratingScale.levels[{Levels.Count - 1}].minRatio: the worst level must start at 0.");
        }

        if (Levels.Select(l => l.Key).Distinct(StringComparer.Ordinal).Count() != Levels.Count)
        {
            problems.Add("ratingScale.levels: keys must be unique.");
        }

        return problems;
    }
}

/// <summary>How a goal's rating is arrived at.</summary>
public enum RatingMode
{
    /// <summary>From the indicators, by the thresholds.</summary>
    Computed = 0,

    /// <summary>Given by the division and confirmed by the approver; the computed one is shown beside it where they differ.</summary>
    Manual = 1,
}

/// <summary>One step of a rating scale (達成, or A, B, C...).</summary>
public sealed record RatingLevel
{
    public required string Key { get; init; }

    public required string Label { get; init; }

    /// <summary>Smallest achievement ratio (actual against target, 1 = 100 %) that reaches this level.</summary>
    public required decimal MinRatio { get; init; }

    /// <summary>Whether summaries count this level as met (A in A/B/C, 達成 in the seed).</summary>
    public required bool CountsAsMet { get; init; }
}
