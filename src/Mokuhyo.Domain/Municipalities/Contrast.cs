using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Mokuhyo.Domain.Municipalities;

/// <summary>An sRGB colour written as #rrggbb, as a city's brand colours are entered and served.</summary>
public readonly record struct HexColor(byte R, byte G, byte B)
{
    public static readonly HexColor White = new(255, 255, 255);

    /// <summary>Accepts #rrggbb (either case); anything else, including #rgb and colour names, is refused so the stylesheet stays predictable.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out HexColor color)
    {
        color = default;
        if (text is not { Length: 7 } || text[0] != '#' || !text.AsSpan(1).ContainsOnlyHex())
        {
            return false;
        }

        var value = int.Parse(text.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        color = new HexColor((byte)(value >> 16), (byte)(value >> 8), (byte)value);
        return true;
    }

    public static HexColor Parse(string text) =>
        TryParse(text, out var color) ? color : throw new FormatException($"'{text}' is not a #rrggbb colour.");

    /// <summary>Lower-case #rrggbb.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}");
}

file static class HexSpan
{
    public static bool ContainsOnlyHex(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Contrast between two colours as WCAG 2.x defines it (relative luminance, ratio from 1:1 to 21:1).</summary>
public static class Contrast
{
    /// <summary>WCAG 2.x level AA for normal text (success criterion 1.4.3).</summary>
    public const double AaNormalText = 4.5;

    /// <summary>Relative luminance: each sRGB channel linearised, then weighted 0.2126, 0.7152, 0.0722.</summary>
    public static double RelativeLuminance(HexColor color) =>
        (0.2126 * Linear(color.R)) + (0.7152 * Linear(color.G)) + (0.0722 * Linear(color.B));

    /// <summary>(L1 + 0.05) / (L2 + 0.05), the lighter colour's luminance over the darker's; order of the arguments does not matter.</summary>
    public static double Ratio(HexColor first, HexColor second)
    {
        var a = RelativeLuminance(first);
        var b = RelativeLuminance(second);
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    /// <summary>Whether text of one colour on the other reaches AA. The ratio is not rounded up: 4.499 fails.</summary>
    public static bool MeetsAa(HexColor text, HexColor background) => Ratio(text, background) >= AaNormalText;

    // WCAG 2.x gives the threshold as 0.03928; the sRGB standard's 0.04045 differs only for values no 8-bit channel takes.
    private static double Linear(byte channel)
    {
        var c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
