using Mokuhyo.Data;
using Mokuhyo.Documents.OpenData;
using Mokuhyo.Domain.Calendar;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Reports;
using Mokuhyo.Tests.Common;
using static Mokuhyo.Documents.Tests.OpenData.OpenDataFiles;

namespace Mokuhyo.Documents.Tests.OpenData;

/// <summary>What goes into the files comes back out exactly: the view model's values, awkward text, and the order of departments.</summary>
public sealed class OpenDataRoundTripTests(SeedReport seed)
{
    [Fact]
    public async Task Goal_rows_read_back_as_the_view_model_has_them()
    {
        var report = await seed.GetAsync();
        var rows = WriteAndRead(OpenDataDataset.Goals, report);

        var goals = report.Goals.ToList();
        Assert.Equal(goals.Count, rows.Count);
        foreach (var (goal, row) in goals.Zip(rows))
        {
            Assert.Equal(goal.Number, row.GetInt32("goal_number"));
            Assert.Equal(goal.Title, row["goal_title"]);
            Assert.Equal(goal.LeadUnit.Code, row["lead_unit_code"]);
            Assert.Equal(goal.CoUnits.Select(u => u.Code), row.GetLines("co_unit_codes"));
            Assert.Equal(goal.CoUnits.Select(u => u.Name), row.GetLines("co_unit_names"));
            Assert.Equal(goal.PlanReferences, row.GetLines("plan_references"));
            Assert.Equal(goal.Body, row.GetLines("goal_body"));
            Assert.Equal(goal.PlannedActions, row.GetLines("planned_actions"));
            Assert.Equal(report.Labels.GoalsHeading, row["goal_heading"]);
            Assert.Equal(report.Labels.ResultsHeading, row["result_heading"]);
            Assert.Equal(goal.Rating.Label, row["rating_label"]);
            Assert.Equal(goal.Rating.Outcome, row["rating_outcome"]);
            Assert.Equal(goal.Rating.LevelKey ?? "", row["rating_level_key"]);
            Assert.Equal(goal.Rating.NotRatedReason ?? "", row["not_rated_reason"]);
            Assert.Equal(goal.Rating.RatioPercent, row.GetDecimal("ratio_percent"));
            Assert.Equal(goal.Rating.RatioText ?? "", row["ratio_text"]);
            Assert.Equal(report.Phase.Key, row["phase_key"]);
        }
    }

    [Fact]
    public async Task Indicator_rows_read_back_as_the_view_model_has_them()
    {
        var report = await seed.GetAsync();
        var rows = WriteAndRead(OpenDataDataset.Indicators, report);

        var indicators = report.Goals.SelectMany(g => g.Indicators.Select((indicator, i) => (Goal: g, Number: i + 1, Indicator: indicator))).ToList();
        Assert.Equal(indicators.Count, rows.Count);
        foreach (var ((goal, number, indicator), row) in indicators.Zip(rows))
        {
            Assert.Equal(goal.Number, row.GetInt32("goal_number"));
            Assert.Equal(goal.Title, row["goal_title"]);
            Assert.Equal(number, row.GetInt32("indicator_number"));
            Assert.Equal(indicator.Name, row["indicator_name"]);
            Assert.Equal(indicator.Kind, row["indicator_kind"]);
            Assert.Equal(indicator.Unit ?? "", row["unit"]);
            Assert.Equal(indicator.Baseline?.Value, row.GetDecimal("baseline_value"));
            Assert.Equal(indicator.Baseline?.AsOf?.Date, row.GetDate("baseline_as_of"));
            Assert.Equal(indicator.Target?.Value, row.GetDecimal("target_value"));
            Assert.Equal(indicator.Target?.Direction ?? "", row["target_direction"]);
            Assert.Equal(indicator.Target?.Note ?? "", row["target_note"]);
            Assert.Equal(indicator.Target?.Text ?? "", row["target_text"]);
            Assert.Equal(indicator.Due?.Date, row.GetDate("due_date"));
            Assert.Equal(indicator.Actual?.Value, row.GetDecimal("actual_value"));
            Assert.Equal(indicator.Actual?.Text ?? "", row["actual_text"]);
            Assert.Equal(indicator.Actual?.AsOf?.Date, row.GetDate("actual_as_of"));
            Assert.Equal(indicator.Actual?.AsOf?.Label ?? "", row["actual_as_of_label"]);
            Assert.Equal(indicator.Done?.Date, row.GetDate("done_date"));
            Assert.Equal(indicator.Rating.Label, row["rating_label"]);
            Assert.Equal(indicator.Rating.Outcome, row["rating_outcome"]);
            Assert.Equal(indicator.Rating.RatioPercent, row.GetDecimal("ratio_percent"));
        }
    }

    [Fact]
    public async Task Plan_rows_are_the_composition_responsibilities_organization_and_plan_sections_in_order()
    {
        var report = await seed.GetAsync();
        var rows = WriteAndRead(OpenDataDataset.Plans, report);

        var department = report.Department;
        Assert.All(rows, r => Assert.Equal("市民生活部長", r["head_title"]));
        Assert.All(rows, r => Assert.Equal("関谷 佳代子", r["head_name"]));
        var sections = rows.Select(r => r["section_key"]).Distinct().ToList();
        Assert.Equal(["composition", "responsibilities", "organization", "basic-direction", "priority-policy"], sections);

        var composition = Assert.Single(rows, r => r["section_key"] == "composition");
        Assert.Equal(department.CompositionNote, composition["item_text"]);
        Assert.Equal("構成", composition["section_title"]);

        var responsibilities = rows.Where(r => r["section_key"] == "responsibilities").ToList();
        Assert.Equal(department.Responsibilities, responsibilities.Select(r => r["item_text"]));
        Assert.Equal(Enumerable.Range(1, 7), responsibilities.Select(r => r.GetInt32("item_number")!.Value));
        Assert.All(responsibilities, r => Assert.Equal("所管事務", r["section_title"]));

        var organization = rows.Where(r => r["section_key"] == "organization")
            .Select(r => (r["unit_code"], r["parent_unit_code"], r["item_text"], r["unit_kind"], r["unit_note"])).ToList();
        Assert.Equal(
        [
            ("chiiki-shinko", "shimin-seikatsu", "地域振興課", "課", ""),
            ("jinken-suishin", "shimin-seikatsu", "人権推進課", "課", ""),
            ("danjo-kyodo-sankaku-center", "jinken-suishin", "男女共同参画推進センター", "センター", ""),
            ("shohi-seikatsu-center", "jinken-suishin", "消費生活センター", "センター", ""),
            ("shimin", "shimin-seikatsu", "市民課", "課", "5支所"),
            ("kotsu-bohan", "shimin-seikatsu", "交通防犯課", "課", ""),
        ], organization);

        foreach (var section in report.PlanSections)
        {
            var items = rows.Where(r => r["section_key"] == section.Key).ToList();
            Assert.Equal(section.Items.Select(i => (i.Number, i.Text)), items.Select(r => (r.GetInt32("item_number")!.Value, r["item_text"])));
            Assert.All(items, r => Assert.Equal(section.Title, r["section_title"]));
            Assert.All(items, r => Assert.Equal(section.Kind, r["section_kind"]));
        }
    }

    [Fact]
    public async Task Result_text_is_paragraphs_then_bracketed_list_headings_and_marked_items_one_a_line()
    {
        var goals = WriteAndRead(OpenDataDataset.Goals, await seed.GetAsync());
        var goal4 = goals.Single(r => r.GetInt32("goal_number") == 4);

        Assert.Equal(
            "男女共同参画社会の実現に向け、各種講座を実施しました。全講演会の定員数に対する参加者数の割合は61.7%でした。\n"
            + "【実施した講座】\n"
            + "・男女共同参画セミナー(性教育講座)\n"
            + "・魅力アップセミナー\n"
            + "・男女共同参画トークショー\n"
            + "・女性活躍セミナー\n"
            + "・女性応援講座(アサーショントレーニング)",
            goal4["result_text"]);
    }

    [Fact]
    public async Task A_goal_without_a_result_in_the_phase_has_an_empty_result()
    {
        var report = await seed.GetAsync();
        var first = report.GoalGroups[0];
        var edited = report with
        {
            GoalGroups = [first with { Goals = [first.Goals[0] with { Result = null }, .. first.Goals.Skip(1)] }, .. report.GoalGroups.Skip(1)],
        };

        var goals = WriteAndRead(OpenDataDataset.Goals, edited);

        Assert.Equal("", goals[0]["result_text"]);
        Assert.NotEqual("", goals[1]["result_text"]);
    }

    [Fact]
    public async Task Line_breaks_quotes_and_commas_inside_a_field_survive()
    {
        var report = await seed.GetAsync();
        const string title = "\"引用\"と, カンマ\n改行";
        string[] body = ["一段落目, \"二重引用符\"\r\nCRLF入り", "二段落目"];
        var edited = EditFirstGoal(report, g => g with { Title = title, Body = body });

        var bytes = Write(OpenDataDataset.Goals, edited);
        var row = Read(OpenDataDataset.Goals, bytes)[0];

        Assert.Equal(title, row["goal_title"]);
        Assert.Equal(string.Join("\n", body), row["goal_body"]);
        Assert.Contains("\"\"\"引用\"\"と, カンマ\n改行\"", Text(bytes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"https://example.com\")")]
    [InlineData("+81-4-2964-1111")]
    [InlineData("-5℃の朝")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\t字下げ")]
    [InlineData("\r先頭のCR")]
    [InlineData("'引用符で始まる")]
    public async Task Text_that_a_spreadsheet_would_run_gets_an_apostrophe_and_reads_back_exactly(string title)
    {
        var edited = EditFirstGoal(await seed.GetAsync(), g => g with { Title = title });

        var bytes = Write(OpenDataDataset.Goals, edited);

        Assert.Contains(",\"'" + title.Replace("\"", "\"\"", StringComparison.Ordinal), Text(bytes), StringComparison.Ordinal);
        Assert.Equal(title, Read(OpenDataDataset.Goals, bytes)[0]["goal_title"]);
    }

    [Fact]
    public async Task Text_that_only_contains_a_formula_character_later_is_left_alone()
    {
        var edited = EditFirstGoal(await seed.GetAsync(), g => g with { Title = "目標=達成 +α" });

        var bytes = Write(OpenDataDataset.Goals, edited);

        Assert.Contains(",目標=達成 +α,", Text(bytes), StringComparison.Ordinal);
        Assert.Equal("目標=達成 +α", Read(OpenDataDataset.Goals, bytes)[0]["goal_title"]);
    }

    [Fact]
    public async Task Numeric_columns_are_never_prefixed_even_when_negative()
    {
        var report = await seed.GetAsync();
        var edited = EditFirstGoal(report, g => g with
        {
            Indicators = [g.Indicators[0] with { Baseline = new ReportValue(-5m, "-5℃", null) }],
        });

        var bytes = Write(OpenDataDataset.Indicators, edited);
        var row = Read(OpenDataDataset.Indicators, bytes)[0];

        Assert.Contains(",-5,\"'-5℃\",", Text(bytes), StringComparison.Ordinal);
        Assert.Equal(-5m, row.GetDecimal("baseline_value"));
        Assert.Equal("-5℃", row["baseline_text"]);
    }

    [Theory]
    [MemberData(nameof(DatasetKeys), MemberType = typeof(OpenDataFiles))]
    public async Task A_year_of_several_departments_keeps_the_order_given(string key)
    {
        var seedReport = await seed.GetAsync();
        string[] order = ["zaimu", SeedFacts.DepartmentCode, "kodomo-mirai"];
        var reports = new[]
        {
            AsDepartment(seedReport, "zaimu", "財務部"),
            seedReport,
            AsDepartment(seedReport, "kodomo-mirai", "こども未来部"),
        };

        var rows = WriteAndRead(Dataset(key), reports);

        var departments = rows.Select(r => r["department_code"]).ToList();
        Assert.Equal(order, departments.Distinct());
        Assert.Equal(3 * WriteAndRead(Dataset(key), seedReport).Count, rows.Count);
        Assert.Equal(departments.Distinct().SelectMany(code => departments.Where(d => d == code)), departments);
        Assert.Equal(["財務部", "市民生活部", "こども未来部"], rows.Select(r => r["department_name"]).Distinct());
    }

    [Theory]
    [MemberData(nameof(DatasetKeys), MemberType = typeof(OpenDataFiles))]
    public void A_year_with_nothing_published_is_a_header_alone(string key)
    {
        var dataset = Dataset(key);

        var bytes = Write(dataset);

        Assert.Equal(string.Join(",", dataset.Columns.Select(c => c.JapaneseName)) + "\r\n", Text(bytes));
        Assert.Empty(Read(dataset, bytes));
    }

    [Fact]
    public async Task Writing_refuses_a_report_of_another_municipality_or_another_year()
    {
        var report = await seed.GetAsync();
        var other = report with { Municipality = report.Municipality with { Code = "131016" } };
        var nextYear = report with { FiscalYear = 2023, FiscalYearLabel = "令和5年度" };

        Assert.Throws<ArgumentException>(() => Write(OpenDataDataset.Goals, other));
        Assert.Throws<ArgumentException>(() => Write(OpenDataDataset.Goals, report, nextYear));
    }

    [Theory]
    [MemberData(nameof(DatasetKeys), MemberType = typeof(OpenDataFiles))]
    public async Task The_reader_accepts_a_file_without_a_BOM(string key)
    {
        var dataset = Dataset(key);
        var bytes = Write(dataset, await seed.GetAsync());

        var withBom = Read(dataset, bytes);
        var withoutBom = Read(dataset, bytes[Bom.Length..]);

        Assert.Equal(withBom.Select(r => r.Values), withoutBom.Select(r => r.Values));
        Assert.Equal(SeedFacts.MunicipalityCode, withoutBom[0]["municipality_code"]);
    }

    [Fact]
    public async Task The_reader_refuses_a_file_of_another_dataset()
    {
        var bytes = Write(OpenDataDataset.Indicators, await seed.GetAsync());

        var error = Assert.Throws<InvalidDataException>(() => Read(OpenDataDataset.Goals, bytes));
        Assert.Contains("goals.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_async_writer_writes_the_same_bytes_without_a_synchronous_write()
    {
        var report = await seed.GetAsync();
        foreach (var dataset in OpenDataDataset.All)
        {
            await using var stream = new AsyncOnlyStream();
            await OpenDataCsvWriter.WriteAsync(dataset, SeedContext, [report, AsDepartment(report, "zaimu", "財務部")], stream,
                TestContext.Current.CancellationToken);

            Assert.Equal(Write(dataset, report, AsDepartment(report, "zaimu", "財務部")), stream.ToArray());
        }
    }

    [Fact]
    public async Task The_named_writers_write_their_dataset()
    {
        var report = await seed.GetAsync();
        var writers = new (OpenDataDataset Dataset, Action<OpenDataContext, IReadOnlyList<DepartmentReport>, Stream> Write)[]
        {
            (OpenDataDataset.Goals, OpenDataCsvWriter.WriteGoals),
            (OpenDataDataset.Indicators, OpenDataCsvWriter.WriteIndicators),
            (OpenDataDataset.Plans, OpenDataCsvWriter.WritePlans),
        };

        foreach (var (dataset, write) in writers)
        {
            using var stream = new MemoryStream();
            write(SeedContext, [report], stream);
            Assert.Equal(Write(dataset, report), stream.ToArray());
        }
    }

    [Fact]
    public void Datasets_are_found_by_key_or_file_name_and_named_for_download()
    {
        Assert.True(OpenDataDataset.TryFind("indicators.csv", out var byFile));
        Assert.Same(OpenDataDataset.Indicators, byFile);
        Assert.True(OpenDataDataset.TryFind("plans", out var byKey));
        Assert.Same(OpenDataDataset.Plans, byKey);
        Assert.False(OpenDataDataset.TryFind("Goals.csv", out _));
        Assert.Equal("112259_2022_goals.csv", OpenDataDataset.Goals.DownloadFileName(SeedContext, new FiscalYear(2022)));
        Assert.Equal(["組織目標", "組織目標の指標", "部局の構成と計画", "様式の項目"], OpenDataDataset.All.Select(d => d.Title));
        Assert.All(OpenDataDataset.All, d => Assert.NotEmpty(d.Description));
    }

    [Fact]
    public void The_context_of_a_catalog_municipality_carries_its_code_and_licence()
    {
        var municipality = new PublicMunicipality("112259", "iruma", "入間市", "Iruma City", "埼玉県",
            Municipality.DefaultLicenceName, Municipality.DefaultLicenceUrl, [new FiscalYear(2022)]);

        var context = OpenDataContext.For(municipality);

        Assert.Equal("112259", context.MunicipalityCode.Value);
        Assert.Equal("埼玉県", context.PrefectureName);
        Assert.Equal("公共データ利用規約(第1.0版)(PDL1.0)", context.LicenceName);
        Assert.Throws<FormatException>(() => OpenDataContext.For(municipality with { Code = "112250" }));
    }

    private static DepartmentReport EditFirstGoal(DepartmentReport report, Func<ReportGoal, ReportGoal> edit)
    {
        var first = report.GoalGroups[0];
        return report with
        {
            GoalGroups = [first with { Goals = [edit(first.Goals[0]), .. first.Goals.Skip(1)] }, .. report.GoalGroups.Skip(1)],
        };
    }
}
