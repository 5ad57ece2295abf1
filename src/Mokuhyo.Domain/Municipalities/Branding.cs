namespace Mokuhyo.Domain.Municipalities;

/// <summary>One pair of colours a city's pages put text on, and whether the pair is readable.</summary>
public sealed record ContrastCheck(BrandPair Pair, HexColor Text, HexColor Background, double Ratio)
{
    public bool Passes => Ratio >= Contrast.AaNormalText;
}

/// <summary>The places where a brand colour meets text on the public pages.</summary>
public enum BrandPair
{
    /// <summary>The header's white text on the primary colour (also links in the primary colour on white).</summary>
    HeaderTextOnPrimary,

    /// <summary>Headings in the accent colour on the white page.</summary>
    AccentOnPage,
}

/// <summary>
/// A city's colours on its public pages and documents: the header and links in the primary colour,
/// headings in the accent colour. Both sit against white, so both must reach WCAG AA against it.
/// </summary>
public static class Branding
{
    /// <summary>Limits of the emblem image: small enough to serve on every page, large enough for a crisp header.</summary>
    public const int MaxEmblemBytes = 256 * 1024;

    public static IReadOnlyList<ContrastCheck> Check(HexColor primary, HexColor accent) =>
    [
        new(BrandPair.HeaderTextOnPrimary, HexColor.White, primary, Contrast.Ratio(HexColor.White, primary)),
        new(BrandPair.AccentOnPage, accent, HexColor.White, Contrast.Ratio(accent, HexColor.White)),
    ];

    /// <summary>The image type of an emblem, from its first bytes: PNG or JPEG only (SVG can carry script), or null.</summary>
    public static string? SniffEmblem(ReadOnlySpan<byte> head)
    {
        ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (head.StartsWith(png))
        {
            return "image/png";
        }

        return head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF ? "image/jpeg" : null;
    }
}
