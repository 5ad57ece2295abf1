using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Mokuhyo.Web.Tests.Admin;

namespace Mokuhyo.Web.Tests.Tenancy;

public abstract class BrandingTests(TenancyApp tenancy)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    private Task<long> VersionAsync() => tenancy.App.WithDbAsync(db => db.Municipalities.Where(m => m.Slug == "iruma").Select(m => m.Version).SingleAsync(Ct));

    private async Task<HttpResponseMessage> SaveColorsAsync(HttpClient client, string primary, string accent, string name = "入間市") =>
        await AdminApp.PostFormAsync(client, "/staff/branding", null,
        [
            new("Input.Name", name), new("Input.PrimaryColor", primary), new("Input.AccentColor", accent),
            new("Input.Version", (await VersionAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName, string contentType)
    {
        var token = await AdminApp.AntiforgeryTokenAsync(client, "/staff/branding");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent((await VersionAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.Version");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "emblem", fileName);
        return await client.PostAsync(new Uri("/staff/branding?handler=Emblem", UriKind.Relative), form, Ct);
    }

    [Fact]
    public async Task Planning_staff_and_administrators_edit_the_brand_and_others_may_not()
    {
        tenancy.SkipIfUnavailable();
        foreach (var email in new[] { "kikaku@iruma.example.jp", "admin@iruma.example.jp" })
        {
            using var client = await tenancy.App.SignedInAsync(email);
            using var page = await client.GetAsync(new Uri("/staff/branding", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        foreach (var email in new[] { "viewer@iruma.example.jp", "shimin-seikatsu@iruma.example.jp", "bucho@iruma.example.jp" })
        {
            using var client = await tenancy.App.SignedInAsync(email);
            using var page = await client.GetAsync(new Uri("/staff/branding", UriKind.Relative), Ct);
            Assert.True(page.StatusCode == HttpStatusCode.Forbidden
                || (page.StatusCode == HttpStatusCode.Redirect && new Uri(new Uri("http://localhost"), page.Headers.Location!).AbsolutePath == "/account/denied"), email);
        }
    }

    [Theory]
    [InlineData("#3c8dbc", "", "ヘッダーの文字(白 #ffffff)と主色 #3c8dbcのコントラスト比は 3.66:1 で、WCAG 2.x AA の基準 4.5:1 に足りません")]
    [InlineData("", "#ffff00", "見出しの文字(アクセント色 #ffff00)とページの背景(白 #ffffff)のコントラスト比は 1.07:1")]
    [InlineData("red", "", "主色(ヘッダーの背景とリンク)は # で始まる6桁の16進数で入力してください")]
    [InlineData("#0b5394;}body{", "", "# で始まる6桁の16進数")]
    public async Task Colours_that_fail_WCAG_AA_are_refused_naming_the_pair_and_its_ratio(string primary, string accent, string message)
    {
        tenancy.SkipIfUnavailable();
        using var client = await tenancy.App.SignedInAsync("kikaku@iruma.example.jp");
        var before = await VersionAsync();
        using var response = await SaveColorsAsync(client, primary, accent);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before, await VersionAsync());
    }

    [Fact]
    public async Task Saved_colours_reach_the_public_pages_through_a_cached_stylesheet()
    {
        tenancy.SkipIfUnavailable();
        using var client = await tenancy.App.SignedInAsync("kikaku@iruma.example.jp");
        using var saved = await SaveColorsAsync(client, "#7A1F3D", "#333333");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var reader = tenancy.App.NewClient();
        var version = await VersionAsync();
        var page = await reader.GetStringAsync(new Uri("/iruma/2022/shimin-seikatsu", UriKind.Relative), Ct);
        Assert.Contains($"<link rel=\"stylesheet\" href=\"/iruma/brand.css?v={version}\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("brand.css", await (await reader.GetAsync(new Uri("/", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var css = await reader.GetAsync(new Uri($"/iruma/brand.css?v={version}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        var text = await css.Content.ReadAsStringAsync(Ct);
        Assert.Contains(":root { --accent: #7a1f3d; }", text, StringComparison.Ordinal);
        Assert.Contains("main h1, main h2 { color: #333333; }", text, StringComparison.Ordinal);
        Assert.NotNull(css.Headers.ETag);
        Assert.True(css.Headers.CacheControl?.Public);

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/iruma/brand.css", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(css.Headers.ETag!);
        using var notModified = await reader.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var unknown = await reader.GetAsync(new Uri("/nowhere/brand.css", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Emblems_are_PNG_or_JPEG_within_the_limit_and_served_with_their_type()
    {
        tenancy.SkipIfUnavailable();
        using var client = await tenancy.App.SignedInAsync("admin@iruma.example.jp");
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray();
        using (var refused = await UploadAsync(client, svg, "emblem.png", "image/png"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("画像は PNG か JPEG にしてください", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        var large = new byte[(256 * 1024) + 1];
        Png.CopyTo(large, 0);
        using (var refused = await UploadAsync(client, large, "large.png", "image/png"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("画像は 256KB 以内にしてください(このファイルは 257KB)", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.False(await tenancy.App.WithDbAsync(db => db.MunicipalityEmblems.AnyAsync(Ct)));

        // Declared as SVG, but the bytes are a PNG: the bytes decide.
        using (var saved = await UploadAsync(client, Png, "emblem.svg", "image/svg+xml"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var reader = tenancy.App.NewClient();
        var page = await reader.GetStringAsync(new Uri("/iruma", UriKind.Relative), Ct);
        var hash = await tenancy.App.WithDbAsync(db => db.MunicipalityEmblems.Select(e => e.Hash).SingleAsync(Ct));
        // The link names the city beside the emblem (marked lang="ja", as content): the image says only what it is.
        Assert.Contains($"<img src=\"/iruma/emblem?v={hash}\" alt=\"市章\">", page, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"ja\">入間市</span>", page, StringComparison.Ordinal);

        using var image = await reader.GetAsync(new Uri($"/iruma/emblem?v={hash}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(TimeSpan.FromDays(365), image.Headers.CacheControl?.MaxAge);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
    }
}

public sealed class BrandingOnSqliteTests(TenancyApp tenancy) : BrandingTests(tenancy), IClassFixture<TenancyApp>;

public sealed class BrandingOnPostgresTests(TenancyAppOnPostgres tenancy) : BrandingTests(tenancy), IClassFixture<TenancyAppOnPostgres>;
