using Mokuhyo.Domain.Formats;

namespace Mokuhyo.Domain.Tests;

public sealed class PlanSpansTests
{
    private static readonly PlanSectionDefinition Vision = new() { Key = "vision", Title = "組織ビジョン", Kind = PlanSectionKind.Paragraph, SpansYears = true };

    [Theory]
    [InlineData(2025, 2025, PlanSpanProblem.None)]
    [InlineData(2023, 2027, PlanSpanProblem.None)]
    [InlineData(2026, 2025, PlanSpanProblem.Order)]
    [InlineData(2025, 2030, PlanSpanProblem.TooLong)]
    [InlineData(2026, 2028, PlanSpanProblem.MissesOwnYear)]
    [InlineData(2021, 2024, PlanSpanProblem.MissesOwnYear)]
    public void A_span_is_in_order_at_most_five_years_by_default_and_covers_its_own_year(int from, int to, PlanSpanProblem expected) =>
        Assert.Equal(expected, PlanSpans.Check(Vision, 2025, from, to));

    [Fact]
    public void The_format_may_set_its_own_limit_and_the_choices_follow_it()
    {
        var threeYears = Vision with { MaxYears = 3 };

        Assert.Equal(PlanSpanProblem.TooLong, PlanSpans.Check(threeYears, 2025, 2025, 2028));
        Assert.Equal(PlanSpanProblem.None, PlanSpans.Check(threeYears, 2025, 2023, 2025));
        Assert.Equal([2023, 2024, 2025], PlanSpans.FromChoices(threeYears, 2025));
        Assert.Equal([2025, 2026, 2027], PlanSpans.ToChoices(threeYears, 2025));
    }
}
