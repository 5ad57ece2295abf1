namespace Mokuhyo.Domain.Goals;

/// <summary>What an indicator measures, and so how it is rated.</summary>
public enum IndicatorKind
{
    /// <summary>A number with a target and a direction (70%以上).</summary>
    Numeric = 0,

    /// <summary>Something to be done by a due date (条例の制定).</summary>
    Milestone = 1,

    /// <summary>A figure reported without a target (223回、11,342人): reported, not rated.</summary>
    Output = 2,

    /// <summary>No figure at all; the result is narrative.</summary>
    Qualitative = 3,
}

/// <summary>Which side of the target counts as achieved (以上 / 以下 / ちょうど).</summary>
public enum TargetDirection
{
    AtLeast = 0,
    AtMost = 1,
    Exactly = 2,
}
