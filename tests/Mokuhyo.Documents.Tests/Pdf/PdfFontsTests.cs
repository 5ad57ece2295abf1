using Mokuhyo.Documents.Pdf;
using PdfSharp.Fonts;

namespace Mokuhyo.Documents.Tests.Pdf;

public sealed class PdfFontsTests(SeedReport seed)
{
    [Fact]
    public void Installing_the_font_resolver_from_many_threads_at_once_sets_it_once()
    {
        Parallel.For(0, 64, _ => PdfFonts.EnsureInstalled());
        var first = GlobalFontSettings.FontResolver;

        PdfFonts.EnsureInstalled();

        Assert.IsType<EmbeddedFontResolver>(first);
        Assert.Same(first, GlobalFontSettings.FontResolver);
    }

    [Fact]
    public void The_ipaex_fonts_come_from_the_assembly()
    {
        var resolver = new EmbeddedFontResolver();

        foreach (var family in new[] { PdfFonts.Gothic, PdfFonts.Mincho })
        {
            var info = resolver.ResolveTypeface(family, bold: false, italic: false);
            var bytes = resolver.GetFont(info!.FaceName);

            Assert.NotNull(bytes);
            Assert.True(bytes.Length > 5_000_000, $"{family}: {bytes.Length} bytes");
        }
    }

    [Fact]
    public void Bold_is_simulated_as_ipaex_has_no_bold_face()
    {
        var info = new EmbeddedFontResolver().ResolveTypeface(PdfFonts.Gothic, bold: true, italic: false);

        Assert.True(info!.MustSimulateBold);
    }

    [Fact]
    public async Task Documents_can_be_written_on_several_threads_at_once()
    {
        var report = await seed.GetAsync();

        var pdfs = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Pdfs.Department(report))));

        Assert.All(pdfs, pdf => Assert.Equal(pdfs[0].Length, pdf.Length));
    }
}
