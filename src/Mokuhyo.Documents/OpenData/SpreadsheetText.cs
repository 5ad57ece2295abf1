using System.Buffers;

namespace Mokuhyo.Documents.OpenData;

/// <summary>
/// Keeps a spreadsheet from running published text as a formula (CSV injection), reversibly: a text
/// value that starts with = + - @, a tab or a CR gets an apostrophe in front, which makes a
/// spreadsheet keep the cell as text. A value that already starts with an apostrophe gets one too,
/// so that removing exactly one leading apostrophe always gives the published text back.
/// </summary>
internal static class SpreadsheetText
{
    public const char Marker = '\'';

    // OWASP's list of formula starters, plus the marker itself so that the guard can be undone.
    private static readonly SearchValues<char> NeedsMarker = SearchValues.Create("=+-@\t\r'");

    public static bool NeedsGuard(string text) => text.Length > 0 && NeedsMarker.Contains(text[0]);

    public static string Protect(string text) => NeedsGuard(text) ? Marker + text : text;

    public static string Restore(string text) => text.Length > 0 && text[0] == Marker ? text[1..] : text;
}
