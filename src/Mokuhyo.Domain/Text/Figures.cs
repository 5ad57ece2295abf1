using System.Globalization;

namespace Mokuhyo.Domain.Text;

/// <summary>Writes figures as Japanese reports do: digit grouping, the decimals as entered, the unit after (40,070世帯, 82.12%).</summary>
public static class Figures
{
    public static string Format(decimal value, string? unit = null)
    {
        var scale = (decimal.GetBits(value)[3] >> 16) & 0xFF;
        var number = value.ToString("N" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return number + (unit ?? string.Empty);
    }
}
