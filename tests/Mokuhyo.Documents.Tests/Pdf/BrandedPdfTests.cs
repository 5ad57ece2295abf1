using Mokuhyo.Documents.Pdf;
using Mokuhyo.Domain.Municipalities;

namespace Mokuhyo.Documents.Tests.Pdf;

/// <summary>A city's brand on its PDFs: emblem and name at the top of every page, the content itself unmoved.</summary>
public sealed class BrandedPdfTests(SeedReport seed)
{
    private static readonly PdfBrand Brand = new("入間市 市民の窓口", TestImages.Png(40, 20, 0x1B, 0x5E, 0x20),
        HexColor.Parse("#1b5e20"), HexColor.Parse("#0d47a1"));

    private static byte[] Department(Domain.Reports.DepartmentReport report, PdfBrand? brand)
    {
        using var stream = new MemoryStream();
        Pdfs.Writer.WriteDepartment(report, stream, brand);
        return stream.ToArray();
    }

    [Fact]
    public async Task Every_page_carries_the_emblem_and_the_name_and_the_content_stays_where_it_was()
    {
        var report = await seed.GetAsync();
        var plain = Pdfs.Department(report);
        var branded = Department(report, Brand);

        var images = Poppler.Images(branded);
        var pages = Poppler.PageCount(branded);
        Assert.Equal(Poppler.PageCount(plain), pages);
        Assert.Equal(Enumerable.Range(1, pages), images.Select(i => i.Page));
        Assert.All(images, i => Assert.Equal((40, 20, "image"), (i.Width, i.Height, i.Type)));
        Assert.Empty(Poppler.Images(plain));

        var brandedPages = Poppler.Pages(branded);
        var plainPages = Poppler.Pages(plain);
        for (var k = 0; k < pages; k++)
        {
            Assert.StartsWith("入間市 市民の窓口", brandedPages[k].TrimStart(), StringComparison.Ordinal);
            Assert.Equal(plainPages[k].Trim(), brandedPages[k].TrimStart()["入間市 市民の窓口".Length..].Trim());
        }
    }

    [Fact]
    public async Task The_compendium_cover_carries_the_brand_and_an_unreadable_emblem_leaves_the_name_alone()
    {
        var report = await seed.GetAsync();
        using var stream = new MemoryStream();
        Pdfs.Writer.WriteCompendium("入間市", "令和4年度", [report], stream, Brand);
        var compendium = stream.ToArray();
        Assert.Contains(1, Poppler.Images(compendium).Select(i => i.Page));
        Assert.StartsWith("入間市 市民の窓口", Poppler.Pages(compendium)[0].TrimStart(), StringComparison.Ordinal);

        // PNG's signature with nothing readable after it: sniffed as PNG when uploaded, but no image.
        var broken = Brand with { Emblem = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4] };
        var pdf = Department(report, broken);
        Assert.Empty(Poppler.Images(pdf));
        Assert.StartsWith("入間市 市民の窓口", Poppler.Pages(pdf)[0].TrimStart(), StringComparison.Ordinal);
    }
}
