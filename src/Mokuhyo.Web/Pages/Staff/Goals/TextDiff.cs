using System.Globalization;
using System.Text;

namespace Mokuhyo.Web.Pages.Staff.Goals;

public enum DiffKind
{
    Same = 0,
    Deleted = 1,
    Inserted = 2,
}

/// <summary>A run of text that is the same in both versions, only in the earlier one, or only in the later one.</summary>
public sealed record DiffPart(DiffKind Kind, string Text);

/// <summary>
/// A word-level diff for Japanese and mixed text (Myers' algorithm). Japanese has no spaces between
/// words, so each character (text element: 𠮷 or a base with its combining marks) is a token of its
/// own, while a run of ASCII letters and digits is one token, so "2022" changing to "2023" reads as
/// one replaced word rather than one replaced digit.
/// </summary>
public static class TextDiff
{
    /// <summary>Beyond this many edits the texts are shown as wholly replaced, which keeps time and memory bounded.</summary>
    public const int MaxEdits = 1500;

    public static IReadOnlyList<DiffPart> Compare(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = Tokenize(before);
        var b = Tokenize(after);

        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && string.Equals(a[prefix], b[prefix], StringComparison.Ordinal))
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix
            && string.Equals(a[a.Count - 1 - suffix], b[b.Count - 1 - suffix], StringComparison.Ordinal))
        {
            suffix++;
        }

        var parts = new List<(DiffKind Kind, string Token)>();
        parts.AddRange(a.Take(prefix).Select(t => (DiffKind.Same, t)));
        var middleA = a.Skip(prefix).Take(a.Count - prefix - suffix).ToList();
        var middleB = b.Skip(prefix).Take(b.Count - prefix - suffix).ToList();
        parts.AddRange(Myers(middleA, middleB)
            ?? [.. middleA.Select(t => (DiffKind.Deleted, t)), .. middleB.Select(t => (DiffKind.Inserted, t))]);
        parts.AddRange(a.Skip(a.Count - suffix).Select(t => (DiffKind.Same, t)));
        return Merge(parts);
    }

    /// <summary>Splits text into tokens: runs of ASCII letters and digits, and single text elements otherwise.</summary>
    public static List<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var word = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (element.Length == 1 && char.IsAsciiLetterOrDigit(element[0]))
            {
                word.Append(element);
                continue;
            }

            if (word.Length > 0)
            {
                tokens.Add(word.ToString());
                word.Clear();
            }

            tokens.Add(element);
        }

        if (word.Length > 0)
        {
            tokens.Add(word.ToString());
        }

        return tokens;
    }

    // The greedy forward search of "An O(ND) Difference Algorithm" (Myers 1986), keeping each round's
    // frontier to walk the shortest edit script back. Null when the texts differ in too many places.
    private static List<(DiffKind, string)>? Myers(List<string> a, List<string> b)
    {
        int n = a.Count, m = b.Count;
        if (n == 0 || m == 0)
        {
            return [.. a.Select(t => (DiffKind.Deleted, t)), .. b.Select(t => (DiffKind.Inserted, t))];
        }

        var max = Math.Min(n + m, MaxEdits);
        var offset = max + 1;
        var v = new int[(2 * max) + 3];
        var trace = new List<int[]>();
        for (var d = 0; d <= max; d++)
        {
            // Only the diagonals -(d+1)..(d+1) can be read when walking back through round d.
            trace.Add(v[(offset - d - 1)..(offset + d + 2)]);
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && string.Equals(a[x], b[y], StringComparison.Ordinal))
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    return Backtrack(a, b, trace);
                }
            }
        }

        return null;
    }

    private static List<(DiffKind, string)> Backtrack(List<string> a, List<string> b, List<int[]> trace)
    {
        var script = new List<(DiffKind, string)>();
        int x = a.Count, y = b.Count;
        for (var d = trace.Count - 1; d >= 0; d--)
        {
            var v = trace[d];
            int At(int k) => v[k + d + 1];
            var k = x - y;
            var previousK = k == -d || (k != d && At(k - 1) < At(k + 1)) ? k + 1 : k - 1;
            var previousX = At(previousK);
            var previousY = previousX - previousK;
            while (x > previousX && y > previousY)
            {
                script.Add((DiffKind.Same, a[x - 1]));
                x--;
                y--;
            }

            if (d > 0)
            {
                script.Add(x == previousX ? (DiffKind.Inserted, b[previousY]) : (DiffKind.Deleted, a[previousX]));
            }

            x = previousX;
            y = previousY;
        }

        script.Reverse();
        return script;
    }

    // Adjacent tokens of one kind become one part; within a change, what was deleted comes before what was inserted.
    private static List<DiffPart> Merge(List<(DiffKind Kind, string Token)> tokens)
    {
        var parts = new List<DiffPart>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (tokens[i].Kind == DiffKind.Same)
            {
                var same = new StringBuilder();
                while (i < tokens.Count && tokens[i].Kind == DiffKind.Same)
                {
                    same.Append(tokens[i++].Token);
                }

                parts.Add(new DiffPart(DiffKind.Same, same.ToString()));
                continue;
            }

            var deleted = new StringBuilder();
            var inserted = new StringBuilder();
            while (i < tokens.Count && tokens[i].Kind != DiffKind.Same)
            {
                (tokens[i].Kind == DiffKind.Deleted ? deleted : inserted).Append(tokens[i].Token);
                i++;
            }

            if (deleted.Length > 0)
            {
                parts.Add(new DiffPart(DiffKind.Deleted, deleted.ToString()));
            }

            if (inserted.Length > 0)
            {
                parts.Add(new DiffPart(DiffKind.Inserted, inserted.ToString()));
            }
        }

        return parts;
    }
}
