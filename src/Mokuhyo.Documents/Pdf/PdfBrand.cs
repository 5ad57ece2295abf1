using Mokuhyo.Domain.Municipalities;

namespace Mokuhyo.Documents.Pdf;

/// <summary>
/// A city's branding as the PDF shows it: its name and emblem (市章, PNG or JPEG) at the top of every
/// page, in its colours where they read well on white. Without it the documents are as they always were.
/// </summary>
public sealed record PdfBrand(string Name, byte[]? Emblem, HexColor? Primary, HexColor? Accent)
{
    /// <summary>The name's colour: the accent (a heading colour), else the primary, whichever reaches AA on white; else black.</summary>
    internal HexColor? TextColor => Readable(Accent) ?? Readable(Primary);

    /// <summary>The rule under the header: the primary colour when it reads on white, else the accent.</summary>
    internal HexColor? RuleColor => Readable(Primary) ?? Readable(Accent);

    // Colours are checked when saved, but a brand saved before a check tightened must not print unreadably.
    private static HexColor? Readable(HexColor? color) =>
        color is { } c && Contrast.Ratio(c, HexColor.White) >= Contrast.AaNormalText ? c : null;
}
