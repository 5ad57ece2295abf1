using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Mokuhyo.Documents.Pdf;

/// <summary>The fonts of Mokuhyo's PDFs and the one PDFsharp font resolver that serves them.</summary>
public static class PdfFonts
{
    /// <summary>IPAexゴシック, shipped in this assembly: headings, tables, the footer.</summary>
    public const string Gothic = "IPAexGothic";

    /// <summary>IPAex明朝, shipped in this assembly: running text.</summary>
    public const string Mincho = "IPAexMincho";

    /// <summary>IPAmj明朝, used for characters IPAex lacks, and only where the machine has it installed.</summary>
    public const string Fallback = "IPAmjMincho";

    /// <summary>Where Debian's fonts-ipamj-mincho puts the fallback font.</summary>
    public const string FallbackPath = "/usr/share/fonts/truetype/ipamj/ipamjm.ttf";

    private static readonly Lock Gate = new();

    /// <summary>Whether the fallback font is on this machine; decided once, as PDFsharp caches fonts for the process.</summary>
    public static bool HasFallback { get; } = File.Exists(FallbackPath);

    /// <summary>
    /// Installs the resolver as PDFsharp's global font resolver. Safe to call from any thread, any
    /// number of times; PDFsharp allows only one resolver per process, so another one already set is an error.
    /// </summary>
    public static void EnsureInstalled()
    {
        if (GlobalFontSettings.FontResolver is EmbeddedFontResolver)
        {
            return;
        }

        lock (Gate)
        {
            switch (GlobalFontSettings.FontResolver)
            {
                case null:
                    GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
                    break;
                case EmbeddedFontResolver:
                    break;
                case var other:
                    throw new InvalidOperationException(
                        $"PDFsharp already has the font resolver {other.GetType().FullName}; Mokuhyo's PDFs need {nameof(EmbeddedFontResolver)}.");
            }
        }
    }
}

/// <summary>Serves the IPAex fonts from the assembly's resources, and IPAmj明朝 from the machine when present.</summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    private const string GothicFace = "ipaexg";
    private const string MinchoFace = "ipaexm";
    private const string FallbackFace = "ipamjm";

    private readonly ConcurrentDictionary<string, byte[]> faces = new(StringComparer.Ordinal);

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var face = familyName switch
        {
            _ when string.Equals(familyName, PdfFonts.Mincho, StringComparison.OrdinalIgnoreCase) => MinchoFace,
            _ when string.Equals(familyName, PdfFonts.Fallback, StringComparison.OrdinalIgnoreCase) && PdfFonts.HasFallback => FallbackFace,
            // Any other family (PDFsharp asks for its own defaults in places) gets the Gothic, so no lookup fails.
            _ => GothicFace,
        };

        // IPAex has neither bold nor italic faces: PDFsharp simulates them.
        return new FontResolverInfo(face, bold, italic);
    }

    public byte[]? GetFont(string faceName) => faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        if (string.Equals(faceName, FallbackFace, StringComparison.Ordinal))
        {
            return File.ReadAllBytes(PdfFonts.FallbackPath);
        }

        var name = $"Mokuhyo.Documents.Fonts.{faceName}.ttf";
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource {name} is missing from the assembly.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
