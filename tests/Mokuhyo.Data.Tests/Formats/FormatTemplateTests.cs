using System.Globalization;
using System.Text.Json.Nodes;
using Mokuhyo.Data.Formats;

namespace Mokuhyo.Data.Tests.Formats;

public sealed class FormatTemplateTests : IDisposable
{
    private readonly CultureInfo previous = CultureInfo.CurrentUICulture;

    public FormatTemplateTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja-JP");

    public void Dispose() => CultureInfo.CurrentUICulture = previous;

    public static TheoryData<string> ShippedTemplates => new(EmbeddedFiles.TemplateKeys());

    [Theory]
    [MemberData(nameof(ShippedTemplates))]
    public void Every_shipped_template_passes_the_schema_and_the_semantic_checks(string key)
    {
        var check = FormatTemplate.Check(EmbeddedFiles.ReadTemplateJson(key));

        Assert.Empty(check.Problems);
        Assert.Equal(key, check.Format!.Key);
    }

    [Fact]
    public void The_repository_ships_the_default_and_at_least_three_examples_beside_the_schema()
    {
        var keys = EmbeddedFiles.TemplateKeys().ToList();

        Assert.Contains("default", keys);
        Assert.True(keys.Count(k => k.StartsWith("example-", StringComparison.Ordinal)) >= 3);
        Assert.Contains("2020-12", FormatTemplate.SchemaJson, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_examples_together_cover_every_kind_of_variation()
    {
        var formats = EmbeddedFiles.TemplateKeys().Select(EmbeddedFiles.ReadTemplate).ToList();

        Assert.Contains(formats, f => f.PlanSections.Any(s => s.Kind == Domain.Formats.PlanSectionKind.Paragraph && !s.SpansYears));
        Assert.Contains(formats, f => f.PlanSections.Any(s => s.SpansYears));
        Assert.Contains(formats, f => f.PlanSections.Any(s => s.Kind == Domain.Formats.PlanSectionKind.Figures));
        Assert.Contains(formats, f => f.PlanSections.Any(s => s.Kind == Domain.Formats.PlanSectionKind.NumberedList));
        Assert.Contains(formats, f => f.PlanSections.Any(s => s.Kind == Domain.Formats.PlanSectionKind.BulletList));
        foreach (var kind in Enum.GetValues<Domain.Formats.GoalFieldKind>())
        {
            Assert.Contains(formats, f => f.GoalFields.Any(g => g.Kind == kind));
        }

        Assert.Contains(formats, f => f.GoalFields.Any(g => g.Required));
        Assert.Contains(formats, f => f.GoalFields.Any(g => g.Outputs is { Count: < 4 }));
        Assert.Contains(formats, f => !f.Phases.Any(p => p.Kind == Domain.Formats.PhaseKind.Interim));
        Assert.Contains(formats, f => f.Phases.Count(p => p.Kind == Domain.Formats.PhaseKind.Interim) >= 2);
        Assert.Contains(formats, f => f.RatingScale.Levels.Count == 2);
        Assert.Contains(formats, f => f.RatingScale.Levels.Count == 3 && f.RatingScale.Mode == Domain.Ratings.RatingMode.Computed);
        Assert.Contains(formats, f => f.RatingScale.Levels.Count == 5);
        Assert.Contains(formats, f => f.RatingScale.Mode == Domain.Ratings.RatingMode.Manual);
        foreach (var kind in new[] { "部", "担当部長", "室", "課", "担当", "センター", "会計管理者", "選挙管理委員会事務局", "監査事務局" })
        {
            Assert.Contains(formats, f => f.UnitKinds.Contains(kind));
        }
    }

    public static TheoryData<string, string, string, string> Invalid => new()
    {
        // what is changed, the JSON path reported, a word of the Japanese message
        { "remove:labels.goalsHeading", "", "$.labels", "goalsHeading" },
        { "set:labels.colour", "\"赤\"", "$.labels.colour", "様式にない項目" },
        { "set:name", "\"\"", "$.name", "空にはできません" },
        { "set:name", "3", "$.name", "型" },
        { "set:key", "\"Default Format\"", "$.key", "書き方" },
        { "set:planSections[0].kind", "\"grid\"", "$.planSections[0].kind", "使える値" },
        { "set:phases", "[]", "$.phases", "項目が足りません" },
        { "set:unitKinds", "[\"課\", \"課\"]", "$.unitKinds", "重複" },
        { "set:ratingScale.levels[1].minRatio", "-1", "$.ratingScale.levels[1].minRatio", "0以上" },
        { "set:ratingScale.levels[1].minRatio", "2", "$.ratingScale.levels[1].minRatio", "しきい値" },
        { "set:ratingScale.levels[1].minRatio", "0.5", "$.ratingScale.levels[1].minRatio", "0 にします" },
        { "set:ratingScale.levels[0].countsAsMet", "false", "$.ratingScale.levels", "達成" },
        { "set:phases[1].key", "\"plan\"", "$.phases", "plan" },
        { "set:phases[0].kind", "\"year-end\"", "$.phases", "期末" },
        { "set:phases[1].kind", "\"plan\"", "$.phases", "目標設定" },
        { "set:phases[2].kind", "\"interim\"", "$.phases", "期末" },
        { "set:phases[2].kind", "\"plan\"", "$.phases[2].kind", "順に並べます" },
        { "set:planSections[1].key", "\"basic-direction\"", "$.planSections", "basic-direction" },
        { "set:goalFields", "[{\"key\":\"issues\",\"label\":\"課題\"},{\"key\":\"issues\",\"label\":\"課題2\"}]", "$.goalFields", "issues" },
        { "set:goalFields", "[{\"key\":\"issues\",\"label\":\"課題\",\"kind\":\"table\"}]", "$.goalFields[0].kind", "使える値" },
        { "set:goalFields", "[{\"key\":\"issues\",\"label\":\"課題\",\"outputs\":[\"word\"]}]", "$.goalFields[0].outputs[0]", "使える値" },
        { "set:goalFields", "[{\"key\":\"issues\",\"label\":\"課題\",\"required\":\"yes\"}]", "$.goalFields[0].required", "型" },
        { "set:planSections[0].kind", "\"figures\"", "$.planSections[0].figures", "数値を一つ以上" },
        { "set:planSections[0].figures", "[{\"key\":\"staff\",\"label\":\"職員数\"}]", "$.planSections[0].figures", "figures の区分にだけ" },
        { "set:planSections[0].maxYears", "3", "$.planSections[0].maxYears", "spansYears" },
        { "set:planSections[0].maxYears", "\"three\"", "$.planSections[0].maxYears", "型" },
        { "set:ratingScale.mode", "\"manual\"", "$.ratingScale.selfRatingField", "rating" },
        { "set:ratingScale.selfRatingField", "\"self\"", "$.ratingScale.mode", "manual" },
        { "set:labels.departmentReportTitle", "\"部の目標\"", "$.labels.departmentReportTitle", "書き方" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_template_is_refused_with_the_field_named_in_Japanese(string change, string value, string path, string word)
    {
        var json = Changed(change, value);

        var check = FormatTemplate.Check(json);

        Assert.False(check.IsValid);
        Assert.Contains(check.Problems, p => p.Path == path && (p.Message.Contains(word, StringComparison.Ordinal) || p.Path.Contains(word, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{ \"key\": ")]
    [InlineData("[1, 2]")]
    public void Text_that_is_not_a_format_object_is_refused_without_an_exception(string json)
    {
        var check = FormatTemplate.Check(json);

        Assert.False(check.IsValid);
        Assert.NotEmpty(check.Problems);
        Assert.All(check.Problems, p => Assert.StartsWith("$", p.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void A_manual_scale_needs_rating_fields_and_its_labels()
    {
        var json = JsonNode.Parse(EmbeddedFiles.ReadTemplateJson("example-self-rating-no-interim"))!;
        json["ratingScale"]!["confirmedRatingField"] = "self-comment";
        json["labels"]!.AsObject().Remove("unconfirmedNote");

        var check = FormatTemplate.Check(json.ToJsonString());

        Assert.Contains(check.Problems, p => p.Path == "$.ratingScale.confirmedRatingField" && p.Message.Contains("self-comment", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p.Path == "$.labels.unconfirmedNote");
    }

    [Fact]
    public void Messages_follow_the_readers_language()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

        var check = FormatTemplate.Check(Changed("set:name", "\"\""));

        Assert.Contains(check.Problems, p => p.Path == "$.name" && p.Message == "Cannot be empty.");
    }

    /// <summary>The default template with one change: "set:a.b[0].c" to a JSON value, or "remove:a.b".</summary>
    private static string Changed(string change, string value)
    {
        var root = JsonNode.Parse(EmbeddedFiles.ReadTemplateJson("default"))!;
        var (verb, path) = (change[..change.IndexOf(':', StringComparison.Ordinal)], change[(change.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        var segments = path.Split('.');
        JsonNode parent = root;
        foreach (var segment in segments[..^1])
        {
            parent = Step(parent, segment);
        }

        var last = segments[^1];
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0)
        {
            parent = parent[last[..bracket]]!;
            var index = int.Parse(last[(bracket + 1)..^1], CultureInfo.InvariantCulture);
            parent.AsArray()[index] = verb == "set" ? JsonNode.Parse(value) : null;
        }
        else if (verb == "remove")
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent[last] = JsonNode.Parse(value);
        }

        return root.ToJsonString();
    }

    private static JsonNode Step(JsonNode node, string segment)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0
            ? node[segment]!
            : node[segment[..bracket]]![int.Parse(segment[(bracket + 1)..^1], CultureInfo.InvariantCulture)]!;
    }
}
