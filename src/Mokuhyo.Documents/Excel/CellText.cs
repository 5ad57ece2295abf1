using System.Globalization;
using System.Text;

namespace Mokuhyo.Documents.Excel;

/// <summary>
/// Text and numbers as spreadsheet cells hold them. Text is escaped the way Excel escapes it (ST_Xstring:
/// _x000D_ for a carriage return or a control character, _x005F_ before a literal "_x...._"), so that
/// every string survives a round trip exactly; it is never normalised.
/// </summary>
internal static class CellText
{
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    /// <summary>1900-03-01: serials before it suffer from Excel's 1900 leap-year bug.</summary>
    private const int FirstReliableSerial = 61;

    public static string Escape(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var escape = c switch
            {
                '\t' or '\n' => false,
                < ' ' or '\uFFFE' or '\uFFFF' => true,
                _ when char.IsHighSurrogate(c) => i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]),
                _ when char.IsLowSurrogate(c) => i == 0 || !char.IsHighSurrogate(text[i - 1]),
                '_' => IsEscapeAt(text, i),
                _ => false,
            };
            if (escape)
            {
                builder ??= new StringBuilder(text, 0, i, text.Length + 16);
                builder.Append(CultureInfo.InvariantCulture, $"_x{(int)c:X4}_");
            }
            else
            {
                builder?.Append(c);
            }
        }

        return builder?.ToString() ?? text;
    }

    public static string Unescape(string text)
    {
        if (!text.Contains("_x", StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '_' && IsEscapeAt(text, i))
            {
                builder.Append((char)int.Parse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                i += 6;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    private static bool IsEscapeAt(string text, int i) =>
        i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_'
        && char.IsAsciiHexDigit(text[i + 2]) && char.IsAsciiHexDigit(text[i + 3])
        && char.IsAsciiHexDigit(text[i + 4]) && char.IsAsciiHexDigit(text[i + 5]);

    /// <summary>The shortest invariant form: databases hand decimals back padded to their scale (80.0000).</summary>
    public static string Number(decimal value) =>
        (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    public static string Serial(DateOnly date) => (date.DayNumber - ExcelEpoch.DayNumber).ToString(CultureInfo.InvariantCulture);

    /// <summary>A whole date serial (time of day not allowed) from 1900-03-01 to 9999-12-31.</summary>
    public static bool TryDateFromSerial(decimal serial, out DateOnly date)
    {
        date = default;
        if (serial != decimal.Truncate(serial) || serial < FirstReliableSerial || serial > DateOnly.MaxValue.DayNumber - ExcelEpoch.DayNumber)
        {
            return false;
        }

        date = DateOnly.FromDayNumber(ExcelEpoch.DayNumber + (int)serial);
        return true;
    }
}
