using Mokuhyo.Domain.Formats;
using Mokuhyo.Domain.Tests.TestSupport;

namespace Mokuhyo.Domain.Tests;

public class FormatJsonTests
{
    private const string SeedJson = """
        {
          "key": "default",
          "name": "標準(入間市 組織目標の様式)",
          "labels": {
            "departmentReportTitle": "{0}の目標",
            "headingPattern": "【{0}】",
            "goalsHeading": "課の目標(達成すべき目標)",
            "resultsHeading": "目標の達成度合",
            "indicatorHeading": "指標",
            "baselineHeading": "現状値",
            "targetHeading": "目標値",
            "actualHeading": "実績値",
            "ratioHeading": "達成率",
            "asOfHeading": "時点",
            "ratingHeading": "評価",
            "planReferencesHeading": "関連する計画",
            "coUnitsHeading": "関係課",
            "responsibilitiesHeading": "所管事務"
          },
          "planSections": [
            { "key": "basic-direction", "title": "部の基本方向", "kind": "numbered-list" },
            { "key": "priority-policy", "title": "部の重点方針", "kind": "numbered-list" }
          ],
          "phases": [
            { "key": "plan", "name": "目標設定", "kind": "plan" },
            { "key": "interim", "name": "中間報告", "kind": "interim" },
            { "key": "year-end", "name": "期末報告", "kind": "year-end" }
          ],
          "unitKinds": ["部", "担当部長", "室", "課", "担当", "センター", "支所", "事務局"],
          "directions": { "atLeast": "以上", "atMost": "以下", "exactly": "" },
          "ratingScale": {
            "key": "met-not-met",
            "name": "達成・未達成",
            "levels": [
              { "key": "met", "label": "達成", "minRatio": 1, "countsAsMet": true },
              { "key": "not-met", "label": "未達成", "minRatio": 0, "countsAsMet": false }
            ],
            "notRatedLabel": "評価対象外"
          },
          "monthEndAsMatsujitsu": true
        }
        """;

    [Fact]
    public void The_seed_format_file_parses_into_a_valid_format()
    {
        var result = FormatJson.Parse(SeedJson);

        Assert.True(result.IsValid);
        Assert.Empty(result.Problems);
        var format = result.Format!;
        Assert.Equal("【{0}】", format.Labels.HeadingPattern);
        Assert.Equal(PhaseKind.YearEnd, format.FindPhase("year-end")?.Kind);
        Assert.Equal(PlanSectionKind.NumberedList, format.FindPlanSection("basic-direction")?.Kind);
        Assert.Equal(1m, format.RatingScale.Best.MinRatio);
        Assert.True(format.MonthEndAsMatsujitsu);
    }

    [Fact]
    public void The_seed_format_file_reads_as_the_hand_built_default()
    {
        var parsed = FormatJson.Parse(SeedJson).Format!;

        Assert.Equal(FormatJson.Serialize(TestFormats.Default), FormatJson.Serialize(parsed));
    }

    [Fact]
    public void A_format_round_trips()
    {
        var json = FormatJson.Serialize(TestFormats.Default);

        var reread = FormatJson.Parse(json);

        Assert.True(reread.IsValid);
        Assert.Equal(json, FormatJson.Serialize(reread.Format!));
    }

    [Fact]
    public void Enums_are_written_in_kebab_case_and_japanese_literally()
    {
        var json = FormatJson.Serialize(TestFormats.Default);

        Assert.Contains("\"kind\":\"year-end\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"numbered-list\"", json, StringComparison.Ordinal);
        Assert.Contains("部の基本方向", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_a_problem_not_an_exception()
    {
        var result = FormatJson.Parse("{ \"key\": ");

        Assert.False(result.IsValid);
        Assert.Null(result.Format);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void An_unknown_phase_kind_is_a_problem_naming_its_path()
    {
        var result = FormatJson.Parse(SeedJson.Replace("\"kind\": \"interim\"", "\"kind\": \"final\"", StringComparison.Ordinal));

        Assert.False(result.IsValid);
        Assert.StartsWith("$.phases[1].kind", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_a_problem()
    {
        var result = FormatJson.Parse("null");

        Assert.False(result.IsValid);
        Assert.Equal(["$: the file is empty."], result.Problems);
    }

    [Fact]
    public void A_missing_required_field_is_a_problem()
    {
        var result = FormatJson.Parse(SeedJson.Replace("\"unitKinds\":", "\"unitKindz\":", StringComparison.Ordinal));

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Contains("unitKinds", StringComparison.Ordinal));
    }

    [Fact]
    public void A_well_formed_but_invalid_format_is_refused_with_its_problems()
    {
        var result = FormatJson.Parse(SeedJson.Replace("\"key\": \"interim\"", "\"key\": \"plan\"", StringComparison.Ordinal));

        Assert.False(result.IsValid);
        Assert.Null(result.Format);
        Assert.Equal(["phases: the key 'plan' appears more than once."], result.Problems);
    }
}
