using System.Text.Json;
using Mokuhyo.Data.DemoData;
using Mokuhyo.Data.Tests.TestSupport;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Data.Tests;

/// <summary>What <see cref="DepartmentFileLoader.Validate"/> and <see cref="DepartmentFileLoader.Parse"/> find wrong, before anything is written.</summary>
public class DepartmentFileValidationTests
{
    [Fact]
    public void The_shipped_demo_file_has_no_problems()
    {
        Assert.Empty(DepartmentFileLoader.Validate(DemoFile.Parse()));
        Assert.Empty(DepartmentFileLoader.Validate(SmallFile.Create()));
    }

    [Theory]
    [InlineData("bad-check-digit", "municipality.code: '112258'")]
    [InlineData("bad-slug", "municipality.slug: 'Iruma City'")]
    [InlineData("unknown-unit-kind", "units[0].children[1].children[0].kind: '局'")]
    [InlineData("duplicated-unit-code", "units[0].children[4].code: 'chiiki-shinko'")]
    [InlineData("unknown-lead-unit", "departments[0].goals[3]: no unit 'danjo-kyodo'")]
    [InlineData("unknown-publish-phase", "publish: 'final'")]
    [InlineData("duplicated-goal-numbers", "departments[0].goals: number 5 appears more than once")]
    [InlineData("unknown-plan-section", "departments[0].plan: 'vision'")]
    public void Each_problem_is_reported_naming_its_field(string mistake, string expected)
    {
        var problems = DepartmentFileLoader.Validate(WithMistake(DemoFile.Parse(), mistake));

        var problem = Assert.Single(problems);
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad-check-digit", "municipality.code")]
    [InlineData("bad-slug", "municipality.slug")]
    [InlineData("unknown-unit-kind", "units[0].children[1].children[0].kind")]
    [InlineData("duplicated-unit-code", "units[0].children[4].code")]
    [InlineData("unknown-lead-unit", "departments[0].goals[3]")]
    [InlineData("unknown-publish-phase", "publish")]
    [InlineData("duplicated-goal-numbers", "departments[0].goals")]
    [InlineData("unknown-plan-section", "departments[0].plan")]
    public void Parse_refuses_a_file_with_a_problem_naming_the_file_and_the_field(string mistake, string field)
    {
        var json = JsonSerializer.Serialize(WithMistake(DemoFile.Parse(), mistake), ReportJson.Options);

        var ex = Assert.Throws<InvalidDataException>(() => DepartmentFileLoader.Parse("broken.json", json));

        Assert.StartsWith("broken.json: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(field + ":", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_lists_every_problem_of_a_file_at_once()
    {
        var file = DemoFile.Parse();
        foreach (var mistake in Mistakes)
        {
            file = WithMistake(file, mistake);
        }

        var json = JsonSerializer.Serialize(file, ReportJson.Options);
        Assert.Equal(Mistakes.Length, DepartmentFileLoader.Validate(file).Count);

        var ex = Assert.Throws<InvalidDataException>(() => DepartmentFileLoader.Parse("broken.json", json));
        foreach (var field in new[]
                 {
                     "municipality.code:", "municipality.slug:", "units[0].children[1].children[0].kind:", "units[0].children[4].code:",
                     "departments[0].goals[3]:", "publish:", "departments[0].goals:", "departments[0].plan:",
                 })
        {
            Assert.Contains(field, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_demo_file_written_back_as_json_parses_to_the_same_content()
    {
        var file = DemoFile.Parse();

        var again = DepartmentFileLoader.Parse("again.json", JsonSerializer.Serialize(file, ReportJson.Options));

        Assert.Equal(JsonSerializer.Serialize(file, ReportJson.Options), JsonSerializer.Serialize(again, ReportJson.Options));
    }

    [Fact]
    public void Goal_numbers_repeated_across_two_entries_of_one_department_are_a_problem()
    {
        // Both entries write goals into the same department, whose goal numbers are unique in the database:
        // loading this file fails with a unique-index violation unless validation refuses it first.
        var demo = DemoFile.Parse();
        var again = demo.Departments[0] with { Plan = new Dictionary<string, IReadOnlyList<string>>(), Goals = [demo.Departments[0].Goals[0]] };
        var file = demo with { Departments = [demo.Departments[0], again] };

        var problems = DepartmentFileLoader.Validate(file);

        Assert.Contains(problems, p => p.StartsWith("departments[1]", StringComparison.Ordinal));
    }

    private static readonly string[] Mistakes =
    [
        "bad-check-digit", "bad-slug", "unknown-unit-kind", "duplicated-unit-code",
        "unknown-lead-unit", "unknown-publish-phase", "duplicated-goal-numbers", "unknown-plan-section",
    ];

    /// <summary>The demo file with one mistake made in it; each touches a different part, so they combine.</summary>
    private static DepartmentFile WithMistake(DepartmentFile file, string mistake)
    {
        var department = file.Departments[0];
        var root = file.Units[0];
        return mistake switch
        {
            // 11225 has the check digit 9 (112259); 8 is wrong.
            "bad-check-digit" => file with { Municipality = file.Municipality with { Code = "112258" } },
            "bad-slug" => file with { Municipality = file.Municipality with { Slug = "Iruma City" } },
            "unknown-unit-kind" => WithRoot(file, root with
            {
                Children = [.. root.Children.Select((c, i) => i == 1 ? c with { Children = [c.Children[0] with { Kind = "局" }, .. c.Children.Skip(1)] } : c)],
            }),
            "duplicated-unit-code" => WithRoot(file, root with
            {
                Children = [.. root.Children, new UnitEntry { Code = "chiiki-shinko", Name = "地域振興課", Kind = "課" }],
            }),
            "unknown-lead-unit" => WithDepartment(file, department with
            {
                Goals = [.. department.Goals.Select((g, i) => i == 3 ? g with { Lead = "danjo-kyodo" } : g)],
            }),
            "unknown-publish-phase" => file with { Publish = ["year-end", "final"] },
            "duplicated-goal-numbers" => WithDepartment(file, department with
            {
                Goals = [.. department.Goals.Select(g => g.Number == 6 ? g with { Number = 5 } : g)],
            }),
            "unknown-plan-section" => WithDepartment(file, department with
            {
                Plan = new Dictionary<string, IReadOnlyList<string>>(department.Plan) { ["vision"] = ["入間市の将来像"] },
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(mistake), mistake, "Unknown mistake."),
        };
    }

    private static DepartmentFile WithRoot(DepartmentFile file, UnitEntry root) => file with { Units = [root, .. file.Units.Skip(1)] };

    private static DepartmentFile WithDepartment(DepartmentFile file, DepartmentEntry department) =>
        file with { Departments = [department, .. file.Departments.Skip(1)] };
}
