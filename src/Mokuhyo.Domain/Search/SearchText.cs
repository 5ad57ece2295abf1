using System.Globalization;
using System.Net;
using System.Text;

namespace Mokuhyo.Domain.Search;

/// <summary>
/// How published text and queries are compared: letters regardless of case, everything else exactly.
/// Both databases match the folded text as a plain substring, so they find the same entries; the
/// published text itself is never changed.
/// </summary>
public static class SearchText
{
    /// <summary>
    /// Ends every folded text, so that each of its characters begins a trigram: a term of one or two
    /// characters can then be found through the trigrams that begin with it.
    /// </summary>
    public const string FoldedEnd = "\n\n";

    /// <summary>Lower-cases by the invariant simple case mapping, which keeps the length: positions in the fold are positions in the text.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToLowerInvariant();
    }

    /// <summary>A field as one line: line breaks inside it become spaces.</summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');
    }

    /// <summary>Characters as SQLite's trigram index counts them (code points).</summary>
    public static int CodePoints(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.EnumerateRunes().Count();
    }

    /// <summary>
    /// The line of the text where a term first occurs, cut to a window around it, with every
    /// occurrence of every term marked. Null when no term occurs (then the caller shows the start).
    /// </summary>
    public static IReadOnlyList<SnippetPart> Snippet(string text, IReadOnlyList<string> foldedTerms, int before = 30, int after = 70)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(foldedTerms);
        var folded = Fold(text);
        var comparison = folded.Length == text.Length ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var haystack = comparison == StringComparison.Ordinal ? folded : text;

        var first = -1;
        foreach (var term in foldedTerms)
        {
            var at = haystack.IndexOf(term, comparison);
            if (at >= 0 && (first < 0 || at < first))
            {
                first = at;
            }
        }

        int lineStart, lineEnd;
        if (first < 0)
        {
            lineStart = 0;
            lineEnd = text.IndexOf('\n', StringComparison.Ordinal) is var nl and >= 0 ? nl : text.Length;
            first = 0;
        }
        else
        {
            lineStart = text.LastIndexOf('\n', Math.Max(first - 1, 0)) is var s and >= 0 && s < first ? s + 1 : 0;
            lineEnd = text.IndexOf('\n', first) is var e and >= 0 ? e : text.Length;
        }

        var start = Boundary(text, Math.Max(lineStart, first - before));
        var end = Boundary(text, Math.Min(lineEnd, first + after));
        if (end < start)
        {
            end = start;
        }

        var marks = new List<(int Start, int End)>();
        foreach (var term in foldedTerms.Where(t => t.Length > 0))
        {
            for (var at = haystack.IndexOf(term, start, comparison); at >= 0 && at < end; at = haystack.IndexOf(term, at + 1, comparison))
            {
                marks.Add((at, Math.Min(at + term.Length, end)));
            }
        }

        marks.Sort();
        var parts = new List<SnippetPart>();
        if (start > lineStart)
        {
            parts.Add(new SnippetPart(Ellipsis, false));
        }

        var cursor = start;
        foreach (var (markStart, markEnd) in marks)
        {
            if (markEnd <= cursor)
            {
                continue;
            }

            var from = Math.Max(markStart, cursor);
            if (from > cursor)
            {
                parts.Add(new SnippetPart(text[cursor..from], false));
            }

            parts.Add(new SnippetPart(text[from..markEnd], true));
            cursor = markEnd;
        }

        if (cursor < end)
        {
            parts.Add(new SnippetPart(text[cursor..end], false));
        }

        if (end < lineEnd)
        {
            parts.Add(new SnippetPart(Ellipsis, false));
        }

        return Merge(parts);
    }

    /// <summary>The snippet as HTML: the text encoded, each match in &lt;mark&gt;.</summary>
    public static string ToHtml(IEnumerable<SnippetPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var html = new StringBuilder();
        foreach (var part in parts)
        {
            var encoded = WebUtility.HtmlEncode(part.Text);
            html.Append(part.Match ? "<mark>" + encoded + "</mark>" : encoded);
        }

        return html.ToString();
    }

    public static string ToPlain(IEnumerable<SnippetPart> parts) => string.Concat(parts.Select(p => p.Text));

    private const string Ellipsis = "…";

    // Never cut between the halves of a surrogate pair (𠮷) or before a combining mark.
    private static int Boundary(string text, int index)
    {
        while (index > 0 && index < text.Length
            && (char.IsLowSurrogate(text[index]) || CharUnicodeInfo.GetUnicodeCategory(text[index]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark))
        {
            index--;
        }

        return index;
    }

    private static List<SnippetPart> Merge(List<SnippetPart> parts)
    {
        var merged = new List<SnippetPart>();
        foreach (var part in parts.Where(p => p.Text.Length > 0))
        {
            if (merged.Count > 0 && merged[^1].Match == part.Match && !part.Match)
            {
                merged[^1] = merged[^1] with { Text = merged[^1].Text + part.Text };
            }
            else
            {
                merged.Add(part);
            }
        }

        return merged;
    }
}

/// <summary>A piece of a snippet: plain text, or a match to highlight.</summary>
public sealed record SnippetPart(string Text, bool Match);
