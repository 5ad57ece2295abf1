using System.Globalization;

namespace Mokuhyo.Domain.Text;

/// <summary>Writes figures as Japanese reports do: digit grouping, no trailing zeros, the unit after (40,070世帯, 82.12%).</summary>
public static class Figures
{
    public static string Format(decimal value, string? unit = null)
    {
        // Databases hand decimals back padded to their column's scale (80.0000); a report writes 80.
        var normalized = value / 1.000000000000000000000000000000000m;
        var scale = (decimal.GetBits(normalized)[3] >> 16) & 0xFF;
        var number = normalized.ToString("N" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return number + (unit ?? string.Empty);
    }
}
