using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Mokuhyo.Domain.Text;

namespace Mokuhyo.Web.Pages.Staff.Authoring;

/// <summary>
/// Reads what staff type into the authoring forms. Text is kept exactly as typed and only checked;
/// numbers and dates are parsed; every problem is recorded in Japanese under the field's own key,
/// so the page shows it beside that field.
/// </summary>
internal sealed class FieldReader(ModelStateDictionary modelState, IStringLocalizer<AuthoringText> text)
{
    /// <summary>Largest magnitude the database keeps (numeric(18,4): 14 digits before the point).</summary>
    private const decimal MaxNumber = 100_000_000_000_000m;

    private const int MaxScale = 4;

    public bool IsValid => modelState.ErrorCount == 0;

    public void Error(string key, string message) => modelState.AddModelError(key, message);

    public string Message(string name, params object[] arguments) => text[name, arguments];

    /// <summary>A text on one line (a title, a name, a unit); null when left empty.</summary>
    public string? Line(string key, string label, string? value, int maxLength, bool required = false) =>
        Check(key, label, value, maxLength, required, multiline: false);

    /// <summary>
    /// A text that may span lines (a paragraph). Browsers send a textarea's line breaks as CR LF; they
    /// become the LF the person typed. Nothing else is changed.
    /// </summary>
    public string? Paragraph(string key, string label, string? value, int maxLength, bool required = false) =>
        Check(key, label, value?.Replace("\r\n", "\n", StringComparison.Ordinal), maxLength, required, multiline: true);

    /// <summary>A list typed into a textarea, one item per line; blank lines are skipped, items kept as typed.</summary>
    public List<string> Items(string key, string label, string? value, int maxLength)
    {
        var items = SplitLines(value);
        for (var i = 0; i < items.Count; i++)
        {
            if (HasControlCharacters(items[i], allowLineBreaks: false))
            {
                Error(key, Message("Error.Control", label));
                break;
            }

            if (!Fits(items[i], maxLength))
            {
                Error(key, Message("Error.ItemTooLong", label, i + 1, maxLength));
                break;
            }
        }

        return items;
    }

    public decimal? Number(string key, string label, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!TryParseNumber(value, out var number))
        {
            Error(key, Message("Error.Number", label));
            return null;
        }

        if (Math.Abs(number) >= MaxNumber || Scale(number) > MaxScale)
        {
            Error(key, Message("Error.NumberRange", label));
            return null;
        }

        return number;
    }

    public DateOnly? Date(string key, string label, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!TryParseDate(value, out var date))
        {
            Error(key, Message("Error.Date", label));
            return null;
        }

        return date;
    }

    /// <summary>One line of a textarea is one item; blank lines separate nothing and are dropped.</summary>
    public static List<string> SplitLines(string? value) =>
        string.IsNullOrEmpty(value)
            ? []
            : [.. value.Split(["\r\n", "\n", "\r"], StringSplitOptions.None).Where(line => !string.IsNullOrWhiteSpace(line))];

    /// <summary>
    /// Control characters (C0, DEL, C1) other than tab — and line breaks where the field spans lines —
    /// are refused: nobody types them, they are invisible, and they break exports. Format characters
    /// such as right-to-left marks are text and are kept.
    /// </summary>
    public static bool HasControlCharacters(string value, bool allowLineBreaks)
    {
        foreach (var c in value)
        {
            if (c == '\t' || (allowLineBreaks && c is '\n' or '\r'))
            {
                continue;
            }

            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Numbers are read with the invariant culture. Full-width digits, point, comma and minus (typed with
    /// a Japanese input method) are read as their ASCII forms, and thousands separators are allowed:
    /// the number is stored, not the text, so nothing the person wrote is lost.
    /// </summary>
    public static bool TryParseNumber(string value, out decimal number) =>
        decimal.TryParse(Narrow(value).Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands
            | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out number);

    /// <summary>Dates as a date input sends them (2023-03-31); 2023/3/31 and full-width digits are read too.</summary>
    public static bool TryParseDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(Narrow(value).Trim(), ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A number as an input shows it: invariant, without the trailing zeros a database pads with.</summary>
    public static string Show(decimal? value) =>
        value is { } v ? v.ToString("0.############################", CultureInfo.InvariantCulture) : "";

    public static string Show(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Within the limit in text elements, what a reader counts as characters (𠮷 is one).</summary>
    public static bool Fits(string value, int maxLength) => TextRules.FitsWithin(value, maxLength);

    private string? Check(string key, string label, string? value, int maxLength, bool required, bool multiline)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Error(key, Message("Error.Required", label));
            }

            return null;
        }

        if (!multiline && value.AsSpan().IndexOfAny('\n', '\r') >= 0)
        {
            Error(key, Message("Error.OneLine", label));
            return value;
        }

        if (HasControlCharacters(value, allowLineBreaks: multiline))
        {
            Error(key, Message("Error.Control", label));
            return value;
        }

        if (!Fits(value, maxLength))
        {
            Error(key, Message("Error.TooLong", label, maxLength));
        }

        return value;
    }

    private static int Scale(decimal value)
    {
        var normalized = value / 1.000000000000000000000000000000000m;
        return (decimal.GetBits(normalized)[3] >> 16) & 0xFF;
    }

    private static string Narrow(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '．' => '.',
                '，' => ',',
                '－' or '−' => '-',
                '＋' => '+',
                '\u3000' => ' ',
                _ => c,
            });
        }

        return builder.ToString();
    }
}
