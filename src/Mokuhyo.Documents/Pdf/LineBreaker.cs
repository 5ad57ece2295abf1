using System.Globalization;
using System.Text;

namespace Mokuhyo.Documents.Pdf;

/// <summary>
/// Breaks Japanese (and mixed) text into lines of a given width, with 禁則処理: no line starts with a
/// closing bracket, small kana or punctuation, and none ends with an opening bracket. The lines
/// together hold exactly the text's characters, less its line-break characters.
/// </summary>
/// <remarks>
/// Text is taken one text element (grapheme cluster) at a time, so a surrogate pair, a base character
/// with its combining marks or an emoji sequence is never split. Widths come from <c>measure</c>, which
/// gets one text element; glyph advances add up (PDFsharp applies no kerning), so a line's width is
/// the sum of its elements. Spaces may hang past the right edge: they are invisible, and a line
/// never starts with the space that ended the previous one.
/// </remarks>
public sealed class LineBreaker(Func<string, double> measure)
{
    // JIS X 4051 classes that must not start a line: closing brackets, hyphens, dividing punctuation,
    // middle dots, full stops, commas, iteration marks, the prolonged sound mark and small kana.
    private const string NoStart =
        "、。，．,.・：；:;？！?!‼⁇⁈⁉ー－ｰ―‐〜～゠–"
        + "」』）】〕〉》〙〗〟’”｝］｠)]}｣､｡･"
        + "ヽヾゝゞ々〻"
        + "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｯｬｭｮ"
        + "%％‰℃°′″";

    // Opening brackets must not end a line.
    private const string NoEnd = "「『（【〔〈《〘〖〝‘“｛［｟([{｢";

    private const double Tolerance = 1e-6;

    /// <summary>Whether a text element may not begin a line (行頭禁則).</summary>
    public static bool IsNoStart(string element) =>
        !string.IsNullOrEmpty(element) && NoStart.Contains(element[0], StringComparison.Ordinal);

    /// <summary>Whether a text element may not end a line (行末禁則).</summary>
    public static bool IsNoEnd(string element) =>
        !string.IsNullOrEmpty(element) && NoEnd.Contains(element[0], StringComparison.Ordinal);

    /// <summary>The text elements (grapheme clusters) of a text, in order.</summary>
    public static List<string> TextElements(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var elements = new List<string>(text.Length);
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return elements;
    }

    /// <summary>
    /// The lines of a text no wider than <paramref name="width"/>; an explicit line break (CR, LF,
    /// CR LF, U+2028, U+2029) always ends a line, and an empty paragraph gives an empty line.
    /// A single element wider than the line gets a line of its own.
    /// </summary>
    public IReadOnlyList<string> Break(string text, double width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        foreach (var paragraph in Paragraphs(text))
        {
            BreakParagraph(paragraph, width, lines);
        }

        return lines;
    }

    private void BreakParagraph(string paragraph, double width, List<string> lines)
    {
        if (paragraph.Length == 0)
        {
            lines.Add(string.Empty);
            return;
        }

        var elements = TextElements(paragraph);
        var widths = new double[elements.Count];
        for (var k = 0; k < elements.Count; k++)
        {
            widths[k] = measure(elements[k]);
        }

        var start = 0;
        while (start < elements.Count)
        {
            var end = FirstOverflow(elements, widths, start, width);
            if (end == elements.Count)
            {
                lines.Add(Join(elements, start, end));
                return;
            }

            var at = ChooseBreak(elements, start, end);

            // Spaces after the break hang at the end of this line instead of starting the next.
            while (at < elements.Count && IsSpace(elements[at]))
            {
                at++;
            }

            lines.Add(Join(elements, start, at));
            start = at;
        }
    }

    /// <summary>The index of the first element that does not fit on a line beginning at start.</summary>
    private static int FirstOverflow(List<string> elements, double[] widths, int start, double width)
    {
        var used = 0.0;
        for (var k = start; k < elements.Count; k++)
        {
            if (k > start && !IsSpace(elements[k]) && used + widths[k] > width + Tolerance)
            {
                return k;
            }

            used += widths[k];
        }

        return elements.Count;
    }

    /// <summary>
    /// Moves a break back from where the line overflowed until it neither splits an ASCII word nor
    /// breaks a 禁則 rule; when no such place is left on the line, the break stays where it was.
    /// </summary>
    private static int ChooseBreak(List<string> elements, int start, int overflow)
    {
        var at = overflow;
        while (true)
        {
            if (IsWordPart(elements[at]) && IsWordPart(elements[at - 1]))
            {
                var wordStart = at - 1;
                while (wordStart > start && IsWordPart(elements[wordStart - 1]))
                {
                    wordStart--;
                }

                if (wordStart == start)
                {
                    // A word longer than the line: it has to be broken between its letters.
                    return RespectsKinsoku(elements, overflow) ? overflow : BackOffKinsoku(elements, start, overflow);
                }

                at = wordStart;
                continue;
            }

            if (RespectsKinsoku(elements, at))
            {
                return at;
            }

            if (at - 1 <= start)
            {
                return overflow;
            }

            at--;
        }
    }

    private static int BackOffKinsoku(List<string> elements, int start, int overflow)
    {
        for (var at = overflow - 1; at > start; at--)
        {
            if (RespectsKinsoku(elements, at))
            {
                return at;
            }
        }

        return overflow;
    }

    private static bool RespectsKinsoku(List<string> elements, int at) =>
        !IsNoStart(elements[at]) && !IsNoEnd(elements[at - 1]);

    /// <summary>Letters, digits and punctuation of ASCII words and numbers (e.g. "LGBT", "40,070").</summary>
    private static bool IsWordPart(string element) => element.Length == 1 && element[0] is > ' ' and < '\u007f';

    private static bool IsSpace(string element) => element.Length > 0 && element.All(char.IsWhiteSpace);

    private static string Join(List<string> elements, int start, int end)
    {
        var builder = new StringBuilder();
        for (var k = start; k < end; k++)
        {
            builder.Append(elements[k]);
        }

        return builder.ToString();
    }

    private static IEnumerable<string> Paragraphs(string text)
    {
        var start = 0;
        for (var k = 0; k < text.Length; k++)
        {
            var c = text[k];
            if (c is '\n' or '\r' or '\u2028' or '\u2029')
            {
                yield return text[start..k];
                if (c == '\r' && k + 1 < text.Length && text[k + 1] == '\n')
                {
                    k++;
                }

                start = k + 1;
            }
        }

        yield return text[start..];
    }
}
