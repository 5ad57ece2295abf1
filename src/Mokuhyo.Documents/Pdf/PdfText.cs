using System.Globalization;
using System.Resources;

namespace Mokuhyo.Documents.Pdf;

/// <summary>The fixed words of the PDF (PdfText.resx), in Japanese whatever the server's culture.</summary>
internal static class PdfText
{
    private static readonly ResourceManager Resources = new("Mokuhyo.Documents.Pdf.PdfText", typeof(PdfText).Assembly);

    // The published document is Japanese; asking for ja explicitly keeps a server's UI culture
    // from picking another language should one be added.
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    public static string Department => Get(nameof(Department));

    public static string Organization => Get(nameof(Organization));

    public static string LeadUnit => Get(nameof(LeadUnit));

    public static string ListSeparator => Get(nameof(ListSeparator));

    public static string Bullet => Get(nameof(Bullet));

    public static string NoResult => Get(nameof(NoResult));

    public static string NoTarget => Get(nameof(NoTarget));

    public static string Empty => Get(nameof(Empty));

    public static string Contents => Get(nameof(Contents));

    public static string ContentsPage => Get(nameof(ContentsPage));

    public static string CoverHeading => Get(nameof(CoverHeading));

    public static string CoverSubheading => Get(nameof(CoverSubheading));

    public static string TitleWithYear(string title, string year) => Format(nameof(TitleWithYear), title, year);

    public static string Phase(string phase) => Format(nameof(Phase), phase);

    public static string Published(string date, int revision) => Format(nameof(Published), date, revision);

    public static string UnitWithNote(string unit, string note) => Format(nameof(UnitWithNote), unit, note);

    public static string LabelValue(string label, string value) => Format(nameof(LabelValue), label, value);

    public static string LeadAndCoUnits(string leadLabel, string lead, string coLabel, string co) =>
        Format(nameof(LeadAndCoUnits), leadLabel, lead, coLabel, co);

    public static string Rating(string heading, string label) => Format(nameof(Rating), heading, label);

    public static string RatingWithRatio(string heading, string label, string ratioHeading, string ratio) =>
        Format(nameof(RatingWithRatio), heading, label, ratioHeading, ratio);

    public static string Parenthesized(string text) => Format(nameof(Parenthesized), text);

    /// <summary>Two ratings on one line: the one given and, beside it, the one computed from the indicators.</summary>
    public static string RatingBeside(string given, string computed) => Format(nameof(RatingBeside), given, computed);

    public static string IndicatorsCaption(int goalNumber) => Format(nameof(IndicatorsCaption), goalNumber);

    /// <summary>数値目標, 期限のある取組...; the kind itself when the resource file does not know it.</summary>
    public static string Kind(string kind) => Resources.GetString("Kind." + kind, Japanese) ?? kind;

    public static string Due(string date) => Format(nameof(Due), date);

    public static string Done(string date) => Format(nameof(Done), date);

    public static string PageNumber(int page, int pages) => Format(nameof(PageNumber), page, pages);

    public static string CompendiumTitle(string municipality, string year) => Format(nameof(CompendiumTitle), municipality, year);

    public static string CoverDepartments(int count) => Format(nameof(CoverDepartments), count);

    private static string Get(string name) =>
        Resources.GetString(name, Japanese) ?? throw new InvalidOperationException($"PdfText.resx has no {name}.");

    private static string Format(string name, params object[] args) => string.Format(Japanese, Get(name), args);
}
