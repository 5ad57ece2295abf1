using System.Globalization;
using Mokuhyo.Data;
using Mokuhyo.Domain.Municipalities;
using Mokuhyo.Domain.Organization;
using Mokuhyo.Domain.Reports;

namespace Mokuhyo.Bench.Search;

/// <summary>
/// Published reports of made-up municipalities in realistic Japanese: each goal a title, body,
/// planned actions, indicators and a year-end result, from phrase pools in which the searched words
/// (マイナンバー, 交通安全, 講座...) occur now and then, as in real reports.
/// </summary>
internal sealed class Corpus(DepartmentReport template, int seed)
{
    private static readonly string[] Places = ["桜台", "緑ヶ丘", "東山", "西浜", "南原", "北野", "若葉", "青葉", "朝日", "富士見", "松風", "川辺", "高森", "大沢", "小林", "中島", "本郷", "新田", "美原", "星川"];

    private static readonly string[] DepartmentNames =
    [
        "総務部", "企画政策部", "市民生活部", "福祉部", "こども未来部", "健康推進部", "環境経済部", "都市整備部", "建設部",
        "上下水道部", "教育部", "生涯学習部", "消防本部", "危機管理部", "産業観光部",
    ];

    private static readonly string[] Divisions = ["地域振興課", "市民課", "交通防犯課", "福祉政策課", "子育て支援課", "健康づくり課", "環境課", "道路課", "学校教育課", "生涯学習課", "防災課", "観光課", "情報政策課", "公園緑地課", "資産活用課"];

    private static readonly string[] Topics =
    [
        "地域活動", "自治会加入", "避難所運営", "保育サービス", "放課後児童クラブ", "高齢者の見守り", "介護予防", "健康診査の受診",
        "がん検診", "ごみ減量", "リサイクル", "公共施設の長寿命化", "道路の維持補修", "観光振興", "商店街の活性化", "行政手続のデジタル化",
        "図書館サービス", "文化芸術活動", "スポーツ推進", "多文化共生", "男女共同参画", "人権啓発", "消費生活相談", "公園の整備",
        "農地の保全", "水道施設の耐震化", "学校給食", "不登校の支援", "河川の維持管理", "公文書管理", "財政運営", "職員研修",
        "広報活動", "移住定住", "企業誘致", "雨水対策", "公共交通", "住宅政策", "ひとり親家庭の支援", "障害者の就労支援",
    ];

    private static readonly string[] Verbs = ["の推進", "の充実", "の強化", "の拡充", "の見直し", "の促進", "への支援", "の周知"];

    private static readonly string[] Clauses =
    [
        "関係機関と連携し、{0}に取り組みます。", "市民の皆さまの声を聴きながら、{0}を進めます。", "{0}について、地域ごとの課題を把握し、効果的な手法を検討します。",
        "前年度の実績を踏まえ、{0}の対象を広げます。", "{0}の担い手を育成し、継続できる体制を整えます。", "広報紙やホームページ、SNSで{0}を周知します。",
    ];

    private static readonly string[] Results =
    [
        "{0}では、年間を通じて計画どおり事業を実施しました。", "{0}について、参加者アンケートで高い満足度が得られました。",
        "{0}は、感染症対策のため一部を縮小して実施しました。", "{0}の実績は目標値を上回りました。", "{0}の実績は目標値に届かず、次年度に周知方法を見直します。",
        "{0}について、関係団体との意見交換を{1}回行いました。",
    ];

    // The searched words, each in a sentence that a goal holds now and then, as in real reports.
    private static readonly (string Sentence, double Probability)[] Specials =
    [
        ("マイナンバーカードを活用した手続を案内し、利便性を高めます。", 0.02),
        ("小学校で交通安全教室を開催しました。", 0.03),
        ("市民向けの講座を開催し、参加者の理解を深めます。", 0.03),
        ("窓口での待ち時間を短縮します。", 0.02),
        ("地域と協力して防犯パトロールを実施しました。", 0.02),
        ("全地区で防災訓練を実施しました。", 0.02),
        ("子育て支援センターの利用者が増えました。", 0.02),
        ("空き家対策の相談会を開きました。", 0.01),
        ("地域コミュニティの担い手を育成します。", 0.02),
        ("市民農園の畑を貸し出しました。", 0.005),
        ("市民劇団の公演を支援しました。", 0.005),
    ];

    private readonly Random random = new(seed);

    public int Goals { get; private set; }

    public long Characters { get; private set; }

    public static string Slug(int index) => string.Create(CultureInfo.InvariantCulture, $"city{index:000}");

    public void AddMunicipality(MokuhyoDbContext db, int index, int firstYear, int years, int departments, int goals, string formatJson)
    {
        var name = Places[index % Places.Length] + (index / Places.Length == 0 ? "" : Places[(index / Places.Length) % Places.Length]) + "市";
        var municipality = new Municipality
        {
            Code = string.Create(CultureInfo.InvariantCulture, $"9{index:00000}"),
            Slug = Slug(index),
            Name = name,
        };
        var format = new FormatVersion { MunicipalityId = municipality.Id, Number = 1, Json = formatJson, CreatedAt = DateTimeOffset.UtcNow };
        db.Municipalities.Add(municipality);
        db.FormatVersions.Add(format);
        var reportMunicipality = new ReportMunicipality(municipality.Code, municipality.Slug, municipality.Name, municipality.LicenceName, municipality.LicenceUrl);
        for (var y = 0; y < years; y++)
        {
            var year = new ReportingYear { MunicipalityId = municipality.Id, Year = firstYear + y, FormatVersionId = format.Id };
            db.ReportingYears.Add(year);
            for (var d = 0; d < departments; d++)
            {
                var department = new OrgUnit
                {
                    ReportingYearId = year.Id,
                    Code = string.Create(CultureInfo.InvariantCulture, $"dept-{d + 1:00}"),
                    Name = DepartmentNames[d],
                    Kind = "department",
                    SortOrder = d,
                    IsReportingUnit = true,
                };
                db.OrgUnits.Add(department);
                var report = Report(reportMunicipality, year.Year, department, goals);
                db.PublishedReports.Add(new PublishedReport
                {
                    ReportingYearId = year.Id,
                    DepartmentId = department.Id,
                    DepartmentCode = department.Code,
                    PhaseKey = template.Phase.Key,
                    PhaseOrder = 2,
                    Revision = 1,
                    PublishedAt = template.PublishedAt,
                    Json = ReportJson.Serialize(report),
                });
            }
        }
    }

    private DepartmentReport Report(ReportMunicipality municipality, int year, OrgUnit department, int goals)
    {
        var divisions = Enumerable.Range(0, 3).Select(_ => Pick(Divisions)).Distinct().Select((n, i) =>
            new ReportUnitRef(string.Create(CultureInfo.InvariantCulture, $"div-{i + 1}"), n, "division")).ToList();
        var unit = new ReportUnit
        {
            Code = department.Code,
            Name = department.Name,
            Kind = "department",
            HeadTitle = department.Name + "長",
            HeadName = Pick(["佐藤 花子", "鈴木 一郎", "髙橋 美咲", "山﨑 健太", "田中 𠮷男", "伊藤 由美"]),
            Responsibilities = [.. Enumerable.Range(0, 4).Select(_ => Pick(Topics) + "に関すること")],
            Children = [.. divisions.Select(d => new ReportUnit { Code = d.Code, Name = d.Name, Kind = "division" })],
        };
        var plan = template.PlanSections.Select(s => s with
        {
            Items = [.. Enumerable.Range(1, 3).Select(n => new ReportPlanItem(n, null, Sentence(Pick(Topics) + Pick(Verbs)) + Sentence(Pick(Topics) + Pick(Verbs))))],
        }).ToList();
        var sampleGoal = template.Goals.First(g => g.Indicators.Count > 0 && g.Result is not null);
        var ratings = template.Goals.Select(g => g.Rating).DistinctBy(r => r.Outcome).ToList();
        var goalList = new List<ReportGoal>();
        for (var n = 1; n <= goals; n++)
        {
            var topic = Pick(Topics);
            var indicator = sampleGoal.Indicators[0] with { Name = topic + "の実施件数" };
            var blocks = new List<ReportResultBlock>
            {
                new("paragraph", null, Result(topic) + Result(Pick(Topics)) + Special() + Special(), []),
                new("list", "主な取組", null, [Sentence(Pick(Topics) + Pick(Verbs)), Sentence(topic + Pick(Verbs))]),
            };
            goalList.Add(sampleGoal with
            {
                Number = n,
                Title = topic + Pick(Verbs),
                Body = [Sentence(topic + Pick(Verbs)) + Sentence(Pick(Topics) + Pick(Verbs)) + Special()],
                PlannedActions = [.. Enumerable.Range(0, 3).Select(_ => Sentence(Pick(Topics) + Pick(Verbs)))],
                LeadUnit = divisions[(n - 1) % divisions.Count],
                CoUnits = [],
                PlanReferences = [],
                Indicators = [indicator],
                Result = new ReportResult(blocks),
                Rating = ratings[random.Next(ratings.Count)],
            });
        }

        Goals += goals;
        var report = template with
        {
            Municipality = municipality,
            FiscalYear = year,
            FiscalYearLabel = Mokuhyo.Domain.Calendar.Wareki.FormatFiscalYear(new Mokuhyo.Domain.Calendar.FiscalYear(year)),
            Department = unit,
            PlanSections = plan,
            GoalGroups = [.. goalList.GroupBy(g => g.LeadUnit).Select(g => new ReportGoalGroup(g.Key, [.. g]))],
            Summary = new ReportSummary(goals, 0, 0, 0, []),
        };
        Characters += ReportJson.Serialize(report).Length;
        return report;
    }

    private string Sentence(string topic) => string.Format(CultureInfo.InvariantCulture, Pick(Clauses), topic);

    private string Result(string topic) =>
        string.Format(CultureInfo.InvariantCulture, Pick(Results), topic, random.Next(2, 30), random.Next(20, 900));

    private string Special()
    {
        var text = "";
        foreach (var (sentence, probability) in Specials)
        {
            if (random.NextDouble() < probability / 3)
            {
                text += sentence;
            }
        }

        return text;
    }

    private string Pick(string[] pool) => pool[random.Next(pool.Length)];
}
