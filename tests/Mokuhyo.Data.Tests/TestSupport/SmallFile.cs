using Mokuhyo.Data.DemoData;
using Mokuhyo.Domain.Goals;

namespace Mokuhyo.Data.Tests.TestSupport;

/// <summary>
/// A minimal valid department file, for tests that need data of their own: 千代田区 (131016), 令和4年度,
/// a 総務部 with one 総務課, one goal with a numeric indicator, published at year end.
/// </summary>
public static class SmallFile
{
    public const string MunicipalityCode = "131016";

    public const string Slug = "chiyoda";

    public const string DepartmentCode = "somu";

    public const string DivisionCode = "somu-ka";

    public static DepartmentFile Create(
        string municipalityName = "千代田区",
        string departmentName = "総務部",
        string divisionName = "総務課",
        string goalTitle = "事務の効率化",
        IReadOnlyList<string>? body = null,
        IReadOnlyList<string>? responsibilities = null) => new()
        {
            Municipality = new MunicipalityEntry { Code = MunicipalityCode, Slug = Slug, Name = municipalityName, Prefecture = "東京都" },
            FiscalYear = 2022,
            Format = "default",
            Publish = ["year-end"],
            Units =
            [
                new UnitEntry
                {
                    Code = DepartmentCode,
                    Name = departmentName,
                    Kind = "部",
                    Reporting = true,
                    Responsibilities = responsibilities ?? ["文書に関すること"],
                    Children = [new UnitEntry { Code = DivisionCode, Name = divisionName, Kind = "課" }],
                },
            ],
            Departments =
            [
                new DepartmentEntry
                {
                    Unit = DepartmentCode,
                    Plan = new Dictionary<string, IReadOnlyList<string>> { ["basic-direction"] = ["効率的な行政運営を進めます。"] },
                    Goals =
                    [
                        new GoalEntry
                        {
                            Number = 1,
                            Title = goalTitle,
                            Lead = DivisionCode,
                            Body = body ?? ["電子決裁を進めます。"],
                            Indicators =
                            [
                                new IndicatorEntry
                                {
                                    Name = "電子決裁率",
                                    Kind = IndicatorKind.Numeric,
                                    Unit = "%",
                                    Target = 90m,
                                    Actuals = new Dictionary<string, ActualEntry> { ["year-end"] = new() { Value = 92.5m } },
                                },
                            ],
                        },
                    ],
                },
            ],
        };
}
