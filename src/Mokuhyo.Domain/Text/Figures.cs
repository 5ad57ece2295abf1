using System.Globalization;

namespace Mokuhyo.Domain.Text;

/// <summary>Writes figures as Japanese reports do: digit grouping, no trailing zeros, the unit after (40,070世帯, 82.12%).</summary>
public static class Figures
{
    /// <summary>
    /// The value without trailing zeros: databases hand decimals back padded to their column's scale
    /// (80.0000 from PostgreSQL, 80.0 from SQLite), and a report means 80.
    /// </summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    public static string Format(decimal value, string? unit = null)
    {
        var normalized = Normalize(value);
        var scale = (decimal.GetBits(normalized)[3] >> 16) & 0xFF;
        var number = normalized.ToString("N" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return number + (unit ?? string.Empty);
    }
}
