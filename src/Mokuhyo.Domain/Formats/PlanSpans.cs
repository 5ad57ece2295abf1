namespace Mokuhyo.Domain.Formats;

/// <summary>What is wrong with the fiscal years a multi-year plan item (組織ビジョン) is given, if anything.</summary>
public enum PlanSpanProblem
{
    None = 0,

    /// <summary>The first year comes after the last.</summary>
    Order = 1,

    /// <summary>More years than the section allows (<see cref="PlanSectionDefinition.SpanLimit"/>).</summary>
    TooLong = 2,

    /// <summary>
    /// The span leaves out the year it is written in: an item is kept under that year's organization
    /// tree, and a report finds it from there, so it must be shown in its own year too.
    /// </summary>
    MissesOwnYear = 3,
}

/// <summary>The rule for the years of a multi-year plan item, one place for the editor and the department file loader.</summary>
public static class PlanSpans
{
    public static PlanSpanProblem Check(PlanSectionDefinition section, int writtenIn, int fromYear, int toYear)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (fromYear > toYear)
        {
            return PlanSpanProblem.Order;
        }

        if (toYear - fromYear + 1 > section.SpanLimit)
        {
            return PlanSpanProblem.TooLong;
        }

        return fromYear <= writtenIn && writtenIn <= toYear ? PlanSpanProblem.None : PlanSpanProblem.MissesOwnYear;
    }

    /// <summary>The first years an item written in <paramref name="writtenIn"/> may start in, earliest first.</summary>
    public static IReadOnlyList<int> FromChoices(PlanSectionDefinition section, int writtenIn)
    {
        ArgumentNullException.ThrowIfNull(section);
        return [.. Enumerable.Range(writtenIn - section.SpanLimit + 1, section.SpanLimit)];
    }

    /// <summary>The last years an item written in <paramref name="writtenIn"/> may end in, earliest first.</summary>
    public static IReadOnlyList<int> ToChoices(PlanSectionDefinition section, int writtenIn)
    {
        ArgumentNullException.ThrowIfNull(section);
        return [.. Enumerable.Range(writtenIn, section.SpanLimit)];
    }
}
