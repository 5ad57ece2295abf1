using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data.DemoData;
using Mokuhyo.Data.Tests.TestSupport;
using Mokuhyo.Domain.Text;

namespace Mokuhyo.Data.Tests;

/// <summary>
/// Validation and the database must agree on what fits: a file that <see cref="DepartmentFileLoader.Validate"/>
/// accepts is stored whole on both providers, and what a column cannot hold is a problem naming its field.
/// </summary>
public class TextLimitTests
{
    // 葛 with an ideographic variation selector (U+845B U+E0100), as person and place names are written:
    // one character to a reader (one text element), two code points, three UTF-16 units.
    private const string KuzuWithVariationSelector = "\u845B\U000E0100";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "goal-title")]
    [InlineData(DatabaseProvider.Sqlite, "unit-name")]
    [InlineData(DatabaseProvider.Postgres, "goal-title")]
    [InlineData(DatabaseProvider.Postgres, "unit-name")]
    public async Task Text_at_its_limit_in_characters_that_validation_accepts_is_stored(DatabaseProvider provider, string field)
    {
        var ct = TestContext.Current.CancellationToken;
        var limit = field == "goal-title" ? TextLimits.Title : TextLimits.Name;
        var text = string.Concat(Enumerable.Repeat(KuzuWithVariationSelector, limit));
        Assert.Equal(limit, TextRules.Length(text));
        var file = field == "goal-title" ? SmallFile.Create(goalTitle: text) : SmallFile.Create(divisionName: text);
        Assert.Empty(DepartmentFileLoader.Validate(file));
        await using var database = await TestDatabase.CreateAsync(provider);

        await using (var db = database.NewContext())
        {
            Assert.True(await new DataServices(db).Loader.LoadAsync(file, ct));
        }

        await using var read = database.NewContext();
        var stored = field == "goal-title"
            ? (await read.Goals.SingleAsync(ct)).Title
            : (await read.OrgUnits.SingleAsync(u => u.Code == SmallFile.DivisionCode, ct)).Name;
        Assert.Equal(text, stored);
    }

    [Theory]
    [InlineData("municipality.name")]
    [InlineData("units[0].headName")]
    [InlineData("departments[0].goals[0].indicators[0].unit")]
    [InlineData("departments[0].plan")]
    public void Text_longer_than_its_column_is_a_problem_naming_the_field(string field)
    {
        var file = SmallFile.Create();
        var department = file.Departments[0];
        var goal = department.Goals[0];
        file = field switch
        {
            "municipality.name" => file with { Municipality = file.Municipality with { Name = new string('町', TextLimits.Name + 1) } },
            "units[0].headName" => file with { Units = [file.Units[0] with { HeadName = new string('名', TextLimits.Name + 1) }] },
            "departments[0].goals[0].indicators[0].unit" => file with
            {
                Departments = [department with { Goals = [goal with { Indicators = [goal.Indicators[0] with { Unit = new string('件', TextLimits.Unit + 1) }] }] }],
            },
            _ => file with
            {
                Departments = [department with { Plan = new Dictionary<string, IReadOnlyList<string>> { ["basic-direction"] = [new string('文', TextLimits.Paragraph + 1)] } }],
            },
        };

        var problems = DepartmentFileLoader.Validate(file);

        Assert.Contains(problems, p => p.StartsWith(field, StringComparison.Ordinal));
    }
}
