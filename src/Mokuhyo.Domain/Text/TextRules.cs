using System.Globalization;

namespace Mokuhyo.Domain.Text;

/// <summary>
/// Length limits of text fields in text elements (what a reader counts as characters), defined once and
/// used by validation and imports alike. Columns holding people's text are unbounded in the database:
/// PostgreSQL counts code points, so 葛󠄀 (a character with a variation selector) would count twice there.
/// </summary>
public static class TextLimits
{
    public const int Name = 100;
    public const int Code = 40;
    public const int Title = 200;
    public const int Line = 1000;
    public const int Paragraph = 4000;
    public const int Unit = 20;
}

/// <summary>Text measurement that respects what a reader sees as one character.</summary>
public static class TextRules
{
    /// <summary>
    /// Length in text elements (what a reader counts as characters): 𠮷 is one, not two UTF-16 units.
    /// The text is never normalised, so 髙 and 﨑 stay as written.
    /// </summary>
    public static int Length(string text) => new StringInfo(text).LengthInTextElements;

    public static bool FitsWithin(string text, int maxLength) => Length(text) <= maxLength;
}
