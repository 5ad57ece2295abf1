using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Mokuhyo.Domain.Calendar;

namespace Mokuhyo.Web.Infrastructure;

/// <summary>
/// Writes content (what a city wrote: names, goals, indicators, its format's labels, 和暦 dates) apart from
/// the page chrome (what the system writes from resource files). Content is always Japanese and is marked
/// <c>lang="ja"</c>, in both languages of the page, so that assistive technology reads it in Japanese on an
/// English page and the tests can tell content from chrome.
/// </summary>
public sealed class ContentLanguage(IStringLocalizer<ChromeText> text, HtmlEncoder encoder)
{
    /// <summary>True when the page's own words are English.</summary>
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>Japanese content inline: <c>&lt;span lang="ja"&gt;…&lt;/span&gt;</c>; nothing for an empty value.</summary>
    public IHtmlContent Ja(string? value) =>
        string.IsNullOrEmpty(value) ? HtmlString.Empty : new HtmlString($"<span lang=\"ja\">{encoder.Encode(value)}</span>");

    /// <summary>Japanese content inline, or the page's own word for its absence (なし, none) when there is none.</summary>
    public IHtmlContent Ja(string? value, string absent) =>
        string.IsNullOrEmpty(value) ? new HtmlString(encoder.Encode(absent)) : Ja(value);

    /// <summary>
    /// The title and description of an open-data file: Japanese words of the files themselves (OpenDataText), which
    /// English pages translate under <c>Dataset.{key}.*</c>; Japanese pages keep the files' own words.
    /// </summary>
    public string Dataset(string key, string part, string japanese) =>
        IsEnglish && text[$"Dataset.{key}.{part}"] is { ResourceNotFound: false } english ? english.Value : japanese;

    /// <summary>令和4年度 marked as content, with the western year beside it in the page's language: 令和4年度(2022年度), 令和4年度 (FY2022).</summary>
    public IHtmlContent FiscalYear(FiscalYear fiscalYear) =>
        Concat(Ja(Wareki.FormatFiscalYear(fiscalYear)), text["FiscalYear.Western", fiscalYear.StartYear].Value);

    /// <summary>
    /// A fiscal year as plain text, for titles, options and attributes that cannot mark a part as Japanese:
    /// 令和4年度(2022年度) on a Japanese page, FY2022 on an English one.
    /// </summary>
    public string FiscalYearText(FiscalYear fiscalYear) =>
        text["FiscalYear.Plain", Wareki.FormatFiscalYear(fiscalYear), fiscalYear.StartYear].Value;

    /// <summary>令和5年3月31日 marked as content; on an English page with the ISO date beside it.</summary>
    public IHtmlContent Date(DateOnly date) =>
        Concat(Ja(Wareki.FormatDate(date)), text["Date.Western", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)].Value);

    /// <summary>
    /// A resource string with arguments, where arguments that are markup (content marked by <see cref="Ja(string?)"/>)
    /// stay markup and the rest is encoded: <c>Format(T["Report.Phase"], Ja(phase))</c>.
    /// </summary>
    public IHtmlContent Format(LocalizedString format, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(args);
        var encoded = args.Select(a => a switch
        {
            IHtmlContent html => (object)Render(html),
            string s => encoder.Encode(s),
            IFormattable f => f,
            null => "",
            _ => encoder.Encode(a.ToString() ?? ""),
        }).ToArray();
        // Numbers formatted by the string itself ({1:N0}) are digits and separators: nothing to encode.
        return new HtmlString(string.Format(CultureInfo.CurrentCulture, encoder.Encode(format.Value), encoded));
    }

    private HtmlString Concat(IHtmlContent content, string western) =>
        new HtmlString(Render(content) + encoder.Encode(western));

    private string Render(IHtmlContent html)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        html.WriteTo(writer, encoder);
        return writer.ToString();
    }
}

/// <summary>Registration of the page-language helpers.</summary>
public static class ContentLanguageServices
{
    public static IServiceCollection AddContentLanguage(this IServiceCollection services) =>
        services.AddSingleton<ContentLanguage>();
}
