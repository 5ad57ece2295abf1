using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Goals;
using Mokuhyo.Domain.Ratings;
using Mokuhyo.Domain.Tests.TestSupport;

namespace Mokuhyo.Domain.Tests;

public class ReportFormatTests
{
    private static readonly ReportFormat Default = TestFormats.Default;

    [Fact]
    public void The_default_format_is_valid()
    {
        Assert.Empty(Default.Validate());
    }

    [Fact]
    public void Duplicate_phase_keys_are_named_in_the_message()
    {
        var format = Default with
        {
            Phases = [TestFormats.Plan, TestFormats.Interim, TestFormats.Interim with { Name = "中間報告(2回目)" }, TestFormats.YearEnd],
        };

        Assert.Equal(["phases: the key 'interim' appears more than once."], format.Validate());
    }

    [Fact]
    public void A_key_repeated_three_times_is_reported_once()
    {
        var format = Default with { Phases = [TestFormats.Plan, TestFormats.Plan, TestFormats.Plan] };

        Assert.Single(format.Validate());
    }

    [Fact]
    public void Duplicate_plan_section_keys_are_named_in_the_message()
    {
        var section = new PlanSectionDefinition { Key = "basic-direction", Title = "部の基本方向" };
        var format = Default with { PlanSections = [section, section with { Title = "基本方向(再掲)" }] };

        Assert.Equal(["planSections: the key 'basic-direction' appears more than once."], format.Validate());
    }

    [Fact]
    public void Phase_keys_differing_only_in_case_are_distinct()
    {
        var format = Default with { Phases = [TestFormats.Plan, TestFormats.Plan with { Key = "Plan" }] };

        Assert.Empty(format.Validate());
    }

    [Fact]
    public void A_format_without_unit_kinds_is_invalid()
    {
        var format = Default with { UnitKinds = [] };

        Assert.Equal(["unitKinds: at least one kind of unit is needed."], format.Validate());
    }

    [Fact]
    public void A_format_without_phases_is_invalid()
    {
        var format = Default with { Phases = [] };

        Assert.Equal(["phases: at least one phase is needed."], format.Validate());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Key_and_name_are_required(string blank)
    {
        var format = Default with { Key = blank, Name = blank };

        Assert.Equal(["key: required.", "name: required."], format.Validate());
    }

    [Fact]
    public void A_format_without_plan_sections_is_valid()
    {
        Assert.Empty((Default with { PlanSections = [] }).Validate());
    }

    [Fact]
    public void Rating_scale_problems_are_reported_with_the_formats_own()
    {
        var oneLevel = RatingScale.MetOrNotMet with { Levels = [RatingScale.MetOrNotMet.Best] };
        var format = Default with { UnitKinds = [], RatingScale = oneLevel };

        Assert.Equal(
            ["unitKinds: at least one kind of unit is needed.", "ratingScale.levels: at least two levels are needed."],
            format.Validate());
    }

    [Fact]
    public void A_rating_scale_whose_worst_level_does_not_start_at_zero_invalidates_the_format()
    {
        var format = Default with { RatingScale = TestScales.Scale("gap", ("A", 1m, true), ("B", 0.5m, false)) };

        Assert.Contains("ratingScale.levels[1].minRatio: the worst level must start at 0.", format.Validate());
    }

    [Fact]
    public void FindPhase_finds_a_phase_by_key()
    {
        Assert.Equal("中間報告", Default.FindPhase("interim")?.Name);
        Assert.Equal(PhaseKind.YearEnd, Default.FindPhase("year-end")?.Kind);
        Assert.Null(Default.FindPhase("Interim"));
    }

    [Fact]
    public void FindPlanSection_finds_a_section_by_key()
    {
        Assert.Equal("部の重点方針", Default.FindPlanSection("priority-policy")?.Title);
        Assert.Null(Default.FindPlanSection("management-resources"));
    }

    [Theory]
    [InlineData(TargetDirection.AtLeast, "以上")]
    [InlineData(TargetDirection.AtMost, "以下")]
    [InlineData(TargetDirection.Exactly, "")]
    public void Directions_give_the_word_written_after_a_target(TargetDirection direction, string expected)
    {
        Assert.Equal(expected, Default.Directions.For(direction));
    }
}
