using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Html;

namespace Mokuhyo.Web.Pages.Public.Charts;

/// <summary>A bar segment or bar: its value, the CSS class that colours it, and what it is called.</summary>
public sealed record ChartValue(decimal? Value, string CssClass, string Label);

/// <summary>A row of a bar chart: its label and its values (one bar, stacked segments, or a group).</summary>
public sealed record ChartRow(string Label, IReadOnlyList<ChartValue> Values);

/// <summary>
/// Small server-rendered SVG bar charts for the public pages. Each is an image with a title and a
/// description (role="img"), coloured by CSS classes only (the CSP forbids style attributes), and
/// every number it draws is also in a table beside it: the chart is never the only way to read it.
/// </summary>
public static class SvgChart
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private const int Width = 720;
    private const int LabelWidth = 220;
    private const int RowHeight = 28;
    private const int BarHeight = 18;
    private const int Top = 8;
    private const int LabelMaxLength = 14;

    /// <summary>Horizontal bars, one per row, each split into stacked segments (counts).</summary>
    public static IHtmlContent StackedBars(string id, string title, string description, IReadOnlyList<ChartRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var max = Math.Max(1m, rows.Max(r => (decimal?)r.Values.Sum(v => v.Value ?? 0m)) ?? 1m);
        var plot = Width - LabelWidth - 16;
        var body = new List<XElement>();
        for (var i = 0; i < rows.Count; i++)
        {
            var y = Top + (i * RowHeight);
            body.Add(Label(rows[i].Label, y));
            decimal x = LabelWidth;
            foreach (var segment in rows[i].Values.Where(v => v.Value > 0m))
            {
                var w = segment.Value!.Value / max * plot;
                body.Add(Rect(x, y, w, BarHeight, segment.CssClass, $"{rows[i].Label} {segment.Label} {Number(segment.Value.Value)}"));
                if (w >= 16)
                {
                    body.Add(Text(x + (w / 2), y + 13, Number(segment.Value.Value), "chart__value chart__value--inside", "middle"));
                }

                x += w;
            }
        }

        return Render(id, title, description, Top + (rows.Count * RowHeight) + 8, body);
    }

    /// <summary>
    /// Horizontal bars of percentages against a reference line (100 %), one per row; a row without a value
    /// draws no bar but keeps its label, so nothing silently disappears.
    /// </summary>
    public static IHtmlContent PercentBars(string id, string title, string description, IReadOnlyList<ChartRow> rows, string noValueText)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var max = Math.Max(120m, rows.SelectMany(r => r.Values).Max(v => v.Value) ?? 0m);
        max = Math.Ceiling(max / 20m) * 20m;
        var plot = Width - LabelWidth - 56;
        var height = Top + (rows.Count * RowHeight) + 24;
        var body = new List<XElement>();
        for (var i = 0; i < rows.Count; i++)
        {
            var y = Top + (i * RowHeight);
            body.Add(Label(rows[i].Label, y));
            var value = rows[i].Values[0];
            if (value.Value is { } v)
            {
                var w = Math.Max(0m, v) / max * plot;
                // The tooltip is the row's label and its figure: content only.
                var bar = Rect(LabelWidth, y, w, BarHeight, value.CssClass, $"{rows[i].Label} {value.Label}");
                bar.Element(Svg + "title")!.Add(new XAttribute("lang", "ja"));
                body.Add(bar);
                body.Add(Text(LabelWidth + w + 4, y + 13, value.Label, "chart__value", "start"));
            }
            else
            {
                body.Add(Text(LabelWidth + 4, y + 13, noValueText, "chart__value chart__value--none", "start"));
            }
        }

        var hundred = LabelWidth + (100m / max * plot);
        body.Add(new XElement(Svg + "line", Attr("x1", hundred), Attr("x2", hundred), Attr("y1", Top - 4), Attr("y2", height - 18),
            new XAttribute("class", "chart__reference")));
        body.Add(Text(hundred, height - 4, "100%", "chart__axis", "middle"));
        return Render(id, title, description, height, body);
    }

    /// <summary>Grouped vertical bars: one group per row (a year), one bar per series (baseline, target, actual).</summary>
    public static IHtmlContent GroupedColumns(string id, string title, string description, IReadOnlyList<ChartRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        const int height = 240;
        const int bottom = 200;
        const int left = 16;
        var max = rows.SelectMany(r => r.Values).Max(v => v.Value) ?? 0m;
        max = max <= 0m ? 1m : max;
        var series = rows.Count == 0 ? 0 : rows.Max(r => r.Values.Count);
        var groupWidth = (Width - left - 16) / (decimal)Math.Max(1, rows.Count);
        var barWidth = Math.Min(48m, (groupWidth - 24m) / Math.Max(1, series));
        var body = new List<XElement>
        {
            new(Svg + "line", Attr("x1", left), Attr("x2", Width - 16), Attr("y1", bottom), Attr("y2", bottom), new XAttribute("class", "chart__axis-line")),
        };
        for (var g = 0; g < rows.Count; g++)
        {
            var x0 = left + (g * groupWidth) + ((groupWidth - (barWidth * series)) / 2);
            for (var s = 0; s < rows[g].Values.Count; s++)
            {
                var value = rows[g].Values[s];
                if (value.Value is not { } v || v < 0m)
                {
                    continue;
                }

                var h = v / max * (bottom - 30);
                var x = x0 + (s * barWidth);
                body.Add(Rect(x + 2, bottom - h, barWidth - 4, h, value.CssClass, $"{rows[g].Label} {value.Label} {Number(v)}"));
                body.Add(Text(x + (barWidth / 2), bottom - h - 4, Number(v), "chart__value", "middle"));
            }

            body.Add(Content(Text(left + (g * groupWidth) + (groupWidth / 2), bottom + 20, rows[g].Label, "chart__label", "middle")));
        }

        return Render(id, title, description, height, body);
    }

    private static HtmlString Render(string id, string title, string description, decimal height, List<XElement> body)
    {
        var svg = new XElement(Svg + "svg",
            new XAttribute("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {Width} {Format(height)}")),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-title {id}-desc"),
            new XAttribute("class", "chart__svg"),
            new XAttribute("focusable", "false"),
            new XElement(Svg + "title", new XAttribute("id", $"{id}-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", $"{id}-desc"), description),
            body);
        return new HtmlString(svg.ToString(SaveOptions.DisableFormatting));
    }

    private static XElement Label(string text, decimal y)
    {
        var shown = Shorten(text);
        return Content(Text(LabelWidth - 8, y + 13, shown, "chart__label", "end"));
    }

    /// <summary>Row labels are content (names of departments, indicators, 和暦 years): Japanese on a page in either language.</summary>
    private static XElement Content(XElement text)
    {
        text.Add(new XAttribute("lang", "ja"));
        return text;
    }

    private static XElement Rect(decimal x, decimal y, decimal w, decimal h, string cssClass, string tooltip) =>
        new(Svg + "rect", Attr("x", x), Attr("y", y), Attr("width", Math.Max(0m, w)), Attr("height", Math.Max(0m, h)),
            new XAttribute("class", cssClass), new XElement(Svg + "title", tooltip));

    private static XElement Text(decimal x, decimal y, string text, string cssClass, string anchor) =>
        new(Svg + "text", Attr("x", x), Attr("y", y), new XAttribute("class", cssClass), new XAttribute("text-anchor", anchor), text);

    private static XAttribute Attr(string name, decimal value) => new(name, Format(value));

    private static string Format(decimal value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>Long names are cut in the drawing (by text elements, so no character is split); the table beside it has them whole.</summary>
    private static string Shorten(string text)
    {
        var info = new StringInfo(text);
        return info.LengthInTextElements <= LabelMaxLength ? text : info.SubstringByTextElements(0, LabelMaxLength - 1) + "…";
    }
}
