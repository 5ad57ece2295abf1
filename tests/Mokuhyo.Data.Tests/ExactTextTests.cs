using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Data.DemoData;
using Mokuhyo.Data.Tests.TestSupport;
using Mokuhyo.Domain.Calendar;

namespace Mokuhyo.Data.Tests;

public class ExactTextTests
{
    // 𠮷 (U+20BB7, outside the BMP: a surrogate pair), 髙 (U+9AD9), 﨑 (U+FA11, a compatibility-block ideograph),
    // か + combining dakuten (NFC would make it が), the right-to-left mark, an emoji, a ZWJ family, and 葛 with an
    // ideographic variation selector (U+E0100).
    private const string Yoshi = "\U00020BB7";
    private const string Taka = "\u9AD9";
    private const string Saki = "\uFA11";
    private const string KaWithCombiningDakuten = "\u304B\u3099";
    private const string RightToLeftMark = "\u200F";
    private const string Smile = "\U0001F600";
    private const string Family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
    private const string KuzuWithVariationSelector = "\u845B\U000E0100";

    private const string MunicipalityName = Yoshi + "田" + Taka + Saki + "町";
    private const string DepartmentName = KaWithCombiningDakuten + "ん" + RightToLeftMark + "部" + Smile;
    private const string DivisionName = KuzuWithVariationSelector + "飾" + Family + "課";
    private const string GoalTitle = Yoshi + Taka + Saki + KaWithCombiningDakuten + RightToLeftMark + Smile + Family + KuzuWithVariationSelector + "の目標";

    [Fact]
    public void The_test_strings_are_what_they_claim_to_be()
    {
        Assert.Equal(2, Yoshi.Length);
        Assert.True(char.IsSurrogatePair(Yoshi, 0));
        Assert.NotEqual(KaWithCombiningDakuten, KaWithCombiningDakuten.Normalize(NormalizationForm.FormC));
        Assert.NotEqual(GoalTitle, GoalTitle.Normalize(NormalizationForm.FormC));
        Assert.NotEqual(GoalTitle, GoalTitle.Normalize(NormalizationForm.FormKC));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Names_round_trip_code_unit_for_code_unit_without_normalisation(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var file = SmallFile.Create(MunicipalityName, DepartmentName, DivisionName, GoalTitle, body: [GoalTitle, DivisionName]);
        Assert.Empty(DepartmentFileLoader.Validate(file));
        await using (var db = database.NewContext())
        {
            Assert.True(await new DataServices(db).Loader.LoadAsync(file, ct));
        }

        await using var read = database.NewContext();
        AssertExact(MunicipalityName, (await read.Municipalities.SingleAsync(ct)).Name);
        AssertExact(DepartmentName, (await read.OrgUnits.SingleAsync(u => u.Code == SmallFile.DepartmentCode, ct)).Name);
        AssertExact(DivisionName, (await read.OrgUnits.SingleAsync(u => u.Code == SmallFile.DivisionCode, ct)).Name);
        var goal = await read.Goals.SingleAsync(ct);
        AssertExact(GoalTitle, goal.Title);
        Assert.Equal(2, goal.Body.Count);
        AssertExact(GoalTitle, goal.Body[0]);
        AssertExact(DivisionName, goal.Body[1]);

        // What the server holds, byte for byte, not only what the client reads back.
        Assert.Equal(Utf8Hex(MunicipalityName), await StoredUtf8HexAsync(read, "Municipalities", "Name", "Slug", SmallFile.Slug));
        Assert.Equal(Utf8Hex(DepartmentName), await StoredUtf8HexAsync(read, "OrgUnits", "Name", "Code", SmallFile.DepartmentCode));
        Assert.Equal(Utf8Hex(DivisionName), await StoredUtf8HexAsync(read, "OrgUnits", "Name", "Code", SmallFile.DivisionCode));
        Assert.Equal(Utf8Hex(GoalTitle), await StoredUtf8HexAsync(read, "Goals", "Title", "Number", 1));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Lookups_match_the_exact_characters_and_not_a_normalised_form(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            Assert.True(await new DataServices(db).Loader.LoadAsync(SmallFile.Create(MunicipalityName, DepartmentName, DivisionName, GoalTitle), ct));
        }

        await using var read = database.NewContext();
        Assert.Equal(1, await read.Municipalities.CountAsync(m => m.Name == MunicipalityName, ct));
        Assert.Equal(1, await read.OrgUnits.CountAsync(u => u.Name == DepartmentName, ct));
        Assert.Equal(1, await read.Goals.CountAsync(g => g.Title == GoalTitle, ct));
        var nfc = GoalTitle.Normalize(NormalizationForm.FormC);
        var nfkc = DepartmentName.Normalize(NormalizationForm.FormKC);
        Assert.Equal(0, await read.Goals.CountAsync(g => g.Title == nfc, ct));
        Assert.Equal(0, await read.OrgUnits.CountAsync(u => u.Name == nfkc, ct));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_published_report_carries_the_exact_characters(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            Assert.True(await new DataServices(db).Loader.LoadAsync(SmallFile.Create(MunicipalityName, DepartmentName, DivisionName, GoalTitle), ct));
        }

        await using var read = database.NewContext();
        var report = await new DataServices(read).Catalog.FindReportAsync(SmallFile.Slug, new FiscalYear(2022), SmallFile.DepartmentCode, cancellationToken: ct);

        Assert.NotNull(report);
        AssertExact(MunicipalityName, report.Municipality.Name);
        AssertExact(DepartmentName, report.Department.Name);
        AssertExact(DivisionName, Assert.Single(report.Department.Children).Name);
        var goal = Assert.Single(report.Goals);
        AssertExact(GoalTitle, goal.Title);
        AssertExact(DivisionName, goal.LeadUnit.Name);
        AssertExact(MunicipalityName, (await new DataServices(read).Catalog.FindYearAsync(SmallFile.Slug, new FiscalYear(2022), ct))!.MunicipalityName);
    }

    private static void AssertExact(string expected, string actual)
    {
        Assert.True(string.Equals(expected, actual, StringComparison.Ordinal),
            $"Expected {Escape(expected)} but the database gave {Escape(actual)}.");
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
    }

    private static string Escape(string text) => string.Concat(text.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture)).Select(h => "\\u" + h));

    private static string Utf8Hex(string text) => Convert.ToHexString(Encoding.UTF8.GetBytes(text));

    /// <summary>The UTF-8 bytes of a stored text value as the server sees them, in upper-case hex.</summary>
    private static async Task<string> StoredUtf8HexAsync(MokuhyoDbContext db, string table, string column, string keyColumn, object key)
    {
        var sql = db.Database.IsNpgsql()
            ? $"SELECT upper(encode(convert_to(\"{column}\", 'UTF8'), 'hex')) AS \"Value\" FROM \"{table}\" WHERE \"{keyColumn}\" = {{0}}"
            : $"SELECT hex(CAST(\"{column}\" AS BLOB)) AS \"Value\" FROM \"{table}\" WHERE \"{keyColumn}\" = {{0}}";
        return await db.Database.SqlQueryRaw<string>(sql, key).SingleAsync(TestContext.Current.CancellationToken);
    }
}
