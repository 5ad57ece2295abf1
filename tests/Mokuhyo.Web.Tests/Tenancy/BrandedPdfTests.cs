using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mokuhyo.Data;
using Mokuhyo.Data.Tenancy;
using Mokuhyo.Documents.Tests.Pdf;
using Mokuhyo.Web.Tests.Admin;

namespace Mokuhyo.Web.Tests.Tenancy;

/// <summary>A city's branding (/staff/branding) on its published PDFs: the emblem and the brand name at the top of each page.</summary>
public sealed class BrandedPdfTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<byte[]> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    [Fact]
    public async Task A_branded_city_prints_its_emblem_and_name_and_an_unbranded_one_prints_neither()
    {
        await using var app = await AdminApp.StartAsync();
        using var client = app.NewClient();
        const string Report = "/iruma/2022/shimin-seikatsu/report.pdf";
        const string Compendium = "/iruma/2022/compendium.pdf";

        var plain = await GetAsync(client, Report);
        Assert.Empty(Poppler.Images(plain));
        Assert.DoesNotContain("いるま市役所", Poppler.Text(plain), StringComparison.Ordinal);

        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<MokuhyoDbContext>();
            var municipalities = services.GetRequiredService<MunicipalityAdministration>();
            var iruma = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Slug == "iruma", Ct);
            Assert.Equal(MunicipalitySaveOutcome.Saved, await municipalities.SaveBrandingAsync(iruma.Id, iruma.Version, "いるま市役所", "#1b5e20", "#0d47a1", Ct));
            var version = await db.Municipalities.Where(m => m.Id == iruma.Id).Select(m => m.Version).SingleAsync(Ct);
            Assert.Equal(MunicipalitySaveOutcome.Saved, await municipalities.SaveEmblemAsync(iruma.Id, version, TestImages.Png(48, 48, 0x1B, 0x5E, 0x20), "image/png", Ct));
            return 0;
        });

        var branded = await GetAsync(client, Report);
        var images = Poppler.Images(branded);
        Assert.Equal(Enumerable.Range(1, Poppler.PageCount(branded)), images.Select(i => i.Page));
        Assert.All(images, i => Assert.Equal((48, 48), (i.Width, i.Height)));
        Assert.All(Poppler.Pages(branded), page => Assert.StartsWith("いるま市役所", page.TrimStart(), StringComparison.Ordinal));
        Assert.Equal(Poppler.PageCount(plain), Poppler.PageCount(branded));

        var compendium = await GetAsync(client, Compendium);
        Assert.Contains(1, Poppler.Images(compendium).Select(i => i.Page));
        Assert.StartsWith("いるま市役所", Poppler.Pages(compendium)[0].TrimStart(), StringComparison.Ordinal);
    }
}
