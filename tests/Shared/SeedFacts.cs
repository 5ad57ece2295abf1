namespace Mokuhyo.Tests.Common;

/// <summary>
/// Every fact of the seed document (Iruma City 市民生活部, 令和4年度), read from its published text
/// independently of the demo data file, so that a mistake in either is caught. Every output must
/// contain all of them. Whitespace is ignored when comparing: the PDF's layout spaces are not facts.
/// </summary>
public static class SeedFacts
{
    public const string Municipality = "入間市";
    public const string MunicipalityCode = "112259";
    public const string Slug = "iruma";
    public const int FiscalYear = 2022;
    public const string DepartmentCode = "shimin-seikatsu";

    /// <summary>Facts of the department as a whole: head, composition, responsibilities, plan and headings.</summary>
    public static readonly string[] Department =
    [
        "市民生活部", "令和4年度", "市民生活部長", "関谷 佳代子",
        "地域振興課", "人権推進課", "男女共同参画推進センター", "消費生活センター", "市民課", "5支所", "交通防犯課",
        "自治の振興", "市民文化の推進", "多文化共生社会の推進", "人権の尊重", "男女共同参画社会の実現",
        "戸籍・住民基本台帳・印鑑登録・国民年金事務", "交通安全・防犯対策",
        "部の基本方向", "部の重点方針", "課の目標(達成すべき目標)", "目標の達成度合",
        "互いの人権を尊重し合いながら、誰もがまちづくりに参画・参加できる環境を整え、さまざまな市民活動の充実を図り、つながりを大切にしたみんなが住み続けたいまちづくりを進めます。",
        "交通安全の推進や、日常生活におけるさまざまな不安の解消に取り組み、市民が安全で安心してくらせるまちづくりを進めます。",
        "すべての個人が、性別に縛られず、互いに社会のあらゆる場面で個性や能力を十分に発揮し活躍できる社会づくりを進めます。",
        "市民一人ひとりが、世代や国籍の垣根を越え、文化の違いを認め合い、地域社会で互いに連携し支え合うことで、地域課題を解決していくことのできる多文化共生社会のまちづくりを進めます。",
        "まちの特性を活かした市民文化が創造され、魅力と活気に満ちたまちづくりを進めます。",
        "地域や関係機関と連携し、市民が安心して日常生活を送ることができる、交通事故や犯罪被害の少ないまちづくりを進めます。",
        "窓口業務や電話対応で、市民に寄り添った親切、丁寧、迅速な対応に努めます。",
    ];

    /// <summary>The facts of each goal and its result, which must appear within that goal.</summary>
    public static readonly IReadOnlyList<GoalFacts> Goals =
    [
        new(1, "地域振興課", "コミュニティ活動の活発なまちづくりの促進", null,
        [
            "区・自治会との連携", "地区センター設置を見据えた", "自治会加入促進",
            "地域づくりコーディネーター", "入間市連合区長会", "自治会加入世帯数", "40,070世帯", "令和4年10月1日現在",
        ]),
        new(2, "地域振興課", "多文化共生社会のまちづくり", null,
        [
            "やさしい日本語", "市国際交流協会",
            "市民、職員向けに研修や講座の実施", "外国人向けに市公式ホームページで発信", "広報いるまで記事の掲載",
            "子育て支援関連施設従事者向け講座、市職員向け講座(2回)の実施",
            "外国人市民が多く見るページの「やさしい日本語」併記", "市刊行物等での「やさしい日本語」の活用",
        ]),
        new(3, "地域振興課", "地区センター開設準備", null,
        [
            "地域包括支援センター複合化工事", "受付窓口整備工事", "タブレット端末", "福祉総合相談窓口",
            "職員に対する研修", "7月には団体等へ地区センター整備計画の説明", "12月には市民説明会",
        ]),
        new(4, "人権推進課", "男女共同参画社会の実現", "未達成",
        [
            "第5次いるま男女共同参画プラン", "講座、講演会の定員数に対する参加者数の割合", "70%以上", "61.7%", "88.1%",
            "実施した講座", "男女共同参画セミナー(性教育講座)", "魅力アップセミナー", "男女共同参画トークショー",
            "女性活躍セミナー", "女性応援講座(アサーショントレーニング)",
        ]),
        new(5, "人権推進課", "人権の尊重と専門相談の充実", "達成",
        [
            "人権啓発活動", "弁護士による法律相談", "各種専門相談", "12種類",
            "人権啓発パンフレットの配布", "入間市パートナーシップ・ファミリーシップ宣誓制度の周知・啓発",
            "市内中学校における「LGBT」講演会の開催、パネル展の実施", "人権擁護委員による人権教室の実施", "市内小中学校6校",
        ]),
        new(6, "市民課", "サービスの充実", "未達成",
        [
            "マイナンバーカード", "おうち受け取りプラン", "交付率", "80%", "対人口比",
            "申請サポートイベント", "マルチコピー機の設置", "令和5年3月末日現在", "申請率", "82.12%", "65.85%", "82.3%",
        ]),
        new(7, "交通防犯課", "交通安全対策の推進", null,
        [
            "第11次入間市交通安全計画", "子どもと高齢者の事故防止", "交通安全教室", "道路反射鏡",
            "223回", "11,342人",
        ]),
        new(8, "交通防犯課", "犯罪被害者等支援条例の制定", "達成",
        [
            "犯罪被害者等支援条例", "犯罪被害者等見舞金及び支援金の支給に関する規則", "令和4年10月1日",
        ]),
        new(9, "交通防犯課", "地域防犯対策の強化", null,
        [
            "防犯情報紙配布及び広報車での啓発活動", "特殊詐欺", "懸垂幕", "防犯情報紙配布枚数", "169,602枚",
            "広報車による啓発活動", "343回", "797時間",
        ]),
    ];

    /// <summary>Removes whitespace, so that layout never decides whether a fact is present.</summary>
    public static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The facts absent from a text, compared without whitespace.</summary>
    public static IReadOnlyList<string> Missing(string text, IEnumerable<string> facts)
    {
        var squashed = Squash(text);
        return [.. facts.Where(f => !squashed.Contains(Squash(f), StringComparison.Ordinal))];
    }
}

/// <summary>One goal's number, lead division, title, expected rating label (null when not rated) and facts.</summary>
public sealed record GoalFacts(int Number, string Division, string Title, string? Rating, IReadOnlyList<string> Facts);
