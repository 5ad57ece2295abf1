using System.Globalization;
using System.Text.RegularExpressions;
using Mokuhyo.Documents.OpenData;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Tests.Common;
using static Mokuhyo.Documents.Tests.OpenData.OpenDataFiles;

namespace Mokuhyo.Documents.Tests.OpenData;

/// <summary>The file format of the open data: encoding, line endings, header, and how codes, numbers and dates are written.</summary>
public sealed partial class OpenDataCsvFormatTests(SeedReport seed)
{
    [Theory]
    [MemberData(nameof(DatasetKeys), MemberType = typeof(OpenDataFiles))]
    public async Task File_starts_with_a_BOM_and_is_UTF8(string key)
    {
        var bytes = Write(Dataset(key), await seed.GetAsync());

        Assert.Equal(Bom, bytes[..3]);
        var text = Text(bytes);
        Assert.False(text.StartsWith('\uFEFF'), "a second BOM");
        Assert.Contains("入間市", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DatasetKeys), MemberType = typeof(OpenDataFiles))]
    public async Task Records_end_with_CRLF_and_line_breaks_inside_fields_are_LF(string key)
    {
        var text = Text(Write(Dataset(key), await seed.GetAsync()));

        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var inQuotes = false;
        var recordEnds = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"':
                    inQuotes = !inQuotes;
                    break;
                case '\n' when !inQuotes:
                    Assert.True(i > 0 && text[i - 1] == '\r', $"a bare LF ends a record at {i}");
                    recordEnds++;
                    break;
                case '\r' when inQuotes:
                    Assert.Fail($"a CR inside a field at {i}");
                    break;
            }
        }

        Assert.Equal(Read(Dataset(key), Write(Dataset(key), await seed.GetAsync())).Count + 1, recordEnds);
    }

    [Theory]
    [MemberData(nameof(DatasetKeys), MemberType = typeof(OpenDataFiles))]
    public async Task Header_row_is_the_Japanese_names_of_the_columns_in_order(string key)
    {
        var dataset = Dataset(key);
        var text = Text(Write(dataset, await seed.GetAsync()));

        var header = text[..text.IndexOf("\r\n", StringComparison.Ordinal)];
        Assert.Equal(string.Join(",", dataset.Columns.Select(c => c.JapaneseName)), header);
        Assert.StartsWith("全国地方公共団体コード,都道府県名,市区町村名,年度,年度(和暦),部局コード,部局名,", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_names_are_unique_and_English_names_are_snake_case()
    {
        foreach (var dataset in OpenDataDataset.All)
        {
            Assert.Equal(dataset.Columns.Count, dataset.Columns.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(dataset.Columns.Count, dataset.Columns.Select(c => c.JapaneseName).Distinct(StringComparer.Ordinal).Count());
            Assert.All(dataset.Columns, c => Assert.Matches(SnakeCase(), c.Name));
            Assert.All(dataset.Columns, c => Assert.Equal(-1, c.JapaneseName.IndexOfAny([',', '"', '\r', '\n'])));
        }
    }

    [Theory]
    [MemberData(nameof(DatasetKeys), MemberType = typeof(OpenDataFiles))]
    public async Task Every_row_names_the_municipality_and_the_fiscal_year(string key)
    {
        var records = WriteAndRead(Dataset(key), await seed.GetAsync());

        Assert.NotEmpty(records);
        Assert.All(records, r =>
        {
            Assert.Equal(SeedFacts.MunicipalityCode, r["municipality_code"]);
            Assert.Equal("埼玉県", r["prefecture_name"]);
            Assert.Equal(SeedFacts.Municipality, r["municipality_name"]);
            Assert.Equal(SeedFacts.FiscalYear, r.GetInt32("fiscal_year"));
            Assert.Equal("令和4年度", r["fiscal_year_wareki"]);
            Assert.Equal(SeedFacts.DepartmentCode, r["department_code"]);
            Assert.Equal("市民生活部", r["department_name"]);
            Assert.Equal("期末報告", r["phase_name"]);
        });
    }

    [Theory]
    [MemberData(nameof(DatasetKeys), MemberType = typeof(OpenDataFiles))]
    public async Task Published_date_is_ISO_with_its_wareki_beside_it(string key)
    {
        var report = await seed.GetAsync();
        var records = WriteAndRead(Dataset(key), report);

        var expected = JapanTime.DateOfInstant(report.PublishedAt);
        Assert.All(records, r =>
        {
            Assert.Matches(IsoDate(), r["published_date"]);
            Assert.Equal(expected, r.GetDate("published_date"));
            Assert.Equal(Wareki.FormatDate(expected), r["published_date_wareki"]);
            Assert.Equal(report.Revision, r.GetInt32("revision"));
        });
    }

    [Fact]
    public async Task As_of_dates_are_ISO_with_wareki_and_the_label_as_published()
    {
        var indicators = WriteAndRead(OpenDataDataset.Indicators, await seed.GetAsync());
        var issuance = indicators.Single(r => r.GetInt32("goal_number") == 6 && r.GetInt32("indicator_number") == 1);
        var households = indicators.Single(r => r.GetInt32("goal_number") == 1);

        Assert.Equal("2023-03-31", issuance["actual_as_of"]);
        Assert.Equal("令和5年3月31日", issuance["actual_as_of_wareki"]);
        Assert.Equal("令和5年3月末日現在", issuance["actual_as_of_label"]);
        Assert.Equal("2022-10-01", households["actual_as_of"]);
        Assert.Equal("令和4年10月1日", households["actual_as_of_wareki"]);
        Assert.Equal("令和4年10月1日現在", households["actual_as_of_label"]);
    }

    [Fact]
    public async Task Done_dates_are_ISO_with_their_wareki()
    {
        var indicators = WriteAndRead(OpenDataDataset.Indicators, await seed.GetAsync());
        var ordinance = indicators.Single(r => r.GetInt32("goal_number") == 8);

        Assert.Equal("2022-10-01", ordinance["done_date"]);
        Assert.Equal("令和4年10月1日", ordinance["done_date_wareki"]);
        Assert.Equal("milestone", ordinance["indicator_kind"]);
        Assert.Equal("達成", ordinance["rating_label"]);
    }

    [Fact]
    public async Task A_target_has_its_value_direction_in_words_and_code_note_and_printed_text()
    {
        var indicators = WriteAndRead(OpenDataDataset.Indicators, await seed.GetAsync());
        var issuance = indicators.Single(r => r.GetInt32("goal_number") == 6 && r.GetInt32("indicator_number") == 1);

        Assert.Equal("80", issuance["target_value"]);
        Assert.Equal("以上", issuance["target_direction_name"]);
        Assert.Equal("at-least", issuance["target_direction"]);
        Assert.Equal("対人口比", issuance["target_note"]);
        Assert.Equal("80%以上(対人口比)", issuance["target_text"]);
        Assert.Equal("%", issuance["unit"]);
        Assert.Equal("65.85%", issuance["actual_text"]);
        Assert.Equal("82.3", issuance["ratio_percent"]);
        Assert.Equal("82.3%", issuance["ratio_text"]);
        Assert.Equal("not-met", issuance["rating_outcome"]);
        Assert.Equal("数値目標", issuance["indicator_kind_name"]);
    }

    [Fact]
    public async Task Goal_rows_carry_the_goal_rating_and_its_ratio()
    {
        var goals = WriteAndRead(OpenDataDataset.Goals, await seed.GetAsync());
        var goal4 = goals.Single(r => r.GetInt32("goal_number") == 4);
        var goal1 = goals.Single(r => r.GetInt32("goal_number") == 1);

        Assert.Equal("88.1", goal4["ratio_percent"]);
        Assert.Equal(88.1m, goal4.GetDecimal("ratio_percent"));
        Assert.Equal("88.1%", goal4["ratio_text"]);
        Assert.Equal("not-met", goal4["rating_outcome"]);
        Assert.Equal("評価対象外", goal1["rating_label"]);
        Assert.Equal("not-rated", goal1["rating_outcome"]);
        Assert.Equal("", goal1["ratio_percent"]);
        Assert.NotEqual("", goal1["not_rated_reason"]);
    }

    [Theory]
    [MemberData(nameof(DatasetKeys), MemberType = typeof(OpenDataFiles))]
    public async Task Numeric_columns_hold_invariant_numbers_without_grouping(string key)
    {
        var dataset = Dataset(key);
        var records = WriteAndRead(dataset, await seed.GetAsync());

        foreach (var column in dataset.Columns.Where(c => c.Type is OpenDataColumnType.Number or OpenDataColumnType.WholeNumber))
        {
            Assert.All(records, r =>
            {
                Assert.Matches(PlainNumber(), r[column.Name]);
                _ = r.GetDecimal(column.Name);
            });
        }
    }

    [Theory]
    [MemberData(nameof(DatasetKeys), MemberType = typeof(OpenDataFiles))]
    public async Task Bytes_do_not_depend_on_the_current_culture(string key)
    {
        var dataset = Dataset(key);
        var report = await seed.GetAsync();
        var invariant = Write(dataset, report);

        foreach (var name in new[] { "de-DE", "ja-JP", "ar-SA", "fr-FR" })
        {
            var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
                Assert.Equal(invariant, Write(dataset, report));
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
            }
        }
    }

    [GeneratedRegex("^[a-z]+(_[a-z]+)*$")]
    private static partial Regex SnakeCase();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(-?\d+(\.\d+)?)?$")]
    private static partial Regex PlainNumber();
}
