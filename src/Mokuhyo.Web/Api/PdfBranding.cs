using Mokuhyo.Data.Tenancy;
using Mokuhyo.Documents.Pdf;
using Mokuhyo.Domain.Municipalities;

namespace Mokuhyo.Web.Api;

/// <summary>A city's branding for its PDF documents, read live like its pages' brand (not from the snapshot).</summary>
internal static class PdfBranding
{
    /// <summary>The brand to print, or null for a city that has set neither an emblem nor a colour: its PDFs stay as they were.</summary>
    public static async Task<PdfBrand?> ForAsync(MunicipalityAdministration municipalities, string city, CancellationToken cancellationToken)
    {
        if (!Municipality.IsValidSlug(city) || await municipalities.BrandAsync(city, cancellationToken) is not { } brand
            || (brand.EmblemHash is null && brand.PrimaryColor is null && brand.AccentColor is null))
        {
            return null;
        }

        var emblem = brand.EmblemHash is null ? null : await municipalities.EmblemAsync(brand.MunicipalityId, cancellationToken);
        return new PdfBrand(brand.Name, emblem?.Content, Color(brand.PrimaryColor), Color(brand.AccentColor));
    }

    private static HexColor? Color(string? text) => HexColor.TryParse(text, out var color) ? color : null;
}
