using System.Text.Json;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Domain.Tests.TestSupport;

namespace Mokuhyo.Domain.Tests;

public class ReportJsonTests
{
    private readonly SampleDepartment sample = new();

    [Fact]
    public void Round_trip_gives_an_equal_report()
    {
        var json = ReportJson.Serialize(sample.Build());

        var reread = ReportJson.Deserialize(json);

        Assert.Equal(json, ReportJson.Serialize(reread));
    }

    [Fact]
    public void Round_trip_keeps_values_that_matter()
    {
        var original = sample.Build();

        var reread = ReportJson.Deserialize(ReportJson.Serialize(original));

        Assert.Equal("市民生活部の目標", reread.Title);
        Assert.Equal(original.Municipality, reread.Municipality);
        Assert.Equal(original.Phase, reread.Phase);
        Assert.Equal(original.PublishedAt, reread.PublishedAt);
        Assert.Equal(original.Labels, reread.Labels);
        Assert.Equal(original.Goals.Select(g => g.Number), reread.Goals.Select(g => g.Number));
        Assert.Equal(original.GoalGroups.Select(g => g.LeadUnit), reread.GoalGroups.Select(g => g.LeadUnit));
        Assert.Equal(
            original.Goals.SelectMany(g => g.Indicators).Select(i => i.Rating.Ratio),
            reread.Goals.SelectMany(g => g.Indicators).Select(i => i.Rating.Ratio));
        Assert.Equal(["shimin", "chiiki-shinko"], reread.Department.Children.Select(c => c.Code));
        Assert.Equal(original.Summary.Levels, reread.Summary.Levels);
    }

    [Fact]
    public void Japanese_is_written_literally_not_escaped()
    {
        var json = ReportJson.Serialize(sample.Build());

        Assert.Contains("市民生活部", json, StringComparison.Ordinal);
        Assert.Contains("令和5年3月末日現在", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u5e02", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Property_names_are_camel_case()
    {
        var json = ReportJson.Serialize(sample.Build());

        Assert.Contains("\"fiscalYearLabel\":\"令和4年度\"", json, StringComparison.Ordinal);
        Assert.Contains("\"goalGroups\":", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"FiscalYearLabel\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_are_iso_and_figures_are_numbers()
    {
        var json = ReportJson.Serialize(sample.Build());

        Assert.Contains("\"date\":\"2023-03-31\"", json, StringComparison.Ordinal);
        Assert.Contains("\"value\":61.7,", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Goals_are_written_once_inside_their_groups_not_again_at_the_root()
    {
        using var document = JsonDocument.Parse(ReportJson.Serialize(sample.Build()));

        Assert.False(document.RootElement.TryGetProperty("goals", out _));
        Assert.Equal(2, document.RootElement.GetProperty("goalGroups").GetArrayLength());
    }

    [Fact]
    public void Characters_beyond_the_basic_plane_survive_the_round_trip()
    {
        sample.Department.HeadName = "𠮷田 葛\U000E0100子";

        var reread = ReportJson.Deserialize(ReportJson.Serialize(sample.Build()));

        Assert.Equal("𠮷田 葛\U000E0100子", reread.Department.HeadName);
    }

    [Fact]
    public void Json_is_written_on_one_line()
    {
        Assert.DoesNotContain('\n', ReportJson.Serialize(sample.Build()));
    }

    [Fact]
    public void An_empty_snapshot_is_refused()
    {
        Assert.Throws<JsonException>(() => ReportJson.Deserialize("null"));
    }
}
