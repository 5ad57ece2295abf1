using Mokuhyo.Domain.Ratings;

namespace Mokuhyo.Domain.Tests.TestSupport;

/// <summary>Rating scales other cities use, besides the seed's 達成・未達成.</summary>
internal static class TestScales
{
    /// <summary>A ≥ 100 % (met), B ≥ 80 %, C below.</summary>
    public static RatingScale Abc { get; } = Scale("abc", ("A", 1.0m, true), ("B", 0.8m, false), ("C", 0m, false));

    /// <summary>S ≥ 120 %, A ≥ 100 % (both met), B ≥ 80 %, C ≥ 60 %, D below.</summary>
    public static RatingScale Sabcd { get; } =
        Scale("sabcd", ("S", 1.2m, true), ("A", 1.0m, true), ("B", 0.8m, false), ("C", 0.6m, false), ("D", 0m, false));

    /// <summary>A lenient scale whose best level starts below 100 %: A ≥ 95 % (met), B ≥ 50 %, C below.</summary>
    public static RatingScale Lenient { get; } = Scale("lenient", ("A", 0.95m, true), ("B", 0.5m, false), ("C", 0m, false));

    public static RatingScale Scale(string key, params (string Key, decimal MinRatio, bool CountsAsMet)[] levels) => new()
    {
        Key = key,
        Name = key,
        Levels = [.. levels.Select(l => new RatingLevel { Key = l.Key, Label = l.Key, MinRatio = l.MinRatio, CountsAsMet = l.CountsAsMet })],
        NotRatedLabel = "評価対象外",
    };
}
